// The offline edition as a reader opens it from their phone's storage: the demo day's English and Dari web pages,
// from file:// in Chromium at 390 px wide, show every story and every picture (decoded, naturalWidth > 0), fit the
// screen without sideways scrolling, read in the right direction, and make no network request at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { launchBrowser, recordRequests, scriptProblems } from '../helpers/browser.ts';
import type { AppContext } from '../../src/context.ts';
import { buildEdition, siteToday } from '../../src/mirrors/offline_edition.ts';

/** Where the screenshots go to be looked at (not part of the repository). */
const SHOTS = process.env.KHABAR_SHOTS ?? join(tmpdir(), 'khabar-shots', 'offline');

test('the offline edition opened from disk at 390 px', async (t) => {
  let tc: TestContext | undefined;
  const root = mkdtempSync(join(tmpdir(), 'khabar-offline-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const browser = await launchBrowser();
  try {
    tc = await makeDemoContext('sqlite');
    // the footer as a newsroom with a mirror and an onion service shows it
    const ctx: AppContext = { ...tc.ctx, config: { ...tc.ctx.config, mirrors: ['https://mirror.example/khabar/'], onionUrl: 'http://khabarexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion' } };
    const today = await siteToday(ctx);
    for (const lang of ['en', 'fa'] as const) {
      await t.test(lang, async () => {
        const made = await buildEdition(ctx, lang, today, root);
        const page = await browser.newPage();
        try {
          await page.setViewportSize({ width: 390, height: 844 });
          const requests = recordRequests(page);
          const problems = scriptProblems(page);
          await page.goto(pathToFileURL(join(root, lang, `${today}.html`)).href, { waitUntil: 'load' });
          const seen = await page.evaluate(() => {
            const imgs = Array.from(document.images);
            return {
              dir: document.documentElement.dir,
              lang: document.documentElement.lang,
              stories: document.querySelectorAll('article.story').length,
              contents: document.querySelectorAll('nav#contents li a').length,
              images: imgs.length,
              decoded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
              widest: Math.max(...imgs.map((i) => i.getBoundingClientRect().width)),
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
              footerKey: document.querySelector('footer .key code')?.textContent ?? '',
              rtlStart: document.querySelector('article.story h2')?.getBoundingClientRect().right ?? 0,
            };
          });
          assert.equal(seen.lang, lang);
          assert.equal(seen.dir, lang === 'fa' ? 'rtl' : 'ltr');
          assert.equal(seen.stories, made.stories);
          assert.equal(seen.contents, made.stories);
          assert.ok(seen.images >= made.pictures && seen.images > 0);
          assert.equal(seen.decoded, seen.images, 'every picture decoded');
          assert.ok(seen.widest <= 390, `pictures fit the screen (${seen.widest})`);
          assert.ok(seen.scrollWidth <= seen.clientWidth, `no sideways scrolling (${seen.scrollWidth} > ${seen.clientWidth})`);
          assert.equal(seen.footerKey.length, 43, 'the public key in the footer');
          if (lang === 'fa') assert.ok(seen.rtlStart > 350, 'a Dari headline starts at the right edge');
          const network = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
          assert.deepEqual(network, [], 'no network request at all');
          assert.deepEqual(problems, []);
          await page.screenshot({ path: join(SHOTS, `${lang}-top-390.png`) });
          await page.locator('article.story figure').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SHOTS, `${lang}-story-390.png`) });
          await page.locator('footer').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SHOTS, `${lang}-footer-390.png`) });
        } finally {
          await page.close();
        }
      });
    }
  } finally {
    await browser.close();
    await tc?.close();
    rmSync(root, { recursive: true, force: true });
  }
});
