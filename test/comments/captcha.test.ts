import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { verifyCaptcha } from '../../src/comments/captcha.ts';
import { DEFAULT_COMMENT_SETTINGS, type CaptchaProvider, type CommentSettings } from '../../src/comments/settings.ts';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm } from './fixtures.ts';

/** A local stand-in for the providers' siteverify endpoints: the token names the answer. */
async function fakeVerifier() {
  const app = Fastify();
  await app.register(formbody);
  const seen: Record<string, string>[] = [];
  // A 'slow' verifier never answers while the test runs, so the adapter's time limit is what ends the wait,
  // however busy the machine.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  app.post('/siteverify', async (req, reply) => {
    const b = req.body as Record<string, string>;
    seen.push(b);
    if (b.secret !== 'server-secret') return { success: false, 'error-codes': ['invalid-input-secret'] };
    switch (b.response) {
      case 'good': return { success: true, score: 0.9, action: 'comment', hostname: 'news.example' };
      case 'low': return { success: true, score: 0.1, action: 'comment' };
      case 'wrong-action': return { success: true, score: 0.9, action: 'login' };
      case 'no-score': return { success: true, action: 'comment' };
      case 'error': return reply.code(500).send('boom');
      case 'garbage': return reply.type('application/json').send('{not json');
      case 'slow': await held; return { success: true };
      default: return { success: false, 'error-codes': ['invalid-input-response'] };
    }
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${url}/siteverify`, seen, close: () => { release(); return app.close(); } };
}

/** A verifier that answers is waited for as long as the setting allows (a busy machine answers loopback slowly
 * too); the time limit is short only where the verifier never answers. */
const PATIENT_MS = 60_000;

const settings = (provider: CaptchaProvider, url: string, more: Partial<CommentSettings> = {}): CommentSettings =>
  ({ ...DEFAULT_COMMENT_SETTINGS, captchaProvider: provider, captchaSecret: 'server-secret', captchaSiteKey: 'site-key', captchaVerifyUrl: url, captchaTimeoutMs: PATIENT_MS, ...more });

test('captcha adapters verify against a local fake server, with score and action checks', async () => {
  const v = await fakeVerifier();
  try {
    const rows: [CaptchaProvider, string | undefined, string, number | null][] = [
      ['recaptcha', 'good', 'ok', 0.9],
      ['recaptcha', 'low', 'ok', 0.1],
      ['recaptcha', 'no-score', 'failed', null],
      ['recaptcha', 'wrong-action', 'failed', 0.9],
      ['turnstile', 'no-score', 'ok', null],
      ['turnstile', 'forged', 'failed', null],
      ['hcaptcha', 'good', 'ok', 0.9],
      ['hcaptcha', 'error', 'down', null],
      ['hcaptcha', 'garbage', 'down', null],
      ['turnstile', 'slow', 'down', null],
      ['recaptcha', undefined, 'missing', null],
    ];
    for (const [provider, token, state, score] of rows) {
      const r = await verifyCaptcha(settings(provider, v.url, token === 'slow' ? { captchaTimeoutMs: 300 } : {}), token, '203.0.113.9');
      assert.equal(r.state, state, `${provider} ${token}: ${r.reason}`);
      assert.equal(r.score, score, `${provider} ${token}`);
    }
    assert.equal((await verifyCaptcha(settings('recaptcha', v.url, { captchaSecret: 'wrong' }), 'good', '::1')).state, 'failed');
    assert.deepEqual({ ...v.seen[0] }, { secret: 'server-secret', response: 'good', remoteip: '203.0.113.9' });
    assert.equal(v.seen.find((s) => s.response === 'good' && s.sitekey)?.sitekey, 'site-key', 'hCaptcha gets the site key');
    assert.equal((await verifyCaptcha({ ...DEFAULT_COMMENT_SETTINGS }, 'anything', '::1')).state, 'off', 'off by default');
  } finally {
    await v.close();
  }
  const down = await verifyCaptcha(settings('turnstile', 'http://127.0.0.1:9/siteverify'), 'good', '::1');
  assert.equal(down.state, 'down');
});

for (const dialect of testDialects()) {
  test(`with a verifier configured: down holds, refused tokens fail, low scores cost (${dialect})`, async () => {
    const v = await fakeVerifier();
    const a = await makeTestApp(dialect);
    try {
      await cheapSettings(a.ctx, { captchaProvider: 'recaptcha', captchaSecret: 'server-secret', captchaVerifyUrl: v.url, captchaTimeoutMs: PATIENT_MS });
      const articleId = String(await publishedArticle(a.ctx));
      const post = async (token: string, ip: string) => postForm(a.app, { article_id: articleId, comment: `Comment with token ${token}`, name: 'Reader', altcha: await solvedPayload(a.app), 'g-recaptcha-response': token }, { 'x-test-ip': ip });
      assert.equal((await post('good', '192.0.2.1')).json().status, 'approved');
      assert.equal((await post('error', '192.0.2.2')).json().status, 'pending', 'verifier down holds');
      const forged = await post('forged', '192.0.2.3');
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.message, 'Captcha verification failed!');
      assert.equal((await post('low', '192.0.2.4')).json().status, 'pending', 'low score holds');
      await v.close();
      assert.equal((await post('good', '192.0.2.5')).json().status, 'pending', 'verifier gone holds');
    } finally {
      await a.close();
      await v.close();
    }
  });
}
