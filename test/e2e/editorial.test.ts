// Editorial control in a real Chromium, at desktop width and 390 px: an editor changes a published story's
// headline and body; the public page, the feed and the Content API keep the published text (also after the clock
// moves 60 s and after the app restarts on the same database) until Update makes the new text public and the
// cached page is purged; discarding brings the live text back into the editor. With the site's review setting on,
// an author's story goes to review, is sent back with a note the author reads, is fixed and published by an editor.
// A refused save says why and loses nothing typed. The full-width comparison shows the words changed between the
// first draft and the last Update. Screenshots go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS to change it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestServer } from '../helpers/browser.ts';
import { watchedPage } from '../helpers/watched_page.ts';
import { signInBrowser } from '../helpers/browser_sign_in.ts';
import { testConfig } from '../helpers/context.ts';
import { ManualClock } from '../../src/clock.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createApiKey } from '../../src/auth/api_keys.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';

const PASSWORD = 'juniper lantern orchard';

/** A GET on a connection of its own (a pooled one would point at the app from before a restart). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

test('editorial control in Chromium: Update, discard, review with a note, a refused save, revisions compared', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-editorial-'));
  const clock = new ManualClock();
  const config = testConfig(dir, join(dir, 'khabar.sqlite'));
  let runtime: Runtime | undefined;
  let server: TestServer | undefined;
  let port = 0;
  /** Starts the app on the database (the same port after a restart, so the browser's page and session carry on). */
  const start = async () => {
    runtime = await createRuntime(config, { clock, passwordCost: CHEAP_PASSWORD_COST });
    const app = await buildApp(runtime.ctx);
    const base = (await app.listen({ host: '127.0.0.1', port })).replace(/\/$/, '');
    port = Number(new URL(base).port);
    server = { base, close: () => app.close() };
    return server;
  };
  const stop = async () => {
    await server?.close();
    await runtime?.close();
  };
  const browser = await launchBrowser();
  try {
    await start();
    const ctx = () => runtime!.ctx;
    const base = server!.base;
    await updateSettings(ctx(), { timeZone: 'Asia/Kabul' });
    const editorId = await createUser(ctx(), { email: 'editor@khabar.test', name: 'Desk Editor', password: PASSWORD, role: 'editor' });
    await createUser(ctx(), { email: 'author@khabar.test', name: 'Field Reporter', password: PASSWORD, role: 'author' });
    const key = (await createApiKey(ctx(), 'Mobile app', editorId)).key;
    const id = await createArticle(ctx(), {
      headline: 'Wheat convoy reaches Herat', standfirst: 'Forty lorries crossed overnight.', bodyHtml: '<p>The convoy arrived at dawn after a long wait.</p>',
    }, { userId: editorId });
    await publishArticle(ctx(), id, { userId: editorId });
    const slug = 'wheat-convoy-reaches-herat';
    mkdirSync(SCREENS, { recursive: true });

    const { page, problems, findings, screen } = await watchedPage(browser, SCREENS, 'editorial-');
    /** Signs in as this person (through the sign-in API, as the app's sign-in page does) and opens the path. */
    const as = async (email: string, path: string) => {
      await signInBrowser(browser, base, email, PASSWORD);
      await page.goto(`${base}${path}`);
    };
    const saved = () => page.locator('.save-status.saved').waitFor();
    const body = (p: Page) => p.locator('.body-editor');
    const publicPage = async (path = `/articles/${slug}`) => {
      const r = await get(`${base}${path}`);
      return { text: r.text, cache: r.headers['x-khabar-cache'] };
    };
    const everywhere = async () => ({
      page: (await publicPage()).text,
      feed: (await get(`${base}/feed`)).text,
      api: (await get(`${base}/api/content/articles/${slug}`, { authorization: `Bearer ${key}` })).text,
    });
    const assertLive = async (when: string) => {
      for (const [where, text] of Object.entries(await everywhere())) {
        assert.match(text, /Wheat convoy reaches Herat/, `${when}: ${where} shows the story`);
        assert.doesNotMatch(text, /six days late|week-long delay/, `${when}: ${where} keeps the published text`);
      }
    };

    await t.test('an editor changes a published story: readers keep the published text until Update', async () => {
      await as('editor@khabar.test', `/admin/articles/${id}`);
      await page.getByLabel('Headline').fill('Wheat convoy reaches Herat after week-long delay');
      await body(page).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' It was six days late.');
      await saved();
      await page.getByText('Unpublished changes').waitFor();
      await page.locator('.changed-fields', { hasText: 'Changed: Headline, Body.' }).waitFor();
      await screen('unpublished-changes');
      await publicPage();
      assert.equal((await publicPage()).cache, 'hit', 'the public page is cached');
      await assertLive('right after the save');
      clock.advance(60_000);
      await assertLive('60 s later');
      assert.equal((await publicPage()).cache, 'hit', 'a save purges nothing');

      // the app restarts on the same database: the working copy is still there, still unpublished
      await stop();
      await start();
      await assertLive('after a restart');
      await page.reload();
      await page.getByText('Unpublished changes').waitFor();
      assert.equal(await page.getByLabel('Headline').inputValue(), 'Wheat convoy reaches Herat after week-long delay');
      await page.getByRole('button', { name: 'See changes' }).click();
      await page.locator('.changes-note .diff ins', { hasText: 'week-long' }).first().waitFor();
      await page.locator('.changes-note .diff ins', { hasText: 'six days late' }).first().waitFor();
      await screen('see-changes');

      // at 390 px Update is on screen without scrolling past the form
      await page.setViewportSize({ width: 390, height: 844 });
      const update = page.getByRole('button', { name: 'Update', exact: true });
      const box = await update.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `Update is in reach at 390 px: ${JSON.stringify(box)}`);
      await update.click();
      await page.getByText('Unpublished changes').waitFor({ state: 'detached' });
      await page.setViewportSize({ width: 1280, height: 900 });
      const after = await publicPage();
      assert.notEqual(after.cache, 'hit', 'Update purged the cached page');
      assert.match(after.text, /week-long delay/);
      const all = await everywhere();
      assert.match(all.feed, /week-long delay/);
      assert.match(all.api, /six days late/);
    });

    await t.test('discarding changes brings the published text back into the editor', async () => {
      await page.getByLabel('Headline').fill('A headline that should never be public');
      await body(page).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Nor this sentence.');
      await saved();
      await page.getByText('Unpublished changes').waitFor();
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await page.getByText('Unpublished changes').waitFor({ state: 'detached' });
      assert.equal(await page.getByLabel('Headline').inputValue(), 'Wheat convoy reaches Herat after week-long delay');
      assert.equal(await body(page).textContent(), 'The convoy arrived at dawn after a long wait. It was six days late.', 'the live body is back in the editor');
      await screen('discarded');
      for (const [where, text] of Object.entries(await everywhere())) assert.doesNotMatch(text, /never be public|Nor this sentence/, `${where} never showed the discarded text`);
    });

    await t.test('the revision comparison shows the words changed between the first draft and the last Update', async () => {
      await page.getByText('Revision history').click();
      await page.getByRole('link', { name: 'Compare…' }).last().click();
      await page.getByRole('heading', { name: 'Compare revisions', level: 1 }).waitFor();
      // newer: the last Update (the discarded changes were saved as revisions after it)
      const updated = await page.locator('#compare-to option', { hasText: '· updated ·' }).first().getAttribute('value');
      await page.getByLabel('Newer').selectOption(updated!);
      await page.locator('.diff ins', { hasText: 'week-long' }).first().waitFor();
      await page.locator('.diff del', { hasText: 'Herat' }).or(page.locator('.diff ins', { hasText: 'delay' })).first().waitFor();
      await page.locator('.diff ins', { hasText: 'six days late' }).first().waitFor();
      await screen('compare');
    });

    let storyId = 0;
    await t.test('with review on, an author submits; an editor sends it back with a note; the author fixes it; the editor publishes', async () => {
      await updateSettings(ctx(), { authorsSubmitForReview: true });
      await as('author@khabar.test', '/admin/articles/new');
      await page.getByLabel('Headline').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'headline', '"New article" puts the cursor in the headline');
      await page.keyboard.type('Clinic opens in Herat');
      await body(page).click();
      await page.keyboard.type('The clinic opened on Monday.');
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      storyId = Number(/(\d+)$/.exec(page.url())![1]);
      await saved();
      assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0, 'the author does not publish');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('in review').waitFor();

      await as('editor@khabar.test', '/admin');
      const waiting = page.locator('.review-waiting li', { hasText: 'Clinic opens in Herat' });
      await waiting.getByText('by Field Reporter').waitFor();
      await screen('dashboard-review');
      await waiting.getByRole('link').click();
      await page.getByText('Submitted for review by Field Reporter').waitFor();
      await page.getByText('Publish at (site time, Asia/Kabul)').waitFor();
      await page.getByRole('button', { name: 'Send back…' }).click();
      await page.getByLabel('Note for the writer').fill('Who runs the clinic? Name them, please.');
      await page.getByRole('button', { name: 'Send back', exact: true }).click();
      await page.getByText('draft', { exact: true }).waitFor();

      await as('author@khabar.test', '/admin');
      await page.locator('.review-sent-back li', { hasText: 'Who runs the clinic?' }).getByRole('link').click();
      await page.getByText('Sent back by Desk Editor').waitFor();
      await page.getByText('Who runs the clinic? Name them, please.').waitFor();
      await screen('sent-back');
      await body(page).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' The Red Crescent runs it.');
      await saved();
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('in review').waitFor();

      await as('editor@khabar.test', `/admin/articles/${storyId}`);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('published', { exact: true }).waitFor();
      const published = (await publicPage('/articles/clinic-opens-in-herat')).text;
      assert.match(published, /The Red Crescent runs it\./);
    });

    await t.test('a refused save says why and keeps what was typed', async () => {
      // review is on: the author's published story is out of her hands
      await as('author@khabar.test', `/admin/articles/${storyId}`);
      await page.getByLabel('Headline').fill('Clinic opens in Herat, run by the Red Crescent');
      await page.getByText('Not saved: see the message below.').waitFor();
      await page.getByRole('alert').filter({ hasText: 'ask an editor to change it' }).waitFor();
      await screen('refused');
      assert.equal(await page.getByLabel('Correction notice for readers').count(), 0, 'no correction form for a story she may not publish');
      assert.equal(await page.getByLabel('Headline').inputValue(), 'Clinic opens in Herat, run by the Red Crescent');
      await page.reload();
      await page.getByLabel('Headline').waitFor();
      assert.equal(await page.getByLabel('Headline').inputValue(), 'Clinic opens in Herat, run by the Red Crescent', 'the text is kept on this device');
      assert.doesNotMatch((await publicPage('/articles/clinic-opens-in-herat')).text, /run by the Red Crescent<\/h1>/);
    });

    assert.deepEqual(problems, [], 'no script or CSP error');
    assert.deepEqual(findings, [], 'no serious or critical accessibility finding');
  } finally {
    await browser.close();
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
