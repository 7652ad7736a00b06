// The Mirrors screen in a real Chromium: the owner reads the public key and the command that checks a copy, adds a
// folder mirror (a refused folder is named at its field with everything typed kept), sees it as new, then, once the
// mirrors job has pushed, as current in a word and a colour with its files and times, and checks it again; an
// author who opens the screen by its address is told it is not open to them. Screenshots at desktop and 390 px go
// to KHABAR_E2E_SCREENS (default .tmp/e2e-screens).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, scriptProblems, startTestServer, twoWidths, type TestServer } from '../helpers/browser.ts';
import { signInBrowser } from '../helpers/browser_sign_in.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { signingKey } from '../../src/mirrors/signing.ts';
import { mirrorTick, setSiteExporter } from '../../src/mirrors/schedule.ts';
import { exportStatic } from '../../src/export/static_export.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

test('the Mirrors screen: the owner adds a folder mirror and sees its status; an author is told it is not open to them', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  const folder = mkdtempSync(join(tmpdir(), 'khabar-mirror-ui-'));
  try {
    tc = await makeTestContext('sqlite');
    const { ctx } = tc;
    tc.clock.set('2026-11-25T09:00:00.000Z');
    const app = await buildApp(ctx);
    server = await startTestServer(app);
    // the mirrors job's export, as `serve` sets it up
    setSiteExporter(ctx, (dir) => exportStatic(app, dir));
    const base = server.base;
    await updateSettings(ctx, { name: 'Khabar Daily', timeZone: 'Asia/Kabul' });
    const owner = await createUser(ctx, { email: 'farida@khabar.test', name: 'Farida Noori', password: PASSWORD, role: 'owner' });
    await createUser(ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: PASSWORD, role: 'author' });
    const story = await createArticle(ctx, { headline: 'Bread prices rise', bodyHtml: '<p>Text.</p>' }, { userId: owner });
    await publishArticle(ctx, story, { userId: owner });
    mkdirSync(SCREENS, { recursive: true });

    await t.test('the owner adds a folder mirror and sees it new, then current', async () => {
      await signInBrowser(browser, base, 'farida@khabar.test', PASSWORD);
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      const problems = scriptProblems(page);
      await page.goto(`${base}/admin`);
      await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Mirrors' }).click();
      await page.getByRole('heading', { name: 'Mirrors', level: 1 }).waitFor();
      const key = (await signingKey(ctx)).publicKey;
      assert.equal(await page.getByLabel('The newsroom\'s public key').inputValue(), key);
      assert.equal(await page.getByLabel('Command to check a copy').inputValue(), `npx khabar verify-mirror URL --key ${key}`);
      assert.match(await page.locator('main').innerText(), /No mirrors yet/);

      // the fields follow the kind
      await page.getByLabel('Kind').selectOption('s3');
      for (const label of ['Endpoint', 'Bucket', 'Region', 'Access key ID', 'Secret access key', 'Prefix (a folder in the bucket, optional)']) await page.getByLabel(label, { exact: true }).waitFor();
      await page.getByLabel('Kind').selectOption('sftp');
      for (const label of ['Host', 'Port', 'User name', 'Private key', 'Folder on the host']) await page.getByLabel(label, { exact: true }).waitFor();
      await page.getByLabel('Kind').selectOption('git');
      for (const label of ['Remote', 'Branch']) await page.getByLabel(label, { exact: true }).waitFor();
      await page.getByLabel('Kind').selectOption('folder');
      assert.equal(await page.getByLabel('Bucket').count(), 0, 'a folder asks for no bucket');

      // a refused folder is named at its field; what was typed stays
      await page.getByLabel('Name', { exact: true }).fill('Backup copy');
      await page.getByLabel('Public address').fill('https://backup.example.org/');
      await page.getByLabel('Folder', { exact: true }).fill('relative/folder');
      await page.getByRole('button', { name: 'Add the mirror' }).click();
      await page.locator('.field-error', { hasText: 'path must be an absolute folder' }).waitFor();
      assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Backup copy', 'the name is kept');
      assert.equal(await page.getByLabel('Public address').inputValue(), 'https://backup.example.org/', 'the address is kept');

      await page.getByLabel('Folder', { exact: true }).fill(folder);
      await page.getByRole('button', { name: 'Add the mirror' }).click();
      await page.getByText('Added Backup copy.').waitFor();
      const row = page.locator('tr', { hasText: 'Backup copy' });
      await row.getByText('New: waiting for its first push').waitFor();
      assert.match(await row.innerText(), /Folder on this server/);

      // the mirrors job pushes; the screen, loaded again, shows the copy as current with its files and times
      const tick = await mirrorTick(ctx);
      assert.equal(tick.pushed.length, 1);
      await page.reload();
      const current = page.locator('tr', { hasText: 'Backup copy' });
      await current.getByText('Current', { exact: true }).waitFor();
      const colour = await current.locator('.mirror-status').evaluate((e) => getComputedStyle(e).color);
      assert.equal(colour, 'rgb(30, 107, 52)', 'current reads in the good colour');
      const cells = await current.locator('td').allInnerTexts();
      assert.ok(Number(cells[2]) > 0, `files counted: ${cells[2]}`);
      assert.match(cells[3], /13:30/, 'the last push on the site clock (Kabul), not UTC');
      await current.getByRole('button', { name: 'Check now Backup copy' }).click();
      await page.getByText('Checked Backup copy.').waitFor();
      await twoWidths(page, SCREENS, 'mirrors');
      assert.deepEqual(problems, []);
      await page.close();
    });

    await t.test('an author is told the screen is not open to them', async () => {
      await signInBrowser(browser, base, 'omar@khabar.test', PASSWORD);
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${base}/admin/mirrors`);
      await page.getByRole('heading', { name: 'Not open to you', level: 1 }).waitFor();
      assert.match(await page.locator('main').innerText(), /Your role is Author\./);
      assert.equal(await page.getByRole('button', { name: 'Add the mirror' }).count(), 0, 'no form behind the refusal');
      const menu = await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link').allInnerTexts();
      assert.ok(!menu.includes('Mirrors'), 'the menu does not offer it');
      await page.close();
    });
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
