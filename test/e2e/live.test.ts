// Live coverage in real Chromium: an editor opens the live desk from the editor, starts live coverage and posts five
// entries from the app (the fifth from a 390 px screen), marking one key. A reader's page open in another browser
// (its timers driven by Playwright's clock) offers "5 new updates" and shows them when pressed, without a reload; a
// reader without JavaScript sees them on reload. Screenshots go to KHABAR_E2E_SCREENS (default .tmp/e2e-screens/live).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, scriptProblems, type LaunchedBrowser } from '../helpers/browser.ts';
import { watchedPage } from '../helpers/watched_page.ts';
import { testConfig } from '../helpers/context.ts';
import { ManualClock } from '../../src/clock.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens/live';

test('live coverage in Chromium: the desk posts, an open reader page offers the new updates, a page without scripts shows them on reload', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-live-'));
  const clock = new ManualClock();
  const runtime: Runtime = await createRuntime(testConfig(dir, join(dir, 'khabar.sqlite')), { clock, passwordCost: CHEAP_PASSWORD_COST });
  const app = await buildApp(runtime.ctx);
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  const browsers: LaunchedBrowser[] = [];
  try {
    const ctx = runtime.ctx;
    await updateSettings(ctx, { timeZone: 'Asia/Kabul' });
    const editorId = await createUser(ctx, { email: 'editor@khabar.test', name: 'Desk Editor', password: PASSWORD, role: 'editor' });
    const id = await createArticle(ctx, { headline: 'Floods reach Jalalabad', standfirst: 'The river rose overnight.', bodyHtml: '<p>Water covered the main road at dawn.</p>' }, { userId: editorId });
    await publishArticle(ctx, id, { userId: editorId });
    const story = `${base}/articles/floods-reach-jalalabad`;
    mkdirSync(SCREENS, { recursive: true });

    const desk = await launchBrowser();
    browsers.push(desk);
    const { page, problems, findings, screen } = await watchedPage(desk, SCREENS, 'live-');
    const csrf = await fetch(`${base}/api/admin/csrf`);
    const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const { token } = (await csrf.json()) as { token: string };
    const signedIn = await fetch(`${base}/api/admin/auth/login`, {
      method: 'POST', headers: { cookie: cookie(), 'x-csrf-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@khabar.test', password: PASSWORD }),
    });
    assert.equal(signedIn.status, 200);
    for (const c of signedIn.headers.getSetCookie()) { const [k, v] = c.split(';')[0].split('='); jar.set(k, v); }
    await desk.context.addCookies([...jar].map(([name, value]) => ({ name, value, url: base })));

    await t.test('the editor starts live coverage from the story\'s editor', async () => {
      await page.goto(`${base}/admin/articles/${id}`);
      await page.getByRole('link', { name: 'Open the live desk' }).click();
      await page.waitForURL(`${base}/admin/articles/${id}/live`);
      await page.getByRole('button', { name: 'Start live coverage' }).click();
      await page.getByText(/^Live since /).waitFor();
      await screen('desk-started');
    });

    const reader = await launchBrowser();
    browsers.push(reader);
    const readerPage = await reader.newPage();
    const readerProblems = scriptProblems(readerPage);
    await readerPage.clock.install();
    await readerPage.goto(story);
    await readerPage.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });
    assert.equal(await readerPage.locator('.live-entry').count(), 0);

    const plain = await launchBrowser({ javaScriptEnabled: false });
    browsers.push(plain);
    const plainPage = await plain.newPage();
    await plainPage.goto(story);
    assert.equal(await plainPage.locator('.live-entry').count(), 0);
    assert.ok(await plainPage.locator('.live-reload').isVisible(), 'a reader without scripts is told to reload');
    assert.equal((await plainPage.locator('.live-reload').innerText()).trim(), 'Reload the page to see the latest updates.');

    const texts = ['Water reaches the market.', 'Schools close for the day.', 'The governor asks families to move uphill.', 'Rescue boats arrive from Kabul.', 'The bridge on the main road is shut.'];
    await t.test('five entries from the app, the last from a 390 px screen, one marked key', async () => {
      const box = page.getByLabel('New entry');
      for (const [i, text] of texts.entries()) {
        clock.advance(60_000);
        if (i === 4) await page.setViewportSize({ width: 390, height: 844 });
        await box.fill(text);
        if (i === 2) await page.getByLabel('Send alert').check();
        if (i === 4) await page.screenshot({ path: `${SCREENS}/live-desk-entry-390.png`, fullPage: true });
        await page.getByRole('button', { name: 'Post', exact: true }).click();
        await page.locator('.live-item').nth(0).getByText(text).waitFor();
        assert.equal(await box.inputValue(), '', 'the box empties for the next entry');
        assert.equal(await page.getByLabel('Send alert').isChecked(), false, 'Send alert is off again');
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      const governor = page.locator('.live-item', { hasText: 'The governor asks' });
      await governor.getByRole('button', { name: 'Mark key' }).click();
      await governor.getByRole('button', { name: 'Unmark key' }).waitFor();
      assert.equal(await page.locator('.live-item').count(), 5);
      await screen('desk-entries');
    });

    await t.test('the open reader page offers "5 new updates" and shows them without a reload', async () => {
      assert.equal(await readerPage.locator('.live-entry').count(), 0, 'nothing moved under the reader');
      await readerPage.clock.runFor(20_000);
      const button = readerPage.locator('.live-new-button');
      await button.waitFor({ state: 'visible' });
      assert.equal((await button.innerText()).trim(), '5 new updates');
      await readerPage.screenshot({ path: `${SCREENS}/live-reader-new-updates.png` });
      await button.click();
      await readerPage.locator('.live-entry').nth(4).waitFor();
      assert.equal(await readerPage.locator('.live-entry').count(), 5);
      assert.equal(await readerPage.locator('.live-entry').first().innerText().then((s) => s.includes('The bridge on the main road is shut.')), true, 'newest first');
      assert.equal(await readerPage.locator('.live-highlights li').count(), 1);
      assert.match(await readerPage.locator('.live-highlights').innerText(), /The governor asks families to move uphill\./);
      assert.equal(await readerPage.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the page was not reloaded');
      assert.ok(await button.isHidden());
      await readerPage.screenshot({ path: `${SCREENS}/live-reader-after.png`, fullPage: true });
      await readerPage.setViewportSize({ width: 390, height: 844 });
      await readerPage.screenshot({ path: `${SCREENS}/live-reader-390.png`, fullPage: true });
      await readerPage.clock.runFor(20_000);
      assert.ok(await button.isHidden(), 'no new updates: the button stays hidden');
      assert.deepEqual(readerProblems, []);
    });

    await t.test('a reader without JavaScript sees the entries on reload', async () => {
      await plainPage.reload();
      assert.equal(await plainPage.locator('.live-entry').count(), 5);
      assert.equal(await plainPage.locator('.live-highlights li').count(), 1);
      assert.ok(await plainPage.locator('.live-new-button').isHidden());
      await plainPage.screenshot({ path: `${SCREENS}/live-reader-nojs.png`, fullPage: true });
    });

    await t.test('the app and the pages raise no script or CSP error and no serious accessibility finding', () => {
      assert.deepEqual(problems, []);
      assert.deepEqual(findings, []);
    });
  } finally {
    for (const b of browsers) await b.close();
    await app.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
