// A translation linked in the newsroom app, walked in Chromium on the demo newsroom: an editor writes a new Dari
// story under a reporter who has a Dari name, publishes it and links it to the English story it translates (which
// already has a Pashto version). The English, Dari and Pashto pages then each open with the language switcher (every
// version, the current one marked), name the others in hreflang, and the Dari byline carries the reporter's Dari
// name. The editor then reads the app in Dari (the header's language choice): its words are Dari and it runs right to
// left. Screenshots of the three pages and the app, desktop and 390 px, go to KHABAR_SHOTS (default .tmp/shots/lang).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { makeDemoContext, type DemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, twoWidths, type LaunchedBrowser, type TestServer } from '../helpers/browser.ts';
import { watchedPage } from '../helpers/watched_page.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Db } from '../../src/db/schema.ts';

const SHOTS = process.env.KHABAR_SHOTS || '.tmp/shots/lang';
const PASSWORD = 'juniper lantern orchard';
const HEADLINE = 'باشگاه ریورساید خوست در آخرین اوور جام کرکت زون شرق را برد';
const BODY = 'تیم ریورساید خوست در آخرین اوور مسابقه، جام کرکت زون شرق را به دست آورد. هواداران تا شام در میدان ماندند.';

/** The English story that has a Pashto version and no Dari one, and that Pashto version. */
async function englishWithPashto(db: Db): Promise<{ en: { id: number; slug: string; headline: string }; ps: string }> {
  const ps = await db.selectFrom('articles').select(['translation_group', 'slug']).where('language', '=', 'ps').where('status', '=', 'published')
    .where('translation_group', 'is not', null).orderBy('id').execute();
  for (const p of ps) {
    const dari = await db.selectFrom('articles').select('id').where('language', '=', 'fa').where('translation_group', '=', p.translation_group).executeTakeFirst();
    if (dari) continue;
    const en = await db.selectFrom('articles').select(['id', 'slug', 'headline']).where('id', '=', p.translation_group!).where('language', '=', 'en').executeTakeFirst();
    if (en) return { en, ps: p.slug };
  }
  throw new Error('the demo has an English story with only a Pashto version');
}

/** What a reader's page says about its languages: its switcher, its hreflang links, its bylines. */
async function languagesOf(base: string, slug: string) {
  const r = await fetch(`${base}/articles/${encodeURIComponent(slug)}`);
  assert.equal(r.status, 200, slug);
  const doc = parseHTML(await r.text()).document;
  const path = (href: string | null) => decodeURIComponent(new URL(href ?? '', base).pathname);
  return {
    switcher: [...doc.querySelectorAll('article nav.translations a')].map((a) => `${a.getAttribute('hreflang')}${a.hasAttribute('aria-current') ? '*' : ''} ${path(a.getAttribute('href'))}`),
    hreflang: [...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => `${l.getAttribute('hreflang')} ${path(l.getAttribute('href'))}`).sort(),
    bylines: [...doc.querySelectorAll('.story-meta .byline')].map((b) => b.textContent ?? ''),
  };
}

test('an editor links a new Dari story to an English one in the app; all three pages show the switcher and hreflang', async (t) => {
  let tc: DemoContext | undefined;
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const db = tc.ctx.db;
    const { en, ps } = await englishWithPashto(db);
    const laila = await db.selectFrom('people').select(['id', 'name', 'names']).where('name', '=', 'Laila Hamidi').executeTakeFirstOrThrow();
    const dariName = (JSON.parse(laila.names) as Record<string, string>).fa;
    assert.ok(dariName, 'the reporter has a Dari name');
    await createUser(tc.ctx, { email: 'editor@khabar.test', name: 'Desk Editor', password: PASSWORD, role: 'editor' });
    server = await startTestServer(await buildApp(tc.ctx));
    const base = server.base;
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
    const { page, problems } = await watchedPage(browser, SHOTS, 'app-');
    let fa = '';

    await t.test('in the app: a new Dari story, bylined, published and linked to the English one', async () => {
      await page.goto(`${base}/admin/sign-in`);
      await page.getByLabel('Email address').fill('editor@khabar.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.goto(`${base}/admin/articles/new`);
      await page.locator('#language').selectOption('fa');
      await page.getByLabel('Headline').fill(HEADLINE);
      assert.equal(await page.getByLabel('Headline').getAttribute('dir'), 'rtl', 'a Dari story is edited right to left');
      await page.locator('.body-editor').click();
      await page.keyboard.type(BODY);
      await page.locator('#add-author').selectOption({ label: laila.name });
      await page.locator('.byline li', { hasText: dariName }).waitFor(); // the byline as Dari readers will see it
      await page.locator('.save-status.saved').waitFor();
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('published', { exact: false }).first().waitFor();
      const find = page.getByLabel('Find the story this one translates');
      await find.fill(en.headline.split(' ').slice(0, 3).join(' '));
      await page.getByRole('button', { name: `Link to “${en.headline}”` }).click();
      await page.getByText('Linked.').waitFor();
      await page.locator('.translation-list li', { hasText: en.headline }).waitFor();
      await twoWidths(page, SHOTS, 'app-editor-en');
      const row = await db.selectFrom('articles').select(['slug', 'status', 'translation_group']).where('headline', '=', HEADLINE).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.translation_group, en.id, 'the Dari story joined the English story\'s group');
      fa = row.slug;
    });

    await t.test('the English, Dari and Pashto pages each show the switcher and hreflang; the Dari byline is in Dari', async () => {
      const expected = [`en ${`/articles/${en.slug}`}`, `fa /articles/${fa}`, `ps /articles/${ps}`];
      for (const [lang, slug] of [['en', en.slug], ['fa', fa], ['ps', ps]] as const) {
        const got = await languagesOf(base, slug);
        assert.deepEqual(got.hreflang, expected, `${lang}: hreflang names every version`);
        assert.deepEqual(got.switcher.map((s) => s.replace('*', '')).sort(), expected, `${lang}: the switcher offers every version`);
        assert.ok(got.switcher.some((s) => s.startsWith(`${lang}* `)), `${lang}: the switcher marks this one`);
      }
      const dari = await languagesOf(base, fa);
      assert.ok(dari.bylines.some((b) => b.includes(dariName)), `the Dari byline reads ${dariName}: ${dari.bylines.join(' | ')}`);
      assert.ok(dari.bylines.every((b) => !b.includes(laila.name)), 'and not the Latin name');
    });

    await t.test('on the pages the switcher is prominent: before the headline, on the first screen of a phone, in a readable size', async () => {
      const reader = await browser!.newPage();
      for (const [lang, slug] of [['en', en.slug], ['fa', fa], ['ps', ps]] as const) {
        await reader.setViewportSize({ width: 390, height: 844 });
        await reader.goto(`${base}/articles/${encodeURIComponent(slug)}`, { waitUntil: 'load' });
        const facts = await reader.evaluate(() => {
          const nav = document.querySelector('article nav.translations')!;
          const links = [...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
          return {
            nav: nav.getBoundingClientRect().toJSON() as DOMRect,
            h1: document.querySelector('article h1')!.getBoundingClientRect().toJSON() as DOMRect,
            font: Number.parseFloat(getComputedStyle(nav.querySelector('a')!).fontSize),
            smallest: Math.min(...links.map((r) => Math.min(r.width, r.height))),
            wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        });
        assert.ok(facts.nav.bottom <= facts.h1.top + 1, `${lang}: the switcher comes before the headline`);
        assert.ok(facts.nav.bottom <= 844, `${lang}: on the first screen of a phone (${facts.nav.bottom} px)`);
        assert.ok(facts.font >= 15, `${lang}: in a readable size (${facts.font} px)`);
        assert.ok(facts.smallest >= 24, `${lang}: each language a tap target of 24 px at least (${facts.smallest})`);
        assert.ok(facts.wide <= 0, `${lang}: nothing wider than the phone`);
        await twoWidths(reader, SHOTS, `article-${lang}`);
      }
      await reader.close();
    });

    await t.test('the editor reads the app in Dari: its words in Dari, right to left', async () => {
      await page.locator('.interface-language select').selectOption('fa');
      await page.waitForFunction(() => document.documentElement.lang === 'fa');
      await page.getByRole('heading', { name: 'ترجمه‌ها' }).or(page.locator('legend', { hasText: 'ترجمه‌ها' })).first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.getByRole('button', { name: 'به‌روزرسانی' }).or(page.getByRole('button', { name: 'برداشتن از نشر' })).first().waitFor();
      await twoWidths(page, SHOTS, 'app-editor-fa');
      await page.locator('.interface-language select').selectOption('ps');
      await page.waitForFunction(() => document.documentElement.lang === 'ps');
      await page.locator('legend', { hasText: 'ژباړې' }).first().waitFor();
      await twoWidths(page, SHOTS, 'app-editor-ps');
      await page.goto(`${base}/admin`);
      await page.getByRole('heading', { name: 'ډشبورډ' }).waitFor();
      await page.locator('main li strong').first().waitFor();
      const counts = await page.locator('main li strong').allInnerTexts();
      assert.ok(counts.length > 0 && counts.every((c) => /^[۰-۹]+$/.test(c)), `the dashboard counts in Pashto digits: ${counts.join(' ')}`);
      await twoWidths(page, SHOTS, 'app-dashboard-ps');
      assert.deepEqual(problems, [], 'no script or CSP errors in the app');
    });
  } finally {
    await browser?.close();
    await server?.close();
    await tc?.close();
  }
});
