// The reader pages as a reader's Chromium draws them, in English, Dari and Pashto, on a desktop and on a 390 px
// phone: the article page, the home page and the comment form, kept as screenshots in .tmp/screens/
// (KHABAR_SCREENS to change it). What is asserted is what a reader would call broken: the page's lang and dir, the
// byline and the story on the inline-start side (the right in Dari and Pashto), the rail on the other, nothing wider
// than the phone, author photos drawn as circles (square pictures), card rows that line up, and the hero close to the
// headline on a phone. The Dari and Pashto stories are made here, not taken from the demo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, type LaunchedBrowser, type TestServer } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/context.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';

const SCREENS = process.env.KHABAR_SCREENS || '.tmp/screens';
const actor = { userId: null };
const VIEWPORTS = [{ name: 'desktop', width: 1280, height: 900 }, { name: '390', width: 390, height: 844 }] as const;

/** A Dari and a Pashto story by a demo author with a bio and photo (a Latin name in an Arabic-script byline), with a
 * hero, English words and numbers in the text, in a section that has other stories (so the page has rails). */
async function storiesInDariAndPashto(ctx: AppContext): Promise<Record<'en' | 'fa' | 'ps', string>> {
  await updateSettings(ctx, { languages: ['fa', 'ps'] });
  const author = await ctx.db.selectFrom('people').select(['id']).where('bio', '!=', '').where('photo_media_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
  const en = await ctx.db.selectFrom('articles').select(['slug', 'section_id', 'hero_media_id', 'id']).where('status', '=', 'published')
    .where('source_id', 'is', null).where('language', '=', 'en').where('hero_media_id', 'is not', null).orderBy('published_at', 'desc').executeTakeFirstOrThrow();
  const paragraphs = (words: string[]) => words.map((w) => `<p>${w}</p>`).join('');
  const fa = await createArticle(ctx, {
    headline: 'قیمت گندم در هرات ۲۰ درصد کاهش یافت', language: 'fa', sectionId: en.section_id ?? undefined, heroMediaId: en.hero_media_id ?? undefined,
    standfirst: 'بازرگانان می‌گویند واردات از Uzbekistan در ماه گذشته ۳۰۰ تُن افزایش یافته است؟',
    authorIds: [author.id], translationOf: en.id,
    bodyHtml: paragraphs(['بازار غله هرات در هفتهٔ گذشته آرام‌تر شد؛ قیمت هر سیر گندم پایین آمد.', 'یک بازرگان به نام John Smith گفت که ۳۰۰ تُن گندم از راه Hairatan وارد شده است.', 'خانواده‌ها، نانوایی‌ها و دهقانان این تغییر را حس کرده‌اند.', 'کارشناسان می‌گویند این کاهش شاید دیر نپاید.']),
  }, actor);
  const ps = await createArticle(ctx, {
    headline: 'په هرات کې د غنمو بیه ۲۰ سلنه راټیټه شوه', language: 'ps', sectionId: en.section_id ?? undefined, heroMediaId: en.hero_media_id ?? undefined,
    standfirst: 'سوداګر وايي له Uzbekistan څخه واردات ډېر شوي دي.', authorIds: [author.id], translationOf: en.id,
    bodyHtml: paragraphs(['د هرات د غلې بازار په تېره اونۍ کې ارام شو.', 'یوه سوداګر چې نوم یې John Smith دی وویل چې ۳۰۰ ټنه غنم راغلي دي.', 'کورنۍ، نانوايي او بزګران دا بدلون احساسوي.', 'کارپوهان وايي دا به ډېر دوام ونه کړي.']),
  }, actor);
  for (const id of [fa, ps]) await publishArticle(ctx, id, actor);
  const slug = async (id: number) => (await ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  return { en: en.slug, fa: await slug(fa), ps: await slug(ps) };
}

interface Box { x: number; y: number; width: number; height: number }

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is drawn`);
  return b;
}

/** Opens a page, scrolls through it so that lazy pictures load, and comes back to the top. */
async function open(page: Page, url: string): Promise<void> {
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res?.status(), 200, url);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function pageFacts(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

test('reader pages in English, Dari and Pashto, desktop and phone: screenshots and what a reader would see broken', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const slugs = await storiesInDariAndPashto(tc.ctx);
    server = await startTestServer(await buildApp(tc.ctx));
    browser = await launchBrowser();
    mkdirSync(SCREENS, { recursive: true });
    const base = server.base;
    const langs = [
      { lang: 'en', dir: 'ltr', article: `/articles/${encodeURIComponent(slugs.en)}`, home: '/' },
      { lang: 'fa', dir: 'rtl', article: `/articles/${encodeURIComponent(slugs.fa)}`, home: '/fa/' },
      { lang: 'ps', dir: 'rtl', article: `/articles/${encodeURIComponent(slugs.ps)}`, home: '/ps/' },
    ] as const;

    for (const vp of VIEWPORTS) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const l of langs) {
        await t.test(`${l.lang} article page, ${vp.name}`, async () => {
          await open(page, base + l.article);
          await page.screenshot({ path: `${SCREENS}/${l.lang}-article-${vp.name}.png`, fullPage: true });
          const facts = await pageFacts(page);
          assert.equal(facts.lang, l.lang);
          assert.equal(facts.dir, l.dir);
          assert.ok(facts.overflow <= 0, `nothing wider than the window (${facts.overflow} px too wide)`);
          const story = await box(page, 'article.story');
          const byline = await box(page, '.story-meta .byline');
          const headline = await box(page, 'article.story h1');
          // the byline starts where the story's text starts: at its left edge in English, its right edge in RTL
          if (l.dir === 'rtl') {
            assert.ok(Math.abs(byline.x + byline.width - (story.x + story.width)) < 2, `the byline sits at the story's right edge (${JSON.stringify({ byline, story })})`);
            const text = await page.locator('.story-meta .byline').evaluate((el) => {
              const r = document.createRange();
              r.selectNodeContents(el);
              return r.getBoundingClientRect().toJSON() as Box;
            });
            assert.ok(text.x + text.width > story.x + story.width - 2, 'the byline\'s words begin on the right');
            assert.ok(text.x > story.x + 20, 'and do not run from the left');
          } else {
            assert.ok(Math.abs(byline.x - story.x) < 2, 'the byline sits at the story\'s left edge');
          }
          if (vp.name === 'desktop') {
            // the rail beside the story: on the inline-end side
            const aside = await box(page, '.article-aside');
            if (l.dir === 'rtl') assert.ok(aside.x + aside.width <= story.x, 'the rail is left of the story in RTL');
            else assert.ok(aside.x >= story.x + story.width, 'the rail is right of the story');
          } else {
            // on a phone the picture follows the headline closely: the publisher box is one short line
            const hero = await box(page, 'figure.hero');
            const publisher = await box(page, '.publisher');
            assert.ok(publisher.height <= 64, `the publisher box is short (${publisher.height} px)`);
            assert.ok(hero.y - (headline.y + headline.height) < 420, `the picture is close to the headline (${hero.y - headline.y - headline.height} px)`);
          }
          // author photos: circles of one fixed square size, whatever the picture's own shape
          const photos = await page.locator('.author-bio picture img').evaluateAll((imgs) => imgs.map((i) => {
            const r = i.getBoundingClientRect();
            return { w: r.width, h: r.height, radius: getComputedStyle(i).borderRadius };
          }));
          assert.ok(photos.length > 0, 'the author bio has a photo');
          for (const p of photos) {
            assert.ok(p.w >= 64 && Math.abs(p.w - p.h) < 1, `a square photo, not an oval (${p.w}x${p.h})`);
            assert.equal(p.radius, '50%');
          }
          // the "More articles" cards of a row: pictures of one height, labels and headlines on one line
          const cards = await page.locator('.more-articles .story-card').evaluateAll((els) => els.map((el) => ({
            top: el.getBoundingClientRect().top,
            image: el.querySelector('.card-image img')?.getBoundingClientRect().height ?? null,
            text: el.querySelector('.card-text')?.getBoundingClientRect().top ?? 0,
          })));
          const rows = new Map<number, typeof cards>();
          for (const c of cards) rows.set(Math.round(c.top), [...(rows.get(Math.round(c.top)) ?? []), c]);
          for (const row of rows.values()) {
            const pictured = row.filter((c) => c.image !== null);
            if (pictured.length < 2) continue;
            assert.ok(Math.max(...pictured.map((c) => c.text)) - Math.min(...pictured.map((c) => c.text)) < 1, `a card row lines up: ${JSON.stringify(pictured)}`);
          }
        });

        await t.test(`${l.lang} comment form, ${vp.name}`, async () => {
          const form = page.locator('#comment-form');
          await form.scrollIntoViewIfNeeded();
          await form.screenshot({ path: `${SCREENS}/${l.lang}-comment-form-${vp.name}.png` });
          const f = await box(page, '#comment-form');
          const field = await box(page, '#comment-text');
          assert.ok(f.x >= 0 && f.x + f.width <= vp.width, 'the form fits the window');
          assert.ok(field.width > f.width * 0.8, 'the comment box takes the form\'s width');
          const align = await page.locator('#comment-form button[type=submit]').evaluate((b) => {
            const r = b.getBoundingClientRect();
            const form = b.closest('form')!.getBoundingClientRect();
            return { start: r.left - form.left, end: form.right - r.right };
          });
          // the button starts the line: on the left in English, on the right in Dari and Pashto
          if (l.dir === 'rtl') assert.ok(align.end < align.start, `the button is on the right (${JSON.stringify(align)})`);
          else assert.ok(align.start < align.end, 'the button is on the left');
        });

        await t.test(`${l.lang} home page, ${vp.name}`, async () => {
          await open(page, base + l.home);
          await page.screenshot({ path: `${SCREENS}/${l.lang}-home-${vp.name}.png`, fullPage: true });
          const facts = await pageFacts(page);
          assert.equal(facts.lang, l.lang);
          assert.equal(facts.dir, l.dir);
          assert.ok(facts.overflow <= 0, `nothing wider than the window (${facts.overflow} px too wide)`);
          const lead = await box(page, '.lead .story-card');
          const main = await box(page, '#main');
          // the lead story opens the page at its inline start
          if (l.dir === 'rtl') assert.ok(Math.abs(lead.x + lead.width - (main.x + main.width - 16)) < 2, 'the lead is on the right');
          else assert.ok(Math.abs(lead.x - (main.x + 16)) < 2, 'the lead is on the left');
          if (vp.name === 'desktop' && l.lang === 'en') {
            // a front page with a hierarchy: the lead's picture is the largest, section blocks differ in weight
            const leadImage = await box(page, '.lead .card-image img');
            const others = await page.locator('.secondary .card-image img, .block-minor .card-image img').evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().width));
            assert.ok(others.length > 0 && others.every((w) => w < leadImage.width), 'the lead\'s picture is the largest');
            assert.ok(await page.locator('.block-major').count() > 0 && await page.locator('.block-minor').count() > 0, 'large and small section blocks');
          }
        });
      }
      await page.close();
    }
  } finally {
    await browser?.close();
    await server?.close();
    await tc?.close();
  }
});
