// The newsroom app as the server delivers it (dist/admin/, built by `npm run build`): /admin and its screens'
// addresses answer the app's page for a signed-in member of staff and send everyone else to sign in; the page has
// no inline script and goes out under the site's CSP; the built files are cache-forever and only from our origin.
// Also the Admin API additions the app's article list and editor use: counts per status, the list's language and
// date filters, archiving several articles, and the refusal of a save made from an outdated version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { APP_DIR } from '../../src/admin_pages/app_shell.ts';
import { call } from './api.ts';

const built = existsSync(`${APP_DIR}index.html`);

for (const dialect of testDialects()) {
  test(`newsroom app is served at /admin (${dialect})`, { skip: !built && 'run `npm run build` first' }, async () => {
    const t = await makeTestApp(dialect);
    try {
      const out = await t.app.inject({ method: 'GET', url: '/admin/articles?status=review' });
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/admin/sign-in');

      const editor = await signInAs(t, 'editor');
      for (const url of ['/admin', '/admin/articles', '/admin/articles/12', '/admin/media', '/admin/comments']) {
        const res = await t.app.inject({ method: 'GET', url, headers: editor.headers });
        assert.equal(res.statusCode, 200, url);
        assert.match(res.body, /<div id="app">/);
        assert.equal(res.headers['cache-control'], 'no-store');
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'(;|$)/, 'no inline script, no eval allowed');
        // Every script and stylesheet is a file from our origin; none is written into the page.
        assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc="\/admin\/assets\/)[^>]*>/);
        assert.doesNotMatch(res.body, /(src|href)="(https?:)?\/\//);
      }
      // The sign-in pages stay where they are (static routes win over the app's catch-all).
      assert.match((await t.app.inject({ method: 'GET', url: '/admin/sign-in' })).body, /<form/);

      const assets = readdirSync(`${APP_DIR}assets`);
      const js = assets.find((f) => /^index-.*\.js$/.test(f))!;
      const asset = await t.app.inject({ method: 'GET', url: `/admin/assets/${js}`, headers: { 'accept-encoding': 'br' } });
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /max-age=31536000.*immutable|immutable.*max-age=31536000/);
      assert.match(String(asset.headers['content-type']), /javascript/);
      assert.equal((await t.app.inject({ method: 'GET', url: '/admin/assets/index-missing.js' })).statusCode, 404);
      assert.ok(assets.some((f) => /^editor_screen-.*\.js$/.test(f)), 'the editor is a chunk of its own, loaded when needed');
    } finally {
      await t.close();
    }
  });

  test(`article list counts, filters, bulk archive and save conflicts (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = await signInAs(t, 'editor');
      const made: number[] = [];
      for (const [headline, language] of [['Water prices rise', 'en'], ['نرخ آب بالا رفت', 'fa'], ['Schools reopen', 'en']]) {
        const r = await call(t, editor.headers, 'POST', '/api/admin/articles', { headline, language });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        made.push(r.body.id);
      }
      const counts = await call(t, editor.headers, 'GET', '/api/admin/articles/counts');
      assert.deepEqual(counts.body.counts, { draft: 3, review: 0, scheduled: 0, published: 0, archived: 0 });
      const dari = await call(t, editor.headers, 'GET', '/api/admin/articles?language=fa');
      assert.deepEqual(dari.body.articles.map((a: { id: number }) => a.id), [made[1]]);
      assert.equal((await call(t, editor.headers, 'GET', '/api/admin/articles/counts?language=fa')).body.counts.draft, 1);
      const today = t.ctx.clock.now().toISOString().slice(0, 10);
      assert.equal((await call(t, editor.headers, 'GET', `/api/admin/articles?from=${today}&to=${today}`)).body.total, 3);
      assert.equal((await call(t, editor.headers, 'GET', '/api/admin/articles?to=2000-01-01')).body.total, 0);
      assert.equal((await call(t, editor.headers, 'GET', '/api/admin/articles?from=yesterday')).status, 400, 'a day is YYYY-MM-DD');

      const archived = await call(t, editor.headers, 'POST', '/api/admin/articles/archive', { ids: [made[0], made[2], 999_999] });
      assert.equal(archived.status, 200, JSON.stringify(archived.body));
      assert.deepEqual(archived.body.archived, [made[0], made[2]]);
      assert.deepEqual(archived.body.refused.map((r: { id: number }) => r.id), [999_999]);
      assert.deepEqual((await call(t, editor.headers, 'GET', '/api/admin/articles/counts')).body.counts, { draft: 1, review: 0, scheduled: 0, published: 0, archived: 2 });

      // Two editors open the same article; the second one's save from the older version is refused and changes nothing.
      const opened = (await call(t, editor.headers, 'GET', `/api/admin/articles/${made[1]}`)).body.article;
      t.clock.advance(1000);
      const first = await call(t, editor.headers, 'PATCH', `/api/admin/articles/${made[1]}?baseUpdatedAt=${encodeURIComponent(opened.updated_at)}`, { standfirst: 'First' });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      t.clock.advance(1000);
      const second = await call(t, editor.headers, 'PUT', `/api/admin/articles/${made[1]}/autosave?baseUpdatedAt=${encodeURIComponent(opened.updated_at)}`, { standfirst: 'Second' });
      assert.equal(second.status, 409);
      assert.equal(second.body.error.field, 'updatedAt');
      assert.equal((await call(t, editor.headers, 'GET', `/api/admin/articles/${made[1]}`)).body.article.standfirst, 'First');
      const corrected = await call(t, editor.headers, 'POST', `/api/admin/articles/${made[1]}/corrections`, { body: 'An earlier version misspelt the district.' });
      assert.equal(corrected.status, 201, JSON.stringify(corrected.body));
      assert.equal((await call(t, editor.headers, 'POST', `/api/admin/articles/${made[1]}/corrections`, { body: '' })).status, 400);
      const contributor = await signInAs(t, 'contributor', { email: 'c@khabar.test' });
      assert.equal((await call(t, contributor.headers, 'POST', `/api/admin/articles/${made[1]}/corrections`, { body: 'Mine' })).status, 403);
      assert.equal((await call(t, contributor.headers, 'POST', '/api/admin/articles/archive', { ids: [made[1]] })).status, 403);
    } finally {
      await t.close();
    }
  });
}
