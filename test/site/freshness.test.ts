// Pages show a change at once: the read cache is emptied by every change the services announce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { updateArticle, unpublishArticle } from '../../src/content/articles.ts';
import { updatePerson } from '../../src/content/people.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { updateSource } from '../../src/content/sources.ts';
import { pickEncoding } from '../../src/http/send_page.ts';

for (const dialect of testDialects()) {
  test(`pages show changes at once (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const page = async (url: string) => (await t.app.inject(url)).body;
      const url = '/articles/clinic-opens-in-herat';
      assert.match(await page(url), /Mina covers migration./);
      await updateArticle(t.ctx, n.articles.corrected, { headline: 'Clinic opens in Herat after delay' }, { userId: null });
      assert.match(await page(url), /<h1>Clinic opens in Herat after delay<\/h1>/);
      await updatePerson(t.ctx, n.people.mina, { bio: 'Mina now edits the desk.' });
      assert.match(await page(url), /Mina now edits the desk./);
      await updateSettings(t.ctx, { name: 'Renamed Daily' });
      assert.match(await page(url), /<span>Renamed Daily<\/span>/);
      await updateSource(t.ctx, n.sourceId, { description: 'Partner Wire moved to Doha in 2001.' });
      assert.match(await page('/articles/talks-resume-abroad'), /Partner Wire moved to Doha in 2001./);
      assert.match(await page('/'), /Clinic opens in Herat after delay/);
      await unpublishArticle(t.ctx, n.articles.corrected, { userId: null });
      assert.equal((await t.app.inject(url)).statusCode, 404);
      assert.doesNotMatch(await page('/'), /Clinic opens in Herat after delay/);
      assert.doesNotMatch(await page('/articles/new-slug'), /Clinic opens in Herat/, 'gone from rails and related');
    } finally {
      await t.close();
    }
  });
}

test('compressed pages decode to the same HTML; encodings negotiated by q-values', async () => {
  const t = await makeTestApp('sqlite');
  try {
    await buildNewsroom(t.ctx);
    const plain = (await t.app.inject('/')).body;
    const br = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain);
    const gz = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain);
    assert.equal(br.headers.etag, gz.headers.etag, 'one ETag per page version, whatever the encoding');
  } finally {
    await t.close();
  }
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding('identity'), 'identity');
  assert.equal(pickEncoding(undefined), 'identity');
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('*;q=0'), 'identity');
});
