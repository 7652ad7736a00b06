// The Audience screen in a real Chromium over the demo newsroom: readers (several addresses and browsers, from
// Telegram, a search engine, a newsletter) read its stories through the running site, full and lite, cached hits
// included; a crawler is counted apart. The screen then shows those figures for today and 7 days, the last 30
// minutes, the top stories and referrer groups, a CSV of the top stories, and saves the Most read choice. The story's
// figures show in the article list and the editor. No serious axe-core finding, no request to another host, no CSP
// or script error; screenshots at desktop and 390 px go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemo, demoNewsroom } from '../helpers/demo.ts';
import { testConfig } from '../helpers/context.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, scriptProblems, twoWidths, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { createRuntime } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';
const UA = ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'];
const REFERRERS = ['', 'https://t.me/khabar/101', 'https://www.google.com/', '', 'https://l.facebook.com/'];

test('the Audience screen in Chromium shows the demo newsroom\'s figures', async (t) => {
  const { seededAt } = await demoNewsroom('sqlite');
  const dir = await copyDemo();
  const clock = new ManualClock(seededAt);
  clock.advance(3600_000);
  const runtime = await createRuntime(testConfig(dir, join(dir, 'khabar.sqlite')), { clock, passwordCost: CHEAP_PASSWORD_COST });
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    const ctx = runtime.ctx;
    const app = await buildApp(ctx);
    server = await startTestServer(app);
    const base = server.base;
    await createUser(ctx, { email: 'laila@khabar.test', name: 'Laila Ahmadi', password: PASSWORD, role: 'editor' });

    // readers through the running site: 3 stories, 12 readers, some on the lite edition, some arriving from elsewhere
    const home = await (await fetch(`${base}/`)).text();
    const stories = [...new Set([...home.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1]))].slice(0, 3);
    assert.equal(stories.length, 3);
    let sent = 0;
    for (let reader = 0; reader < 12; reader++) {
      const headers = { 'user-agent': UA[reader % 2] };
      for (let s = 0; s <= reader % 3; s++) {
        const path = reader % 4 === 3 ? `/lite${stories[s]}` : stories[s];
        const referer = REFERRERS[(reader + s) % REFERRERS.length];
        // one reader, one address (and their browser): the reader's id for the day hashes both
        const r = await app.inject({ url: path, remoteAddress: `10.1.0.${reader}`, headers: { ...headers, ...(referer ? { referer } : {}) } });
        assert.equal(r.statusCode, 200);
        sent++;
      }
    }
    await app.inject({ url: stories[0], remoteAddress: '66.249.66.1', headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } });
    await app.pageViews?.flush();
    await runDueJobs(ctx);
    mkdirSync(SCREENS, { recursive: true });

    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const requests = recordRequests(page);
    const problems = scriptProblems(page);
    const findings: string[] = [];
    const screen = async (name: string) => {
      for (const f of await seriousAxeFindings(page)) findings.push(`${name}: ${f}`);
      await twoWidths(page, SCREENS, name, { fitsPhone: true });
    };

    await page.goto(`${base}/admin/sign-in`);
    await page.getByLabel('Email address').fill('laila@khabar.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await t.test('today and 7 days: the figures sent, bots apart, referrers grouped', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Audience', exact: true }).click();
      await page.getByRole('heading', { name: 'Audience', level: 1 }).waitFor();
      await page.getByRole('tab', { name: 'Today' }).click();
      await page.waitForFunction((n) => document.querySelector('.totals li strong')?.textContent === n, String(sent));
      const figure = (n: number) => page.locator(`.totals li:nth-child(${n}) strong`).innerText();
      assert.deepEqual([await figure(1), await figure(2)], [String(sent), '12'], 'views and readers');
      // the crawler, and this test's own fetch of the front page (Node's fetch says it is not a browser)
      assert.equal(await figure(3), '2', 'bots apart');
      await page.getByRole('cell', { name: 'Telegram' }).waitFor();
      await page.getByRole('cell', { name: 'Lite edition' }).waitFor();
      assert.equal(await page.locator('.chart svg rect.bar').count() > 0, true);
      await page.getByRole('heading', { name: 'Right now' }).waitFor();
      await screen('audience-today');
      await page.getByRole('tab', { name: '7 days' }).click();
      await page.getByRole('heading', { name: 'Top stories' }).waitFor();
      await screen('audience-7-days');
    });

    let topStory = '';
    await t.test('a CSV of the top stories', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: Top stories' }).click()]);
      const file = await download.path();
      const csv = readFileSync(file, 'utf8').trim().split('\r\n');
      assert.equal(csv[0], 'key,name,views,readers');
      assert.equal(csv.length, 4, 'three stories read');
      assert.equal(csv.slice(1).reduce((s, l) => s + Number(l.split(',').at(-2)), 0), sent);
      topStory = csv[1].split(',')[0];
    });

    await t.test('the Most read choice is saved', async () => {
      await page.getByLabel('Readers\' "Most read" list').selectOption({ label: 'Last 7 days' });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
    });

    await t.test('each story\'s figures in the article list and the editor', async () => {
      await page.goto(`${base}/admin/articles?status=published`);
      await page.getByRole('columnheader', { name: 'Views (7 days)' }).waitFor();
      await screen('audience-article-list');
      await page.goto(`${base}/admin/articles/${topStory}`);
      await page.getByRole('heading', { name: 'Readers of this story' }).waitFor();
    });

    assert.deepEqual(problems, []);
    assert.deepEqual(findings, []);
    assert.deepEqual(foreignRequests(requests, base), []);
  } finally {
    await browser.close();
    await server?.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
