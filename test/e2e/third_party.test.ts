// Reachable when blocked: in Chromium, every page type (home, article, section, tag, author, archive, search, 404,
// lite) in every language the demo publishes in loads nothing from any other host, so the site works behind an
// onion service or any mirror; the onion address is announced with Onion-Location and the mirrors are listed in
// every footer (full and lite), as links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, type TestServer } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';

const ONION = 'http://khabarnewsroom2oniontestaddressxyz.onion';
const MIRRORS = ['https://mirror.example/khabar/', 'https://khabar-copy.example/'];

test('no page loads anything from another host; onion and mirrors announced', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const ctx = { ...tc.ctx, config: { ...tc.ctx.config, onionUrl: ONION, mirrors: MIRRORS } };
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    const db = ctx.db;
    const published = db.selectFrom('articles').where('status', '=', 'published');
    const languages = (await published.select('language').distinct().execute()).map((r) => r.language);
    const pages: string[] = ['/', '/lite/', '/search?q=kabul', '/articles/no-such-story-anywhere'];
    for (const lang of languages) {
      const a = await published.select(['slug', 'id', 'section_id', 'published_at']).where('language', '=', lang).orderBy('published_at', 'desc').executeTakeFirstOrThrow();
      const slug = encodeURIComponent(a.slug);
      pages.push(`/articles/${slug}`, `/lite/articles/${slug}`, `/lite/${lang}/`);
      if (lang === 'en') {
        const section = await db.selectFrom('sections').select('slug').where('id', '=', a.section_id ?? -1).executeTakeFirst();
        const tag = await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').select('tags.slug').where('article_tags.article_id', '=', a.id).executeTakeFirst();
        const author = await db.selectFrom('people').innerJoin('article_authors', 'article_authors.person_id', 'people.id').select('people.slug').where('article_authors.article_id', '=', a.id).executeTakeFirst();
        if (section) pages.push(`/section/${section.slug}`, `/lite/section/${section.slug}`);
        if (tag) pages.push(`/tag/${tag.slug}`);
        if (author) pages.push(`/author/${author.slug}`);
        pages.push(`/${a.published_at!.slice(0, 4)}/${a.published_at!.slice(5, 7)}/`);
      }
      const home = await fetch(`${base}/${lang}/`);
      await home.body?.cancel();
      if (lang !== 'en' && home.status === 200) pages.push(`/${lang}/`);
    }

    await t.test('the onion address in Onion-Location, the mirrors in the footer of full and lite pages', async () => {
      const r = await fetch(`${base}/lite/?page=1`);
      assert.equal(r.headers.get('onion-location'), `${ONION}/lite/?page=1`);
      const html = await r.text();
      assert.match(html, /If this site is blocked, read it at <a href="https:\/\/mirror\.example\/khabar\/" dir="ltr">mirror\.example\/khabar\/<\/a> · <a href="https:\/\/khabar-copy\.example\/"/);
      const article = await fetch(base + pages[4]);
      assert.equal(article.headers.get('onion-location'), `${ONION}${pages[4]}`);
      assert.match(await article.text(), /<p class="mirrors">If this site is blocked, read it at <a href="https:\/\/mirror\.example\/khabar\/"/);
    });

    await t.test(`in Chromium: ${pages.length} pages load only from the site itself`, async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        for (const path of pages) {
          const res = await page.goto(base + path, { waitUntil: 'load' });
          assert.ok(res && [200, 404].includes(res.status()), `${path} answered ${res?.status()}`);
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await page.waitForLoadState('networkidle');
        }
        assert.ok(requests.some((u) => u.includes('/media/')), 'pictures were loaded (and counted)');
        assert.deepEqual(foreignRequests(requests, base), [], 'requests to other hosts');
      } finally {
        await browser.close();
      }
    });
  } finally {
    await server?.close();
    await tc?.close();
  }
});
