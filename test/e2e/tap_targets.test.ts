// Tap targets on a phone's screen (412 CSS pixels wide), on every public page type of the demo newsroom in English,
// Dari and Pashto, full and lite editions: no link or control fails WCAG 2.2's target size (2.5.8, at least 24 x 24
// CSS pixels or that much room around it: axe-core's target-size rule), and the section labels on cards are boxes of
// at least 24 x 24 in a readable size, as are the links of every navigation list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makeDemoContext, type DemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, type LaunchedBrowser, type TestServer } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/schema.ts';

const PHONE = { width: 412, height: 823 };
const LANGS = ['en', 'fa', 'ps'];

/** Addresses of every page type in one language, read from the demo's database (a static page added to it). */
async function pagesOf(db: Db, lang: string): Promise<string[]> {
  const front = lang === 'en' ? '' : `/${lang}`;
  const article = await db.selectFrom('articles').select(['id', 'slug', 'headline', 'section_id']).where('status', '=', 'published').where('language', '=', lang)
    .where('source_id', 'is', null).orderBy('published_at', 'desc').executeTakeFirstOrThrow();
  const section = await db.selectFrom('sections').select('slug').where('id', '=', article.section_id ?? -1).executeTakeFirstOrThrow();
  const tag = await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .where('articles.language', '=', lang).where('articles.status', '=', 'published').select('tags.slug').executeTakeFirstOrThrow();
  const author = await db.selectFrom('people').innerJoin('article_authors', 'article_authors.person_id', 'people.id')
    .where('article_authors.article_id', '=', article.id).select('people.slug').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await db.insertInto('static_pages').values({ slug: `about-${lang}`, title: `About (${lang})`, body_html: '<p>Who we are.</p>', language: lang, status: 'published', created_at: now, updated_at: now, published_at: now }).execute();
  const slug = encodeURIComponent(article.slug);
  const word = article.headline.split(/\s+/).find((w) => w.length > 3) ?? article.headline;
  return [
    `${front}/`, `${front}/section/${encodeURIComponent(section.slug)}`, `/tag/${encodeURIComponent(tag.slug)}`, `/author/${encodeURIComponent(author.slug)}`,
    `/articles/${slug}`, `/search?q=${encodeURIComponent(word)}`, `/pages/about-${lang}`, `${front}/section/no-such-section`,
    `/lite/${lang}/`, `/lite/articles/${slug}`, `/lite/section/${encodeURIComponent(section.slug)}`,
  ];
}

interface Box { what: string; width: number; height: number; fontSize: number }

/** Section labels and the links of navigation lists that are on screen (not hidden), with their size. */
function boxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const out: { what: string; width: number; height: number; fontSize: number }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.section-label, nav a, .pager a, .block-title a, .block-more a')) {
      const r = el.getBoundingClientRect();
      if (!r.width && !r.height) continue; // not shown (display: none)
      out.push({ what: `${el.className || el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`, width: r.width, height: r.height, fontSize: Number.parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
}

test('tap targets: at least 24 x 24 CSS pixels with room, every page type, three languages, full and lite', async (t) => {
  let tc: DemoContext | undefined;
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const paths: string[] = [];
    for (const lang of LANGS) paths.push(...await pagesOf(tc.ctx.db, lang));
    server = await startTestServer(await buildApp(tc.ctx));
    browser = await launchBrowser({ bypassCSP: true });
    const page = await browser.newPage();
    await page.setViewportSize(PHONE);
    let labels = 0;
    for (const path of paths) {
      await t.test(path, async () => {
        const r = await page.goto(server!.base + path, { waitUntil: 'load' });
        assert.ok(r && (r.status() === 200 || (path.endsWith('no-such-section') && r.status() === 404)), `${path} answered ${r?.status()}`);
        const findings = (await axeViolations(page, ['target-size'])).map((v) => `${v.id} at ${v.targets.join(', ')}`);
        assert.deepEqual(findings, [], `${path}: targets too small or too close`);
        for (const b of await boxes(page)) {
          assert.ok(b.width >= 24 && b.height >= 24, `${path}: ${b.what} is ${b.width.toFixed(1)} x ${b.height.toFixed(1)}`);
          if (b.what.startsWith('section-label')) {
            labels++;
            assert.ok(b.fontSize >= 13, `${path}: ${b.what} is set in ${b.fontSize}px, too small to read`);
          }
        }
      });
    }
    assert.ok(labels > 0, 'section labels were measured');
  } finally {
    await browser?.close();
    await server?.close();
    await tc?.close();
  }
});
