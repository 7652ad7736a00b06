// Curated fronts in a real Chromium: an editor pins a lead and two top stories on the English home page and on the
// Dari one (/fa/) from the Fronts screen, the lead until a time; a newer story does not displace them; when the pin
// ends (the injected clock moved on, the job run) the newest story leads again; a breaking-news strip goes up on the
// English pages. The public fronts are read after each change (the page cache is on: the change purged them).
// Screenshots at desktop and 390 px width go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, scriptProblems, twoWidths, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createSection } from '../../src/content/sections.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { ingestImage } from '../../src/media/images.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';
const HOUR = 3600_000;

/** A time as a datetime-local input takes it: on the site's clock (UTC, the default zone), whatever the machine's. */
function localInput(at: Date): string {
  return at.toISOString().slice(0, 16);
}

/** The headlines of a public front's lead and secondary stories. */
async function frontTop(page: Page): Promise<{ lead: string; secondary: string[] }> {
  return {
    lead: await page.locator('section.lead .card-headline').innerText(),
    secondary: await page.locator('.secondary .card-headline').allInnerTexts(),
  };
}

test('fronts in Chromium: an editor pins a lead and two top stories on / and /fa/; a newer story waits until the pin ends', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    tc = await makeTestContext('sqlite');
    const { ctx, clock } = tc;
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    await updateSettings(ctx, { name: 'Khabar Daily', languages: ['fa'] });
    await createUser(ctx, { email: 'farida@khabar.test', name: 'Farida Noori', password: PASSWORD, role: 'editor' });
    const news = await createSection(ctx, { name: 'News', position: 0 });
    const picture = async (color: string) => (await ingestImage(ctx, await sharp({ create: { width: 1200, height: 675, channels: 3, background: color } }).jpeg().toBuffer(), { alt: 'A street in Kabul' })).id;
    const publish = async (headline: string, language = 'en', hero?: number) => {
      clock.advance(60_000);
      const id = await createArticle(ctx, { headline, language, sectionId: news, bodyHtml: '<p>Text.</p>', ...(hero ? { heroMediaId: hero, heroAlt: 'A street in Kabul' } : {}) }, { userId: null });
      await publishArticle(ctx, id, { userId: null });
      return id;
    };
    await publish('Roads reopen after the snow', 'en', await picture('#336699'));
    await publish('Clinic opens in Herat', 'en', await picture('#884422'));
    await publish('Teachers paid at last');
    await publish('Wheat harvest up', 'en', await picture('#228844'));
    await publish('سرک‌ها دوباره باز شد', 'fa', await picture('#aa6633'));
    await publish('معلمان معاش گرفتند', 'fa');
    await publish('کلینیک در هرات باز شد', 'fa');
    await publish('حاصل گندم بیشتر شد', 'fa');
    mkdirSync(SCREENS, { recursive: true });

    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const requests = recordRequests(page);
    const problems = scriptProblems(page);
    const reader = await browser.newPage();
    const findings: string[] = [];
    const shoot = async (p: Page, name: string, axe = true) => {
      if (axe) for (const f of await seriousAxeFindings(p)) findings.push(`${name}: ${f}`);
      await twoWidths(p, SCREENS, name);
    };
    /** Picks stories on the chosen front: the first as lead, the others as top stories, in that order. */
    const choose = async (lead: string, top: string[], until: Date) => {
      const finder = page.getByRole('group', { name: 'Find a published story' });
      const row = (headline: string) => finder.locator('li', { hasText: headline });
      await row(lead).getByRole('button', { name: 'Make lead' }).click();
      for (const h of top) await row(h).getByRole('button', { name: 'Add to top stories' }).click();
      await page.locator('.lead-pin').getByLabel('Pinned until').fill(localInput(until));
      await page.getByRole('button', { name: 'Save front' }).click();
      await page.getByText('Saved. The front shows your choice now.').waitFor();
    };

    await page.goto(`${base}/admin/sign-in`);
    await page.getByLabel('Email address').fill('farida@khabar.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    const until = new Date(clock.now().getTime() + 2 * HOUR);
    await t.test('without a choice the front leads with its newest story that has a picture', async () => {
      await reader.goto(`${base}/`);
      assert.equal((await frontTop(reader)).lead, 'Wheat harvest up');
    });

    await t.test('the English home page: a lead until a time and two top stories, the second moved up', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Fronts', exact: true }).click();
      await page.getByRole('heading', { name: 'Fronts' }).waitFor();
      await page.getByRole('group', { name: 'Find a published story' }).locator('li', { hasText: 'Teachers paid at last' }).waitFor();
      await choose('Roads reopen after the snow', ['Clinic opens in Herat', 'Teachers paid at last'], until);
      await page.getByRole('button', { name: 'Move “Teachers paid at last” up' }).click();
      await page.getByRole('button', { name: 'Save front' }).click();
      await page.getByText('Saved. The front shows your choice now.').waitFor();
      const shows = await page.locator('.shows li span').allInnerTexts();
      assert.deepEqual(shows.slice(0, 3), ['Roads reopen after the snow', 'Teachers paid at last', 'Clinic opens in Herat']);
      await shoot(page, 'fronts-home-en');
      await reader.goto(`${base}/`);
      assert.deepEqual(await frontTop(reader), { lead: 'Roads reopen after the snow', secondary: ['Teachers paid at last', 'Clinic opens in Herat'] });
    });

    await t.test('the Dari home page /fa/', async () => {
      await page.getByLabel('Front', { exact: true }).selectOption({ label: 'Home page (Dari)' });
      await page.getByRole('group', { name: 'Find a published story' }).locator('li', { hasText: 'معلمان معاش گرفتند' }).waitFor();
      await choose('کلینیک در هرات باز شد', ['معلمان معاش گرفتند', 'سرک‌ها دوباره باز شد'], until);
      await reader.goto(`${base}/fa/`);
      const fa = await reader.locator('section.lead .card-headline').innerText();
      assert.equal(fa, 'کلینیک در هرات باز شد');
      assert.deepEqual(await reader.locator('.secondary .card-headline').allInnerTexts(), ['معلمان معاش گرفتند', 'سرک‌ها دوباره باز شد']);
      await shoot(page, 'fronts-home-fa');
      await shoot(reader, 'fronts-public-fa', false);
    });

    await t.test('a breaking-news strip goes up on the English pages', async () => {
      const strip = page.getByRole('form', { name: 'Strip in English' });
      await strip.getByLabel('Line').fill('Snow closes the Salang pass');
      await strip.getByLabel('Link').fill('/articles/roads-reopen-after-the-snow');
      await strip.getByRole('button', { name: 'Put up' }).click();
      await page.getByText('The strip is up.').waitFor();
      await reader.goto(`${base}/articles/roads-reopen-after-the-snow`);
      assert.equal(await reader.locator('.breaking a').innerText(), 'Snow closes the Salang pass');
      await reader.goto(`${base}/fa/`);
      assert.equal(await reader.locator('.breaking').count(), 0);
    });

    await t.test('a newer story does not displace the pinned ones until the pin ends', async () => {
      await publish('Cabinet meets on fuel prices', 'en', await picture('#552266'));
      await reader.goto(`${base}/`);
      const pinned = await frontTop(reader);
      assert.equal(pinned.lead, 'Roads reopen after the snow');
      assert.deepEqual(pinned.secondary, ['Teachers paid at last', 'Clinic opens in Herat']);
      assert.equal(await reader.locator('.latest .card-headline').first().innerText(), 'Cabinet meets on fuel prices');
      await shoot(reader, 'fronts-public-en', false);
      clock.advance(3 * HOUR);
      await runDueJobs(ctx);
      await reader.goto(`${base}/`);
      const after = await frontTop(reader);
      assert.equal(after.lead, 'Cabinet meets on fuel prices', 'the lead\'s pin ended: the newest story with a picture leads');
      assert.deepEqual(after.secondary.slice(0, 2), ['Teachers paid at last', 'Clinic opens in Herat'], 'the top stories pinned until removed stay');
      await reader.goto(`${base}/fa/`);
      assert.notEqual(await reader.locator('section.lead .card-headline').innerText(), 'کلینیک در هرات باز شد');
      await shoot(reader, 'fronts-public-en-after', false);
    });

    await t.test('on a phone the app\'s menu folds behind a menu button', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      const fronts = page.getByRole('navigation').getByRole('link', { name: 'Fronts', exact: true });
      assert.equal(await fronts.isVisible(), false);
      await page.getByRole('button', { name: 'Menu' }).click();
      await fronts.waitFor({ state: 'visible' });
      await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await fronts.waitFor({ state: 'hidden' }); // folded again on the next screen (after the screen's first render)
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    assert.deepEqual(findings, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreignRequests(requests, base), []);
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
  }
});
