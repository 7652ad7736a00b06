// A site in three languages: each language's front and section pages under its prefix (/fa/, /ps/) list its own
// stories with its own site name, description and section names; a story links its translations through the
// language switcher and hreflang; unknown prefixes and languages the site does not publish in answer 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle, updateArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { ValidationError } from '../../src/errors.ts';

const actor = { userId: null };
const at = new Date('2026-11-24T08:00:00Z');

for (const dialect of testDialects()) {
  test(`a site in English, Dari and Pashto (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const get = (url: string) => t.app.inject(url);
      const en = await createArticle(t.ctx, { headline: 'Wheat prices fall in Herat', sectionId: n.sections.politics, bodyHtml: '<p>Prices fell.</p>' }, actor);
      const fa = await createArticle(t.ctx, { headline: 'قیمت گندم در هرات کاهش یافت', language: 'fa', translationOf: en, sectionId: n.sections.politics, bodyHtml: '<p>قیمت‌ها پایین آمد.</p>' }, actor);
      const ps = await createArticle(t.ctx, { headline: 'په هرات کې د غنمو بیه راټیټه شوه', language: 'ps', sectionId: n.sections.politics, bodyHtml: '<p>بیې راټیټې شوې.</p>' }, actor);
      await updateArticle(t.ctx, ps, { translationOf: fa }, actor);
      for (const id of [en, fa, ps]) await publishArticle(t.ctx, id, actor, at);
      const faPath = `/articles/${encodeURIComponent('قیمت-گندم-در-هرات-کاهش-یافت')}`;

      await s.test('a one-language site has no /fa/ front and no switcher', async () => {
        assert.equal((await get('/fa/')).statusCode, 404);
        assert.doesNotMatch((await get('/')).body, /hreflang/);
      });

      await updateSettings(t.ctx, {
        languages: ['fa', 'ps'],
        localized: { fa: { name: 'خبر', description: 'یک نهاد خبری مستقل.', sections: { politics: 'سیاست' } } },
      });

      await s.test('each language has its own front, in its language, listing its own stories', async () => {
        const front = await get('/fa/');
        assert.equal(front.statusCode, 200);
        assert.match(front.body, /^<!doctype html><html lang="fa" dir="rtl">/);
        assert.ok(front.body.includes('قیمت گندم در هرات کاهش یافت'));
        assert.ok(!front.body.includes('Wheat prices fall in Herat'), 'the English story stays on the English front');
        assert.ok(front.body.includes('<p class="tagline">یک نهاد خبری مستقل.</p>'), 'the Dari description');
        assert.ok(front.body.includes('<a href="/fa/section/politics">سیاست</a>'), 'Dari section names, linking to Dari sections');
        for (const [lang, path] of [['en', '/'], ['fa', '/fa/'], ['ps', '/ps/']]) {
          assert.ok(front.body.includes(`<link rel="alternate" hreflang="${lang}" href="http://127.0.0.1:3000${path}"/>`) || new RegExp(`hreflang="${lang}" href="[^"]*${path.replace(/\//g, '\\/')}"`).test(front.body), `hreflang ${lang}`);
        }
        assert.match(front.body, /<a href="\/" hreflang="en" lang="en" dir="ltr">English<\/a>/, 'the switcher names each language in itself');
        const home = await get('/');
        assert.ok(home.body.includes('Wheat prices fall in Herat'));
        assert.ok(!home.body.includes('قیمت گندم در هرات کاهش یافت'));
        const ps = await get('/ps/');
        assert.equal(ps.statusCode, 200);
        assert.match(ps.body, /<html lang="ps" dir="rtl">/);
        assert.ok(ps.body.includes('کور پاڼه'), 'the Pashto catalog');
        const section = await get('/fa/section/politics');
        assert.equal(section.statusCode, 200);
        assert.ok(section.body.includes('<h1>سیاست</h1>'));
      });

      await s.test('unknown prefixes answer 404; the default language lives at /', async () => {
        for (const url of ['/de/', '/xx/section/politics', '/fa/section/no-such-section', '/fa/%00/', '/FA/']) {
          assert.equal((await get(url)).statusCode, 404, url);
        }
        const en = await get('/en/');
        assert.equal(en.statusCode, 301);
        assert.equal(en.headers.location, '/');
        assert.equal((await get('/en/section/politics')).headers.location, '/section/politics');
      });

      await s.test('a story offers its translations in the switcher and in hreflang', async () => {
        const page = await get('/articles/wheat-prices-fall-in-herat');
        assert.match(page.body, new RegExp(`<link rel="alternate" hreflang="fa" href="[^"]*${faPath.replace(/%/g, '%')}"/>`));
        assert.ok(page.body.includes('<a href="/articles/wheat-prices-fall-in-herat" hreflang="en" lang="en" dir="ltr" aria-current="page">English</a>'));
        assert.ok(page.body.includes('hreflang="ps" lang="ps" dir="rtl">پښتو</a>'), 'the Pashto translation, linked through the Dari one');
        const dari = await get(faPath);
        assert.match(dari.body, /<html lang="fa" dir="rtl">/);
        assert.ok(dari.body.includes('<a href="/articles/wheat-prices-fall-in-herat" hreflang="en" lang="en" dir="ltr">English</a>'));
      });

      await s.test('a translation of nothing is refused', async () => {
        await assert.rejects(createArticle(t.ctx, { headline: 'Orphan', translationOf: 999999 }, actor), ValidationError);
        await assert.rejects(updateSettings(t.ctx, { languages: ['de'] }), ValidationError);
        await assert.rejects(updateSettings(t.ctx, { localized: { fa: { name: 'x'.repeat(200) } } }), ValidationError);
      });
    } finally {
      await t.close();
    }
  });
}
