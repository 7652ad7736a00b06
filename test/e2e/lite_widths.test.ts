// The lite edition on the narrowest phones: at 320 and 390 CSS pixels no lite page of the demo newsroom, in English,
// Dari or Pashto, is wider than the screen (the reader never scrolls sideways), with the site's mirrors and onion
// address in the footer and a story holding what pushes pages wide: a long unbroken address, a long word, a table
// and preformatted text. Each offender is named by what sticks out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDemoContext, type DemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, type LaunchedBrowser, type TestServer } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import type { AppContext } from '../../src/context.ts';

const WIDTHS = [320, 390];
const LANGS = ['en', 'fa', 'ps'] as const;
const actor = { userId: null };

/** A story in each language with the things that widen a page: a long link, a long word, a wide table, code. */
async function wideStories(ctx: AppContext): Promise<Record<(typeof LANGS)[number], string>> {
  const section = await ctx.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow();
  const author = await ctx.db.selectFrom('people').select('id').orderBy('id').executeTakeFirstOrThrow();
  const long = `https://reports.example.org/${'documents/'.repeat(12)}final-report-2026.pdf`;
  const table = `<table><tr>${Array.from({ length: 9 }, (_, i) => `<th>ستون‌${i} Column ${i}</th>`).join('')}</tr><tr>${Array.from({ length: 9 }, (_, i) => `<td>${1000 * (i + 1)}</td>`).join('')}</tr></table>`;
  const body = (text: string) => `<p>${text} <a href="${long}">${long}</a></p><p>${'ب'.repeat(60)} ${'x'.repeat(60)}</p>${table}<pre>${'0123456789 '.repeat(4).replace(/ /g, '')}</pre><p>${text}</p>`;
  const out = {} as Record<(typeof LANGS)[number], string>;
  const headlines = { en: 'Provincial budget tables published in full', fa: 'جدول‌های بودجهٔ ولایتی به‌طور کامل نشر شد', ps: 'د ولایتي بودجې جدولونه په بشپړه توګه خپاره شول' };
  const texts = { en: 'The full report is online.', fa: 'گزارش کامل در انترنت است.', ps: 'بشپړ راپور په انټرنېټ کې دی.' };
  for (const lang of LANGS) {
    const id = await createArticle(ctx, { headline: headlines[lang], language: lang, sectionId: section.id, authorIds: [author.id], bodyHtml: body(texts[lang]) }, actor);
    await publishArticle(ctx, id, actor);
    out[lang] = (await ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  }
  return out;
}

test('lite pages fit 320 and 390 px phones in English, Dari and Pashto: no sideways scrolling', async (t) => {
  let tc: DemoContext | undefined;
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const wide = await wideStories(tc.ctx);
    const sections = await tc.ctx.db.selectFrom('sections').select('slug').orderBy('position').execute();
    tc.ctx.config.mirrors = ['https://khabar-daily-mirror-number-one.example.net/', 'https://very-long-mirror-address-for-censored-readers.example.org/news/'];
    tc.ctx.config.onionUrl = `http://${'k'.repeat(56)}.onion`;
    server = await startTestServer(await buildApp(tc.ctx));
    browser = await launchBrowser();
    const pages: string[] = ['/lite/', '/lite/?page=2'];
    for (const lang of LANGS) {
      const story = await tc.ctx.db.selectFrom('articles').select('slug').where('language', '=', lang).where('status', '=', 'published')
        .orderBy('published_at', 'desc').executeTakeFirstOrThrow();
      pages.push(`/lite/${lang}/`, `/lite/${lang}/section/${sections[0].slug}`, `/lite/articles/${encodeURIComponent(story.slug)}`, `/lite/articles/${encodeURIComponent(wide[lang])}`);
    }
    pages.push(...sections.map((s) => `/lite/section/${s.slug}`));
    for (const width of WIDTHS) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 800 });
      await t.test(`${width} px`, async () => {
        for (const path of pages) {
          const res = await page.goto(server!.base + path, { waitUntil: 'load' });
          assert.equal(res?.status(), 200, path);
          const facts = await page.evaluate(() => {
            const root = document.documentElement;
            const screen = root.clientWidth;
            // what reaches past either edge of the screen (the left one in Dari and Pashto)
            // (a wide table scrolling inside its own box is fine: the page itself stays still)
            const out = [...document.body.querySelectorAll('*')].map((el) => ({ el, r: el.getBoundingClientRect() }))
              .filter(({ el, r }) => {
                if (!r.width || (r.right <= screen + 0.5 && r.left >= -0.5)) return false;
                for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
                return true;
              })
              .slice(0, 3).map(({ el, r }) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
            return { lang: root.lang, dir: root.dir, scroll: root.scrollWidth - screen, out };
          });
          assert.ok(facts.scroll <= 0 && facts.out.length === 0, `${path} at ${width} px: ${facts.scroll} px too wide (${facts.out.join('; ')})`);
          if (path.startsWith('/lite/fa') || path.startsWith('/lite/ps')) assert.equal(facts.dir, 'rtl', path);
        }
      });
      await page.close();
    }
  } finally {
    await browser?.close();
    await server?.close();
    await tc?.close();
  }
});
