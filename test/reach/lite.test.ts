// The lite edition over HTTP, on both databases: text-first pages with headlines, bylines, body and links; no
// pictures or scripts; lang and dir from the content; linked from the full pages and back; kept in the page cache
// and purged like the full pages; unknown addresses are 404 pages, never errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle, updateArticle } from '../../src/content/articles.ts';
import { textOnly } from '../../src/site/lite/lite_show.tsx';

const SLUG = 'border-crossings-script-alert-1-script-rise';

test('the lite body keeps text and captions, drops pictures and frames', () => {
  const html = '<p>One <img src="/media/a.jpg" alt="x"></p><figure><picture><source srcset="/a.avif"><img src="/a.jpg"></picture><figcaption>Caption</figcaption></figure><iframe src="https://v.example"></iframe><p>Two</p>';
  assert.equal(textOnly(html), '<p>One </p><figure><figcaption>Caption</figcaption></figure><p>Two</p>');
});

for (const dialect of testDialects()) {
  test(`lite edition (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx, 3);
      const actor = { userId: null };
      const dari = await createArticle(t.ctx, {
        headline: 'گزارش تازه از کابل', standfirst: 'خلاصه‌ای کوتاه.', language: 'fa', sectionId: n.sections.world, authorIds: [n.people.mina],
        bodyHtml: '<p>متن گزارش با نام Khabar و عدد ۲۰۲۶.</p><p><img src="/media/x.jpg" alt="">دوم</p>',
      }, actor);
      await publishArticle(t.ctx, dari, actor);
      const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

      await s.test('the article: headline, standfirst, bylines, date, body, links; no picture, script or ad', async () => {
        const r = await get(`/lite/articles/${SLUG}`);
        assert.equal(r.statusCode, 200);
        const html = r.body;
        assert.match(html, /^<!doctype html><html lang="en" dir="ltr">/);
        assert.match(html, /<h1>Border crossings &lt;script>alert\(1\)&lt;\/script> rise<\/h1>/, 'escaped headline');
        assert.match(html, /Families wait at the border\./);
        assert.match(html, /By: <a href="\/author\/mina-rahimi" rel="author">Mina Rahimi<\/a> and <a href="\/author\/omar-noori" rel="author">Omar &lt;Noori><\/a>/);
        assert.match(html, /Published <time datetime="[^"]+">25 November 2026 at 13:\d\d<\/time>/);
        assert.match(html, /Border paragraph 6\.<\/p><h2>What comes next<\/h2><blockquote>/);
        assert.match(html, /<a href="\/lite\/section\/immigration-news">Immigration News<\/a>/);
        assert.match(html, new RegExp(`<a href="/articles/${SLUG}#comments">`), 'the full story, with its comments');
        // the full page's absolute address, as search engines want it (the test app's public address)
        assert.match(html, new RegExp(`<link rel="canonical" href="${t.ctx.config.publicUrl}/articles/${SLUG}"/>`));
        assert.doesNotMatch(html, /<(img|picture|script|iframe|form)\b/);
        assert.doesNotMatch(html, /Advertisement|Support independent news/);
        assert.match(html, /<link rel="stylesheet" href="\/assets\/lite\.css\?v=[0-9a-f]{12}"\/>/);
      });

      await s.test('a Dari story is a right-to-left page in its language, its pictures dropped', async () => {
        const slug = (await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', dari).executeTakeFirstOrThrow()).slug;
        const r = await get(`/lite/articles/${encodeURIComponent(slug)}`);
        assert.equal(r.statusCode, 200);
        assert.match(r.body, /^<!doctype html><html lang="fa" dir="rtl">/);
        assert.match(r.body, /<h1>گزارش تازه از کابل<\/h1>/);
        assert.match(r.body, /<p>دوم<\/p>/);
        assert.doesNotMatch(r.body, /<img/);
      });

      await s.test('home, language homes and sections list stories with their own lang and dir', async () => {
        const home = await get('/lite/');
        assert.equal(home.statusCode, 200);
        assert.match(home.body, new RegExp(`<h2><a href="/lite/articles/${SLUG}">Border crossings`));
        assert.match(home.body, /<li lang="fa" dir="rtl"><h2><a href="\/lite\/articles\/[^"]+">گزارش تازه از کابل<\/a><\/h2>/);
        assert.match(home.body, /<a href="\/lite\/fa\/" lang="fa" dir="rtl" hreflang="fa">/);
        assert.doesNotMatch(home.body, /<(img|picture|script)\b/);
        const fa = await get('/lite/fa/');
        assert.equal(fa.statusCode, 200);
        assert.match(fa.body, /^<!doctype html><html lang="fa" dir="rtl">/);
        assert.match(fa.body, /گزارش تازه از کابل/);
        assert.doesNotMatch(fa.body, /Border crossings/, 'only Dari stories');
        const section = await get('/lite/section/immigration-news');
        assert.equal(section.statusCode, 200);
        assert.match(section.body, /<h1>Immigration News<\/h1>/);
        assert.match(section.body, /Clinic opens in Herat/);
        assert.doesNotMatch(section.body, /Politics story/);
        assert.equal((await get('/lite')).headers.location, '/lite/');
        const dariSection = await get('/lite/fa/section/world-news');
        assert.equal(dariSection.statusCode, 200);
        assert.match(dariSection.body, /^<!doctype html><html lang="fa" dir="rtl">/);
        assert.match(dariSection.body, /گزارش تازه از کابل/);
        assert.doesNotMatch(dariSection.body, /<h2><a href="\/lite\/articles\/[a-z]/, 'only Dari stories');
      });

      await s.test('full pages link to their lite page, lite pages back', async () => {
        assert.match((await get(`/articles/${SLUG}`)).body, new RegExp(`<p class="lite-link"><a href="/lite/articles/${SLUG}">Lite edition`));
        assert.match((await get('/')).body, /<p class="lite-link"><a href="\/lite\/">/);
        assert.match((await get('/section/politics')).body, /<p class="lite-link"><a href="\/lite\/section\/politics">/);
        assert.match((await get('/section/politics?page=1')).body, /<a href="\/lite\/section\/politics">/);
        assert.match((await get('/lite/section/politics')).body, /<a href="\/section\/politics">Full edition<\/a>/);
      });

      await s.test('kept in the page cache and purged when the story changes', async () => {
        const url = `/lite/articles/${SLUG}`;
        assert.equal((await get(url)).headers['x-khabar-cache'], 'hit');
        await updateArticle(t.ctx, n.articles.lead, { standfirst: 'Families still wait.' }, { userId: null });
        const after = await get(url);
        assert.equal(after.headers['x-khabar-cache'], 'miss');
        assert.match(after.body, /Families still wait\./);
        assert.match((await get('/lite/')).body, /Families still wait\./);
      });

      await s.test('unknown and bad addresses: 404 or 400 pages, never an error', async () => {
        for (const [url, status] of [
          ['/lite/xx/', 404], ['/lite/articles/no-such-story', 404], ['/lite/section/nowhere', 404], ['/lite/articles/old-slug', 404],
          ['/lite/?page=abc', 400], ['/lite/?page=999', 404], ['/lite/articles/%E0%A4%A', 400], ['/lite/%00/', 404], ['/lite/fa', 404], ['/lite/xx/section/world-news', 404], ['/lite/fa/section/nowhere', 404],
          [`/lite/articles/${encodeURIComponent('و'.repeat(300))}`, 400],
        ] as const) {
          const r = await get(url);
          assert.equal(r.statusCode, status, url.slice(0, 40));
          assert.match(r.headers['content-type'] as string, /^text\/html/, url);
        }
      });
    } finally {
      await t.close();
    }
  });
}
