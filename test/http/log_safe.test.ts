import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { makeTestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { loggableUrl } from '../../src/http/log_safe.ts';

test('log: secrets in addresses are masked, everything else kept', () => {
  assert.equal(loggableUrl('/admin/setup?token=abc123'), '/admin/setup?token=[hidden]');
  assert.equal(loggableUrl('/api/content/articles?page=2&key=k_secret&section=x'), '/api/content/articles?page=2&key=[hidden]&section=x');
  assert.equal(loggableUrl('/api/content/tags?KEY=k_secret'), '/api/content/tags?KEY=[hidden]');
  assert.equal(loggableUrl('/api/content/tags?%6Bey=k_secret'), '/api/content/tags?%6Bey=[hidden]');
  assert.equal(loggableUrl('/preview/eyJhbGciOi.sig'), '/preview/[hidden]');
  assert.equal(loggableUrl('/articles/a-story?utm=1'), '/articles/a-story?utm=1');
  assert.equal(loggableUrl('/search?q=%E0%A4'), '/search?q=%E0%A4');
});

test('log: the request log of a running app never holds a link token, API key, preview token or cookie', async () => {
  const t = await makeTestContext('sqlite');
  let log = '';
  const stream = new Writable({ write(chunk, _enc, done) { log += String(chunk); done(); } });
  const app = await buildApp(t.ctx, { logger: { level: 'info', stream } });
  try {
    await app.ready();
    await app.inject('/admin/setup?token=SETUPSECRET123');
    await app.inject({ url: '/api/content/sections?key=APIKEYSECRET456', headers: { cookie: 'khabar_session=COOKIESECRET789' } });
    await app.inject('/preview/PREVIEWSECRET000');
    assert.match(log, /request completed/, 'requests are logged at info level');
    assert.match(log, /\/api\/content\/sections\?key=\[hidden\]/);
    for (const secret of ['SETUPSECRET123', 'APIKEYSECRET456', 'COOKIESECRET789', 'PREVIEWSECRET000']) {
      assert.ok(!log.includes(secret), `${secret} appears in the log`);
    }
  } finally {
    await app.close();
    await t.close();
  }
});
