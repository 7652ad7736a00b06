// In real Chromium: a fresh newsroom prints its setup link; a person opens it, makes a mistake, creates the owner
// account, lands on /admin signed in, signs out, signs in again, sets up two-factor authentication and signs in
// with a code. Every page on the way (and the invitation, reset and broken-link pages) is valid HTML (Nu Html
// Checker) with no serious or critical axe-core finding, requests nothing from another host, and breaks no CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, type TestServer } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { validateHtml, vnuErrors } from '../helpers/vnu.ts';
import { buildApp } from '../../src/app.ts';
import { setupNotice } from '../../src/auth/setup.ts';
import { invite, resetLinkFor } from '../../src/auth/invitations.ts';
import { codeAt } from '../../src/auth/two_factor.ts';

const PASSWORD = 'juniper lantern orchard';

test('the setup link a fresh newsroom prints leads, in Chromium, to a signed-in owner; pages valid and accessible', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    tc = await makeTestContext('sqlite');
    const ctx = tc.ctx;
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    const printed = (await setupNotice(ctx, base)) ?? '';
    const link = /(http:\/\/\S+\/admin\/setup\?token=\S+)/.exec(printed)?.[1];
    assert.ok(link, `serve prints a setup link: ${printed}`);

    const page = await browser.newPage();
    const requests = recordRequests(page);
    const errors: string[] = [];
    // A 4xx answer (a refused form, the missing favicon) is logged as a failed load; anything else is a real error.
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.* status of 4\d\d/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    // Each page as the browser holds it (for the checker) and what axe finds in it.
    const html: Record<string, string> = {};
    const findings: string[] = [];
    const checkPage = async (name: string) => {
      await page.waitForLoadState('load');
      for (const v of await axeViolations(page)) {
        if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      }
      html[name] = await page.content();
    };

    await t.test('open the link, make a mistake, create the owner, land on /admin', async () => {
      assert.equal((await page.goto(link!))?.status(), 200);
      await checkPage('setup form');
      await page.getByLabel('Your name').fill('Farida Noori');
      await page.getByLabel('Email address').fill('farida@khabar.test');
      await page.getByLabel('Password').fill('password1234');
      await page.getByRole('button', { name: 'Create the owner account' }).click();
      await checkPage('setup form refused');
      assert.equal(await page.getByLabel('Your name').inputValue(), 'Farida Noori', 'the name is kept');
      assert.equal(await page.getByLabel('Email address').inputValue(), 'farida@khabar.test', 'the email is kept');
      assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not sent back');
      assert.match(await page.locator('#field-password-error').innerText(), /too common/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-password', 'the field in question has the focus');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create the owner account' }).click();
      await page.waitForURL(`${base}/admin`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Signed in as Farida Noori/);
      await checkPage('newsroom app');
    });

    await t.test('sign out, then sign in again (first with a wrong password)', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${base}/admin/sign-in?after=signed-out`);
      assert.match(await page.locator('main').innerText(), /You are signed out/);
      await checkPage('sign-in');
      assert.equal((await page.goto(`${base}/admin`))?.url(), `${base}/admin/sign-in`, '/admin sends a signed-out browser to sign in');
      await page.getByLabel('Email address').fill('farida@khabar.test');
      await page.getByLabel('Password').fill('not my password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await checkPage('sign-in refused');
      assert.match(await page.getByRole('alert').innerText(), /The email address or password is not right/);
      assert.equal(await page.getByLabel('Email address').inputValue(), 'farida@khabar.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/admin`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Signed in as Farida Noori/);
    });

    await t.test('set up two-factor authentication from the key as text, then sign in with a code', async () => {
      await page.getByRole('link', { name: 'Set up two-factor authentication' }).click();
      await checkPage('two-factor start');
      await page.getByRole('button', { name: 'Show my setup key' }).click();
      await checkPage('two-factor key');
      const secret = (await page.locator('.admin-secret code').first().innerText()).replace(/\s/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.match(await page.locator('.admin-secret code').nth(1).innerText(), /^otpauth:\/\/totp\//);
      await page.getByLabel('Code').fill(codeAt(secret, tc!.clock.now()));
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
      await checkPage('recovery codes');
      assert.equal(await page.locator('.admin-codes li').count(), 10);
      await page.getByRole('link', { name: 'Continue to the newsroom' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Set up two-factor authentication' }).count(), 0, 'no reminder once it is on');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/admin\/sign-in/);
      await page.getByLabel('Email address').fill('farida@khabar.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/admin/sign-in/code`);
      await checkPage('sign-in code');
      tc!.clock.advance(60_000);
      await page.getByLabel('Code').fill(codeAt(secret, tc!.clock.now()));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${base}/admin`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Signed in as Farida Noori/);
    });

    await t.test('the invitation, reset and broken-link pages', async () => {
      const owner = await ctx.db.selectFrom('users').select(['id', 'name']).executeTakeFirstOrThrow();
      const inv = await invite(ctx, { email: 'nadia@khabar.test', role: 'contributor' }, owner);
      // Links point at the configured public address; the test server listens elsewhere.
      const here = (url: string) => base + url.slice(new URL(url).origin.length);
      const other = await browser.newPage();
      try {
        const visit = async (name: string, url: string, status: number) => {
          assert.equal((await other.goto(url))?.status(), status, name);
          for (const v of await axeViolations(other)) {
            if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
          }
          html[name] = await other.content();
        };
        await visit('invitation form', here(inv.link!), 200);
        await visit('reset request', `${base}/admin/reset`, 200);
        await other.getByLabel('Email address').fill('someone@khabar.test');
        await other.getByRole('button', { name: 'Send me a reset link' }).click();
        assert.match(await other.getByRole('status').innerText(), /If that address belongs to an account/);
        const reset = await resetLinkFor(ctx, owner.id, owner.id);
        await visit('new password form', here(reset.link!), 200);
        await visit('broken setup link', link!, 400);
      } finally {
        await other.close();
      }
    });

    await t.test('no serious or critical axe findings, valid HTML, nothing from other hosts, no CSP errors', async () => {
      console.log(`pages checked: ${Object.entries(html).map(([name, h]) => `${name} (${h.length} bytes)`).join('; ')}`);
      assert.equal(Object.keys(html).length, 13);
      assert.deepEqual(findings, []);
      const report = await validateHtml(html);
      assert.deepEqual(Object.entries(report).flatMap(([name, m]) => vnuErrors(m).map((e) => `${name}: ${e}`)), []);
      assert.deepEqual(foreignRequests(requests, base), []);
      assert.ok(requests.some((u) => u.includes('/assets/admin.css')), 'the pages load their stylesheet');
      assert.deepEqual(errors, []);
    });
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
  }
});
