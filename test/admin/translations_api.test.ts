// Linking translations through the Admin API: find the story by its headline in any language, link, and both pages
// show the switcher at the top and hreflang both ways; one story a language; unlinking hands the group on; whoever may
// not edit the article may not link it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { call } from './api.ts';

for (const dialect of testDialects()) {
  test(`translations are linked in the Admin API and shown on both pages (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      await updateSettings(t.ctx, { languages: ['fa', 'ps'] });
      const editor = (await signInAs(t, 'editor')).headers;
      const contributor = (await signInAs(t, 'contributor')).headers;
      const make = async (headline: string, language: string) => {
        const id = (await call(t, editor, 'POST', '/api/admin/articles', { headline, language, bodyHtml: '<p>Text.</p>' })).body.id as number;
        assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/publish`)).status, 200);
        return id;
      };
      const en = await make('Bread prices double in Kabul', 'en');
      const fa = await make('قیمت نان در کابل دو برابر شد', 'fa');
      const fa2 = await make('نان گران‌تر شد', 'fa');
      const ps = await make('په کابل کې د ډوډۍ بیه دوه چنده شوه', 'ps');

      // Found by its headline whatever the language of the article being edited.
      const found = (await call(t, editor, 'GET', `/api/admin/articles?q=${encodeURIComponent('Bread prices')}`)).body.articles.map((a: { id: number }) => a.id);
      assert.deepEqual(found, [en]);
      const linked = await call(t, editor, 'PUT', `/api/admin/articles/${fa}/translation`, { of: en });
      assert.equal(linked.status, 200, linked.res.body);
      assert.deepEqual(linked.body.translations.map((m: { id: number }) => m.id), [en, fa]);

      const enPage = await t.app.inject('/articles/bread-prices-double-in-kabul');
      const faPage = await t.app.inject(`/articles/${encodeURIComponent('قیمت-نان-در-کابل-دو-برابر-شد')}`);
      for (const page of [enPage, faPage]) {
        assert.match(page.body, /<link rel="alternate" hreflang="en" href="http:\/\/[^/"]+\/articles\/bread-prices-double-in-kabul"\/>/);
        assert.match(page.body, /<link rel="alternate" hreflang="fa" href="http:\/\/[^/"]+\/articles\/%D9%82/);
        assert.match(page.body, /<header class="story-header"><nav class="translations" aria-label="[^"]+"><ul>/, 'the switcher opens the story');
      }
      assert.match(enPage.body, /<li lang="fa" dir="rtl"><a href="\/articles\/%D9%82[^"]*" hreflang="fa" title="قیمت نان در کابل دو برابر شد">دری<\/a><\/li>/);
      assert.match(faPage.body, /<li lang="en" dir="ltr"><a href="\/articles\/bread-prices-double-in-kabul" hreflang="en" title="Bread prices double in Kabul">English<\/a><\/li>/);
      assert.match(faPage.body, /aria-current="page">دری</);

      // One story a language; not itself; an article that does not exist; a contributor who may not edit it.
      const second = await call(t, editor, 'PUT', `/api/admin/articles/${fa2}/translation`, { of: en });
      assert.equal(second.status, 409);
      assert.equal(second.body.error.field, 'of');
      assert.match(second.body.error.message, /قیمت نان در کابل دو برابر شد/);
      assert.equal((await call(t, editor, 'PUT', `/api/admin/articles/${en}/translation`, { of: en })).status, 400);
      assert.equal((await call(t, editor, 'PUT', `/api/admin/articles/${ps}/translation`, { of: 999999 })).status, 404);
      assert.equal((await call(t, editor, 'PUT', `/api/admin/articles/${ps}/translation`, { of: 'x' })).status, 400);
      assert.equal((await call(t, contributor, 'PUT', `/api/admin/articles/${ps}/translation`, { of: en })).status, 403);

      // Pashto joins through the Dari version: one group of three.
      assert.equal((await call(t, editor, 'PUT', `/api/admin/articles/${ps}/translation`, { of: fa })).status, 200);
      assert.deepEqual((await call(t, editor, 'GET', `/api/admin/articles/${ps}/translations`)).body.translations.map((m: { language: string }) => m.language), ['en', 'fa', 'ps']);
      // The English story that founded the group leaves it: the other two stay linked to each other.
      assert.deepEqual((await call(t, editor, 'PUT', `/api/admin/articles/${en}/translation`, { of: null })).body.translations.map((m: { id: number }) => m.id), [en]);
      assert.deepEqual((await call(t, editor, 'GET', `/api/admin/articles/${fa}/translations`)).body.translations.map((m: { id: number }) => m.id), [fa, ps]);
      assert.doesNotMatch((await t.app.inject('/articles/bread-prices-double-in-kabul')).body, /hreflang="fa"/, 'the English page no longer offers the Dari one');
    } finally {
      await t.close();
    }
  });
}
