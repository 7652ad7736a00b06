// Data saver over HTTP: `Save-Data: on` gets the smallest pictures, ordinary readers the full set; the two are
// kept apart in the page cache and named in Vary; a malformed header is an ordinary request, never an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';

const LEAD = '/articles/border-crossings-script-alert-1-script-rise';

for (const dialect of testDialects()) {
  test(`data saver (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect);
    try {
      await buildNewsroom(t.ctx, 0);
      const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

      await s.test('Save-Data: on gets only the smallest variants, with the placeholder colour', async () => {
        const full = await get(LEAD);
        const saving = await get(LEAD, { 'save-data': 'on' });
        assert.equal(full.statusCode, 200);
        assert.equal(saving.statusCode, 200);
        assert.match(full.body, /-960\.avif 960w/, 'an ordinary reader is offered the larger variants');
        // (the head's share-card meta names the large picture for other sites; the browser loads none of it)
        const shown = saving.body.slice(saving.body.indexOf('<body'));
        assert.doesNotMatch(shown, /-960\.|-1200\./, 'a reader saving data is offered none of them');
        assert.match(saving.body, /<img src="\/media\/[^"]+-480\.jpg" srcset="[^"]+-480\.jpg 480w"/);
        assert.match(full.body, /<img [^>]*class="ph-[26ad]{3}"/, 'the hero has its placeholder colour');
        assert.equal(full.headers.vary, 'accept-encoding, save-data');
        assert.equal(saving.headers.vary, 'accept-encoding, save-data');
        assert.notEqual(full.headers.etag, saving.headers.etag);
      });

      await s.test('the page cache keeps the two apart', async () => {
        const again = await get(LEAD, { 'save-data': 'on' });
        assert.equal(again.headers['x-khabar-cache'], 'hit');
        assert.doesNotMatch(again.body, /-960\./);
        const plain = await get(LEAD);
        assert.equal(plain.headers['x-khabar-cache'], 'hit');
        assert.match(plain.body, /-960\.avif 960w/);
        // the ETag of one never answers 304 for the other
        const cross = await get(LEAD, { 'if-none-match': String(plain.headers.etag), 'save-data': 'on' });
        assert.equal(cross.statusCode, 200);
      });

      await s.test('malformed or other Save-Data values are ordinary requests', async () => {
        for (const value of ['off', 'yes', 'on; q=1', '', '\u00ffon', 'ON ', 'o'.repeat(5000)]) {
          const r = await get(LEAD, { 'save-data': value });
          assert.equal(r.statusCode, 200, JSON.stringify(value.slice(0, 20)));
          if (value.trim().toLowerCase() === 'on') assert.doesNotMatch(r.body, /-960\./);
          else assert.match(r.body, /-960\.avif 960w/, JSON.stringify(value.slice(0, 20)));
        }
        const home = await get('/', { 'save-data': 'on' });
        assert.equal(home.statusCode, 200);
        assert.doesNotMatch(home.body, /-960\.avif 960w/);
      });
    } finally {
      await t.close();
    }
  });
}
