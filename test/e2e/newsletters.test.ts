// The Newsletters screen in a real Chromium over the demo newsroom, with letters going to an SMTP server on the
// loopback: the lists per language with their readers, a Mailchimp export previewed (its bad lines named) and
// imported, a reader found, a story composed as a newsletter, previewed, tested and sent with its figures shown, and
// the relay settings with their test letter. No serious axe-core finding, no request to another host, no CSP or
// script error; screenshots at desktop and 390 px go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { copyDemo, demoNewsroom } from '../helpers/demo.ts';
import { testConfig } from '../helpers/context.ts';
import { launchBrowser, recordRequests, foreignRequests, scriptProblems, twoWidths, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { createRuntime } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { sendInBackground } from '../../src/newsletters/jobs.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { letterTo, startMailSink, useSink, header } from '../newsletters/mail_sink.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';
const CSV = [
  'Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,LAST_CHANGED',
  'maryam@example.org,Maryam,Sadat,2021-03-04 10:20:30,2021-03-04 10:25:00,2021-03-04 10:25:00',
  'javid@example.org,Javid,Karimi,2022-01-02 08:00:00,2022-01-02 08:01:00,2022-01-02 08:01:00',
  'rеader@example.org,Look,Alike,,,',
  'maryam@example.org,Again,,,,',
].join('\n');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('the Newsletters screen in Chromium: lists, import, readers, a send and the relay', async (t) => {
  const { seededAt } = await demoNewsroom('sqlite');
  const dir = await copyDemo();
  const clock = new ManualClock(seededAt);
  // The letters' pictures and links are absolute addresses on the public address: the server listens on it.
  const port = await freePort();
  const runtime = await createRuntime(testConfig(dir, join(dir, 'khabar.sqlite'), { publicUrl: `http://127.0.0.1:${port}` }), { clock, passwordCost: CHEAP_PASSWORD_COST });
  const sink = await startMailSink();
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    const ctx = runtime.ctx;
    await useSink(ctx, sink);
    const app = await buildApp(ctx);
    const base = (await app.listen({ host: '127.0.0.1', port })).replace(/\/$/, '');
    server = { base, close: () => app.close() };
    await createUser(ctx, { email: 'laila@khabar.test', name: 'Laila Ahmadi', password: PASSWORD, role: 'owner' });
    mkdirSync(SCREENS, { recursive: true });

    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    page.on('dialog', (d) => void d.accept());
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

    await t.test('the lists, grouped by language', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Newsletters', exact: true }).click();
      await page.getByRole('heading', { name: 'Newsletters', level: 1 }).waitFor();
      for (const lang of ['English', 'Dari', 'Pashto']) await page.getByRole('heading', { name: lang, level: 2 }).waitFor();
      await page.getByRole('rowheader', { name: /Breaking news alerts/ }).waitFor();
      await screen('newsletters-lists');
    });

    await t.test('a Mailchimp export: previewed with its bad lines, then imported', async () => {
      await page.getByRole('tab', { name: 'Import' }).click();
      await page.getByLabel('Into the list').selectOption({ label: 'The Morning File (English)' });
      await page.getByLabel('CSV file').setInputFiles({ name: 'mailchimp.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText('A Mailchimp export.').waitFor();
      await page.getByRole('cell', { name: /Latin letters/ }).waitFor();
      await page.getByRole('cell', { name: 'The same address is on line 2' }).waitFor();
      await screen('newsletters-import-preview');
      await page.getByRole('button', { name: 'Import 2 readers into The Morning File (English)' }).click();
      await page.getByText('Imported: 2 new readers, 0 already known, 2 lines left out.').waitFor();
    });

    await t.test('a reader found by name', async () => {
      await page.getByRole('tab', { name: 'Readers' }).click();
      await page.getByLabel('Find a reader').fill('javid');
      await page.getByRole('rowheader', { name: /javid@example\.org/ }).waitFor();
      await page.getByText('imported from Mailchimp').waitFor();
      await screen('newsletters-readers');
    });

    await t.test('a story composed, previewed, tested and sent, with its figures', async () => {
      await page.getByRole('tab', { name: 'Sends' }).click();
      await page.getByRole('button', { name: 'New send' }).click();
      await page.getByLabel('List', { exact: true }).selectOption({ label: 'The Morning File (English) · readers: 2' });
      await page.getByLabel('What it is').selectOption('story');
      const first = page.locator('.nl-stories input[type="radio"]').first();
      await first.waitFor();
      await first.check();
      await page.getByLabel('A few words above the stories (optional)').fill('Our reporters in Kabul saw it first.');
      await screen('newsletters-compose');
      await page.getByRole('button', { name: 'Save as a draft' }).click();
      const frame = page.frameLocator('.nl-preview iframe');
      await frame.getByText('Our reporters in Kabul saw it first.').waitFor();
      await screen('newsletters-preview');
      await page.getByRole('button', { name: 'Send a test to me' }).click();
      await page.getByText('A test letter is on its way to you.').waitFor();
      await sink.waitFor(1);
      assert.match(header(letterTo(sink, 'laila@khabar.test')[0].raw, 'Subject'), /^\[Test\] /);
      await page.getByRole('button', { name: 'Send now' }).click();
      await sendInBackground(ctx);
      await sink.waitFor(3);
      await page.reload();
      await page.locator('.nl-send.sent .nl-figures').first().waitFor();
      const sent = await page.locator('.nl-send.sent .nl-figures div').first().innerText();
      assert.match(sent, /Sent\s+2/);
      await screen('newsletters-sends');
    });

    await t.test('the relay settings and their test letter', async () => {
      await page.getByRole('tab', { name: 'Relay settings' }).click();
      await page.getByText('Relay address · set').waitFor();
      await page.getByRole('button', { name: 'Send a test letter' }).click();
      await page.getByText(/The relay took the letter to laila@khabar\.test/).waitFor();
      await sink.waitFor(4);
      await screen('newsletters-settings');
    });

    assert.deepEqual(problems, []);
    assert.deepEqual(findings, []);
    assert.deepEqual(foreignRequests(requests, base), []);
  } finally {
    await browser.close();
    await closeNewsletterTransport(runtime.ctx);
    await server?.close();
    await sink.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
