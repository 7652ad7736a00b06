// The newsroom app in a real Chromium, as an author and as the owner: an author who opens a screen they may not use
// (by its address: the menu does not offer it) reads what they may not do and whom to ask, with no form and no
// refused call behind it; the owner copies an invitation link and a new API key with the Copy button (and, where
// the browser gives no clipboard, gets the value selected instead); dates follow the site's time zone (Asia/Kabul),
// not the computer's (UTC here); at 390 px the menu folds behind its button. Screenshots at desktop and 390 px go to
// .tmp/e2e-screens/ (KHABAR_E2E_SCREENS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, scriptProblems, twoWidths, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

/** The screens an author may not use, by address, and a word of what the refusal says. */
const CLOSED: [string, RegExp][] = [
  ['/admin/settings', /may not change the site settings; ask the owner or an admin/],
  ['/admin/staff', /may not manage staff accounts/],
  ['/admin/ads', /may not manage the house ads/],
  ['/admin/sources', /may not manage the syndication sources/],
  ['/admin/sources/new', /may not manage the syndication sources/],
  ['/admin/fronts', /may not choose the fronts/],
  ['/admin/audience', /may not see the audience figures/],
  ['/admin/comments', /may not moderate comments/],
  ['/admin/comments/settings', /may not moderate comments/],
  ['/admin/people', /may not change the bylines/],
  ['/admin/sections', /may not change the sections/],
  ['/admin/audit', /may not read the audit log/],
  ['/admin/api-keys', /may not manage API keys/],
  ['/admin/aggregators', /may not manage API keys/],
];

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}

test('the app in Chromium: closed screens say so to an author; Copy buttons; dates on the site clock; the phone menu', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    tc = await makeTestContext('sqlite');
    const { ctx } = tc;
    // 09:00 UTC is 13:30 in Kabul.
    tc.clock.set('2026-11-25T09:00:00.000Z');
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    await updateSettings(ctx, { name: 'Khabar Daily', timeZone: 'Asia/Kabul' });
    await createUser(ctx, { email: 'farida@khabar.test', name: 'Farida Noori', password: PASSWORD, role: 'owner' });
    const author = await createUser(ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: PASSWORD, role: 'author' });
    await createArticle(ctx, { headline: 'Bread prices rise', bodyHtml: '<p>Text.</p>' }, { userId: author });
    mkdirSync(SCREENS, { recursive: true });
    const findings: string[] = [];

    await t.test('an author reads why a closed screen is closed, with no form and no refused call', async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      const problems = scriptProblems(page);
      const refused: string[] = [];
      page.on('response', (r) => { if (r.url().includes('/api/admin/') && r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`); });
      await signIn(page, base, 'omar@khabar.test');
      const menu = await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link').allInnerTexts();
      assert.ok(!menu.includes('Settings') && !menu.includes('Staff'), `the menu offers no closed screen: ${menu.join(', ')}`);
      for (const [address, says] of CLOSED) {
        await page.goto(`${base}${address}`);
        await page.getByRole('heading', { name: 'Not open to you', level: 1 }).waitFor();
        const text = await page.locator('main').innerText();
        assert.match(text, says, address);
        assert.match(text, /Your role is Author\./, address);
        assert.equal(await page.locator('main form, main input, main select, main textarea').count(), 0, `${address}: no form`);
      }
      await twoWidths(page, SCREENS, 'app-closed-settings');
      for (const f of await seriousAxeFindings(page)) findings.push(`closed screen: ${f}`);
      // The screens an author may use still open.
      await page.goto(`${base}/admin/tags`);
      await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
      assert.deepEqual(refused, [], 'no call the server refuses');
      assert.deepEqual(problems, []);
      await page.close();
      await browser.context.clearCookies();
    });

    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const problems = scriptProblems(page);
    await signIn(page, base, 'farida@khabar.test');

    await t.test('dates follow the site time zone, not the computer', async () => {
      await page.goto(`${base}/admin/staff`);
      const row = page.locator('li.row', { hasText: 'farida@khabar.test' });
      await row.waitFor();
      const line = await row.innerText();
      assert.match(line, /13:30/, `the sign-in at 09:00 UTC reads as 13:30 Kabul time: ${line}`);
      assert.doesNotMatch(line, /never signed in/i);
      await page.goto(`${base}/admin/articles?status=draft`);
      const cell = page.locator('tbody tr', { hasText: 'Bread prices rise' }).locator('time');
      assert.match(await cell.innerText(), /13:30/, 'the article list too');
    });

    await t.test('the owner copies an invitation link and a new API key', async () => {
      await page.goto(`${base}/admin/staff`);
      await page.getByLabel('Email address', { exact: true }).fill('nadia@khabar.test');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      const link = page.getByLabel('Invitation link', { exact: true });
      await link.waitFor();
      const value = await link.inputValue();
      assert.match(value, /\/admin\/invitation\?token=/);
      await page.getByRole('button', { name: /^Copy/ }).click();
      await page.getByText('Copied', { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value, 'the link is on the clipboard');
      await twoWidths(page, SCREENS, 'app-staff-copied');
      for (const f of await seriousAxeFindings(page)) findings.push(`staff: ${f}`);

      await page.goto(`${base}/admin/api-keys`);
      await page.getByLabel('Who the key is for', { exact: true }).fill('Mobile app');
      await page.getByRole('button', { name: 'Make the key' }).click();
      const key = page.locator('#new-key');
      await key.waitFor();
      // A browser without a clipboard (a page over plain http): the key is selected for Ctrl+C instead.
      await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
      await page.getByRole('button', { name: /^Copy/ }).click();
      await page.locator('.copy-said').filter({ hasText: /Copied|Selected/ }).waitFor();
      const selected = await key.evaluate((el) => {
        const input = el as HTMLInputElement;
        return document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length && input.value.length > 20;
      });
      assert.ok(selected, 'the whole key is selected');
      await twoWidths(page, SCREENS, 'app-api-key-copy');
    });

    await t.test('at 390 px the menu folds behind its button', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/admin`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      const button = page.getByRole('button', { name: 'Menu' });
      assert.equal(await button.isVisible(), true);
      assert.equal(await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Staff' }).isVisible(), false, 'folded');
      await button.click();
      await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Staff' }).click();
      await page.getByRole('heading', { name: 'Staff and invitations', level: 1 }).waitFor();
      assert.equal(await button.getAttribute('aria-expanded'), 'false', 'folds again on the next screen');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    assert.deepEqual(problems, []);
    assert.deepEqual(findings, []);
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
  }
});
