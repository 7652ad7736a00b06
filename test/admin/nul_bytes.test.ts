// NUL and other control characters never reach a page: refused with a field error in every text a newsroom or a
// reader sends (headlines, standfirsts, names, tags, comments), whichever way it arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from './api.ts';

for (const dialect of testDialects()) {
  test(`[${dialect}] a NUL byte is refused in headlines and every other text field, with the field named`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const nul = 'Kabul\u0000 floods';
      for (const [url, body, field] of [
        ['/api/admin/articles', { headline: nul }, 'headline'],
        ['/api/admin/articles', { headline: 'Fine', standfirst: nul }, 'standfirst'],
        ['/api/admin/articles', { headline: 'Fine', tags: [nul] }, 'tags'],
        ['/api/admin/tags', { name: nul }, 'name'],
        ['/api/admin/people', { name: nul }, 'name'],
        ['/api/admin/sections', { name: nul }, 'name'],
      ] as const) {
        const r = await call(t, editor, 'POST', url, body);
        assert.equal(r.status, 400, `${url} ${field}: ${JSON.stringify(r.body)}`);
        assert.match(r.body.error.field, new RegExp(field), JSON.stringify(r.body));
      }
      const made = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Fine' });
      const patch = await call(t, editor, 'PATCH', `/api/admin/articles/${made.body.id}`, { headline: nul });
      assert.equal(patch.status, 400, JSON.stringify(patch.body));
      const body = await call(t, editor, 'PATCH', `/api/admin/articles/${made.body.id}`, { bodyHtml: `<p>${nul} &#0; &#x0; &#10;ok</p>` });
      assert.equal(body.status, 200);
      assert.ok(!body.body.article.body_html.includes('\u0000'), 'stripped from a body (HTML is cleaned, not refused)');
      assert.doesNotMatch(body.body.article.body_html, /&#x?0+;/, 'and so is a reference to one');
      const rows = await t.ctx.db.selectFrom('articles').select(['headline', 'standfirst', 'body_html']).execute();
      assert.ok(rows.every((r) => !`${r.headline}${r.standfirst}${r.body_html}`.includes('\u0000')));
    } finally {
      await t.close();
    }
  });
}
