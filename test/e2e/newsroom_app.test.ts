// The newsroom app in a real Chromium, through the app's screens and the JS-free staff pages only: the owner opens
// the setup link the server prints, sets a password, turns on two-factor authentication (codes computed here from
// the key the page shows, with the TOTP library the server uses), invites a contributor and an editor from the
// staff screen (sending one invitation again), makes an API key, reads the audit log, blocks a network from the
// comment settings, adds a partner source, polls it now, and publishes one of its stories from the review queue and
// turns down another. The contributor accepts her invitation from the email, uploads a picture (a text file is
// refused before upload), writes an article with a fragment pasted from Word and that picture, submits it, and
// cannot delete the picture while it is used; the editor accepts his invitation, finds the article in review,
// schedules it, and at the scheduled time (the controllable clock and the job runner) it is on the public site with
// its byline, picture and section; the network drops mid-edit and nothing typed is lost; the editor restores an
// earlier revision; a comment held by the bot defence is approved with the keyboard in the moderation screen and
// appears under the article, and another one's sender is blocked by network from the queue. The test itself makes
// no API call: it reads the letters the server sends the way the link tests do. Every screen: no serious or
// critical axe-core finding, no request to another host, no CSP or script error; screenshots at desktop and 390 px
// width are written to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS to change it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { buildApp } from '../../src/app.ts';
import { Secret, TOTP } from 'otpauth';
import { setupNotice } from '../../src/auth/setup.ts';
import type { Letter } from '../../src/auth/mail.ts';
import { createPerson } from '../../src/content/people.ts';
import { createSection } from '../../src/content/sections.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { startPartnerSites, type PartnerSites } from '../helpers/partners.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';
/** What Word puts on the clipboard: conditional comments, a style sheet, Mso classes, spans with fonts, <o:p>. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm;font-family:Calibri}</style></head>
<body lang=EN-US><!--StartFragment--><p class=MsoNormal style='margin-bottom:8pt'><span style='font-family:"Calibri",sans-serif;color:#222'>Water prices in <b>Kabul</b> rose again this week.<o:p></o:p></span></p>
<!--[if !supportLists]--><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-size:12pt'>قیمت آب در کابل بالا رفت<o:p></o:p></span></p><!--[endif]--><script>alert(1)</script><!--EndFragment--></body></html>`;

/** The code an authenticator app shows for the key at that moment (the server's own TOTP settings). */
function totp(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

/** The local time the browser's datetime-local field takes for this instant (both run in the machine's zone). */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('the newsroom app in Chromium: set up, two-factor, invite; write, upload, submit, schedule, publish, restore, survive a dropped network, moderate', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  let partners: PartnerSites | undefined;
  const browser = await launchBrowser();
  try {
    partners = await startPartnerSites();
    tc = await makeTestContext('sqlite', { fetchAllow: ['127.0.0.1/32'] });
    const ctx = tc.ctx;
    const letters: Letter[] = [];
    ctx.mail = { sendMail: async (l) => { letters.push(l); } };
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    await createSection(ctx, { name: 'Immigration News', position: 1 });
    await createPerson(ctx, { name: 'Mina Rahimi', bio: 'Mina covers water and migration.' });
    const printed = (await setupNotice(ctx, base)) ?? '';
    const setupLink = /(http:\/\/\S+\/admin\/setup\?token=\S+)/.exec(printed)?.[1];
    assert.ok(setupLink, `serve prints a setup link: ${printed}`);
    /** The invitation link in the last letter to `to` (links name the configured public address; the test server listens elsewhere). */
    const invitationFor = (to: string) => {
      const url = letters.filter((l) => l.to === to).at(-1)?.text.match(/https?:\/\/\S+/)?.[0];
      assert.ok(url, `a letter went to ${to}`);
      return base + url.slice(new URL(url).origin.length);
    };
    mkdirSync(SCREENS, { recursive: true });

    const page = await browser.newPage();
    // A step that cannot happen fails in a minute instead of holding the run until the runner's limit.
    page.setDefaultTimeout(60_000);
    const requests = recordRequests(page);
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*(status of 4\d\d|ERR_INTERNET_DISCONNECTED)/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('dialog', (d) => { void d.accept(); });
    const findings: string[] = [];
    /** A JS-free staff page: axe only. */
    const checkPage = async (name: string) => {
      await page.waitForLoadState('load');
      for (const f of await seriousAxeFindings(page)) findings.push(`${name}: ${f}`);
    };
    const screen = async (name: string) => {
      await page.waitForLoadState('load');
      for (const f of await seriousAxeFindings(page)) findings.push(`${name}: ${f}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${SCREENS}/${name}-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SCREENS}/${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    const saved = () => page.locator('.save-status.saved').waitFor();
    const open = async (link: string, heading: string) => {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    };

    await t.test('the owner opens the printed setup link, sets a password and turns on two-factor authentication', async () => {
      assert.equal((await page.goto(setupLink!))?.status(), 200);
      await checkPage('setup');
      await page.getByLabel('Your name').fill('Farida Noori');
      await page.getByLabel('Email address').fill('farida@khabar.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create the owner account' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByRole('link', { name: 'Set up two-factor authentication' }).click();
      await page.getByRole('button', { name: 'Show my setup key' }).click();
      await checkPage('two-factor key');
      const secret = (await page.locator('.admin-secret code').first().innerText()).replace(/\s/g, '');
      await page.getByLabel('Code').fill(totp(secret, tc!.clock.now()));
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
      assert.equal(await page.locator('.admin-codes li').count(), 10, 'recovery codes are shown');
      await page.getByRole('link', { name: 'Continue to the newsroom' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await screen('dashboard-owner');
      // Signing in again now asks for a code from the authenticator.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/admin\/sign-in/);
      await page.getByLabel('Email address').fill('farida@khabar.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/admin/sign-in/code`);
      tc!.clock.advance(60_000);
      await page.getByLabel('Code').fill(totp(secret, tc!.clock.now()));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    });

    await t.test('she invites a contributor and an editor from the staff screen, and sends one invitation again', async () => {
      await open('Staff', 'Staff and invitations');
      assert.match(await page.locator('.rows').first().innerText(), /Farida Noori[\s\S]*Two-factor on/);
      const invite = async (email: string, name: string, role: string) => {
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Their name (optional)').fill(name);
        await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        await page.getByText(`The invitation was emailed to ${email}.`).waitFor();
      };
      await invite('nadia@khabar.test', 'Nadia Sultani', 'Contributor');
      await invite('omar@khabar.test', 'Omar Zahir', 'Editor');
      const first = invitationFor('nadia@khabar.test');
      await page.getByRole('button', { name: 'Send again nadia@khabar.test' }).click();
      await page.getByText('A fresh invitation went to nadia@khabar.test.').waitFor();
      assert.notEqual(invitationFor('nadia@khabar.test'), first, 'a fresh link went out');
      assert.match(await page.locator('.rows').nth(1).innerText(), /nadia@khabar\.test[\s\S]*Contributor[\s\S]*omar@khabar\.test[\s\S]*Editor/);
      await screen('staff');
    });

    await t.test('she makes an API key, reads the audit log, blocks a network, adds a source, polls it and reviews its stories', async () => {
      await open('API keys', 'Content API keys');
      await page.getByLabel('Who the key is for').fill('Mobile app');
      await page.getByRole('button', { name: 'Make the key' }).click();
      assert.match(await page.getByLabel('The key', { exact: true }).inputValue(), /^khk_/);
      await screen('api-keys');
      await open('Audit log', 'Audit log');
      await page.getByLabel('Action').fill('invitation.resend');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/action=invitation\.resend/);
      await page.locator('.audit tbody tr').first().waitFor();
      assert.equal(await page.locator('.audit tbody tr').count(), 1);
      assert.match(await page.locator('.audit tbody').innerText(), /Farida Noori sent an invitation again/);
      await screen('audit');
      await open('Sources', 'Syndication sources');
      await page.getByRole('link', { name: 'Add a source' }).click();
      await page.getByLabel('Name').fill('Valley Herald');
      await page.getByLabel('Feed address (RSS, Atom or JSON Feed)').fill(`${partners!.base}/valley/feed.xml`);
      await page.getByLabel('Website').fill(partners!.base);
      await page.getByLabel('Their categories in our sections').fill('Afghanistan = immigration-news');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/admin\/sources\/\d+$/);
      await page.getByText('Not polled yet.').waitFor();
      await page.getByRole('button', { name: 'Poll now' }).click();
      await page.locator('ol.rows li').first().waitFor();
      assert.match(await page.locator('ol.rows').innerText(), /fine, \d+ new of 3/);
      await screen('source');
      await page.getByRole('link', { name: 'All sources' }).click();
      await page.getByText(/Last poll .*: fine/).waitFor();
      await screen('sources');
      await page.getByRole('link', { name: 'Stories waiting for review' }).click();
      const flood = page.locator('.queue-item', { hasText: 'Floodwaters recede in Kunar' });
      assert.match(await flood.innerText(), /Filed under Immigration News/);
      await screen('syndication-queue');
      await flood.getByRole('button', { name: /^Publish/ }).click();
      await page.getByText('“Floodwaters recede in Kunar as families return home” is published.').waitFor();
      await page.locator('.queue-item', { hasText: 'Pamir road' }).getByRole('button', { name: /^Turn down/ }).click();
      await page.getByText('No partner stories are waiting.').waitFor();
      await page.getByRole('link', { name: 'Comments', exact: true }).click();
      await open('Comment settings and blocks', 'Comment settings');
      await page.getByLabel('Block by').selectOption({ label: 'Network' });
      await page.getByLabel('The network').fill('198.51.100.0/24');
      await page.getByRole('button', { name: 'Block', exact: true }).click();
      await page.getByText('198.51.100.0/24 is blocked.').waitFor();
      await screen('comment-settings');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/admin\/sign-in/);
    });

    await t.test('the contributor accepts her invitation, uploads a picture; a text file is refused before upload', async () => {
      await page.goto(invitationFor('nadia@khabar.test'));
      await checkPage('invitation');
      assert.equal(await page.getByLabel('Your name').inputValue(), 'Nadia Sultani', 'the name the owner typed');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Signed in as Nadia Sultani/);
      await screen('dashboard');
      assert.equal(await page.getByRole('link', { name: 'API reference' }).getAttribute('href'), '/api/reference', 'the app links the API reference');
      await page.getByRole('link', { name: 'Media', exact: true }).click();
      // The partner's pictures came in with its stories; hers is the newest, first in the grid.
      await page.locator('.grid .tile').first().waitFor();
      const before = await page.locator('.grid .tile').count();
      const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#336699' } }).jpeg().toBuffer();
      await page.setInputFiles('#upload', [
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
        { name: 'river.jpg', mimeType: 'image/jpeg', buffer: jpeg },
      ]);
      assert.match(await page.getByRole('alert').first().innerText(), /notes\.txt is not a picture/);
      await page.waitForFunction((n) => document.querySelectorAll('.grid .tile').length > n, before);
      assert.equal(await page.locator('.grid .tile').count(), before + 1, 'only the picture was sent');
      await page.locator('.grid .tile').first().click();
      await page.getByLabel('Alt text (what the picture shows)').fill('The Kabul river at high water');
      await page.getByLabel('Credit').fill('Photo: Mina Rahimi');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: /Describe the picture “The Kabul river at high water”/ }).waitFor();
      await screen('media');
    });

    await t.test('she writes with a pasted Word fragment and the picture, and submits it for review', async () => {
      await page.getByRole('link', { name: 'Articles', exact: true }).click();
      await page.getByRole('link', { name: 'New article' }).first().click();
      await page.getByLabel('Headline').fill('Water prices rise');
      await saved();
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      await page.getByLabel('Headline').fill('Water prices rise in Kabul');
      await page.getByLabel('Standfirst').fill('Families pay twice what they paid last year.');
      await page.locator('.body-editor').click();
      await page.evaluate((html) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'Water prices in Kabul rose again this week.');
        document.querySelector('.body-editor')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, WORD);
      const body = await page.locator('.body-editor').innerHTML();
      assert.match(body, /<p>Water prices in <strong>Kabul<\/strong> rose again this week\.<\/p>/);
      assert.doesNotMatch(body, /Mso|style=|<span|<o:p|alert|font-family/);
      await page.getByRole('button', { name: 'Picture', exact: true }).click();
      await page.getByRole('dialog').locator('button.tile').first().click();
      assert.equal(await page.locator('.body-editor figure img[alt="The Kabul river at high water"]').count(), 1);
      await page.getByLabel('Section').selectOption({ label: 'Immigration News' });
      await page.getByLabel('Add to the byline').selectOption({ label: 'Mina Rahimi' });
      await page.getByRole('button', { name: 'Choose a picture' }).click();
      await page.getByRole('dialog').locator('button.tile').first().click();
      assert.equal(await page.getByLabel('Alt text (what the picture shows)').inputValue(), 'The Kabul river at high water');
      await page.getByLabel('Address (slug)').fill('water-prices-rise');
      assert.match(await page.locator('.meta').first().innerText(), /\d+ words, about 1 min to read/);
      await saved();
      await screen('editor');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('in review', { exact: true }).waitFor();
      // The picture is in use now: the library refuses to delete it and says where.
      await page.getByRole('link', { name: 'Media', exact: true }).click();
      await page.locator('.grid .tile').first().click();
      await page.getByRole('button', { name: 'Delete the picture' }).click();
      assert.match(await page.locator('.describe [role="alert"]').innerText(), /in use.*article “Water prices rise in Kabul”/);
      assert.equal(await page.locator('.grid .tile', { hasText: 'The Kabul river at high water' }).count(), 1, 'the picture is still there');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/admin\/sign-in/);
    });

    await t.test('the editor accepts his invitation and schedules it; at that time it is public with byline, picture and section', async () => {
      await page.goto(invitationFor('omar@khabar.test'));
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByRole('link', { name: 'Articles', exact: true }).click();
      await page.getByRole('tab', { name: /In review/ }).click();
      await page.getByRole('link', { name: 'Water prices rise in Kabul' }).waitFor();
      await screen('articles');
      await page.getByRole('link', { name: 'Water prices rise in Kabul' }).click();
      await page.getByLabel('Publish at').fill(localInput(new Date(tc!.clock.now().getTime() + 3_600_000)));
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByText('scheduled', { exact: true }).waitFor();
      tc!.clock.advance(2 * 3_600_000);
      await runDueJobs(ctx);
      const pub = await browser.newPage();
      try {
        assert.equal((await pub.goto(`${base}/articles/water-prices-rise`))?.status(), 200);
        const text = await pub.locator('main').innerText();
        assert.match(text, /Water prices rise in Kabul/);
        assert.match(text, /Mina Rahimi/);
        assert.match(text, /Immigration News/i);
        assert.ok(await pub.locator('main img[alt="The Kabul river at high water"]').count() >= 1, 'the picture is on the page');
      } finally {
        await pub.close();
      }
    });

    await t.test('the network drops mid-edit: the text is kept on the device and saved when it is back', async () => {
      await page.reload(); // the article as the job runner published it
      await page.locator('.save-status.saved').waitFor();
      await page.locator('.body-editor').click();
      await page.keyboard.press('Control+End');
      await page.context().setOffline(true);
      await page.keyboard.type(' Tankers now queue at dawn.');
      await page.locator('.save-status.offline').waitFor();
      assert.match(await page.locator('.save-status').innerText(), /Offline: kept on this device/);
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('khabar.article.')).map((k) => localStorage.getItem(k)).join());
      assert.match(kept, /Tankers now queue at dawn/);
      await page.context().setOffline(false);
      await saved();
      await page.reload();
      await page.locator('.body-editor').waitFor();
      assert.match(await page.locator('.body-editor').innerText(), /Tankers now queue at dawn\./);
    });

    await t.test('the editor restores an earlier revision', async () => {
      // The oldest version against the newest, word by word on a screen of its own; then back to the editor.
      await page.getByText('Revision history').click();
      await page.getByRole('link', { name: 'Compare…' }).last().click();
      await page.locator('.diff ins').first().waitFor();
      await screen('revisions');
      await page.getByRole('link', { name: 'Back to the article' }).click();
      await page.locator('.body-editor').waitFor();
      await page.getByText('Revision history').click();
      await page.getByRole('button', { name: 'Restore' }).last().click();
      await page.waitForFunction(() => (document.getElementById('headline') as HTMLInputElement | null)?.value === 'Water prices rise');
    });

    await t.test('a held comment is approved with the keyboard and appears under the article', async () => {
      const article = await ctx.db.selectFrom('articles').select('id').where('slug', '=', 'water-prices-rise').executeTakeFirstOrThrow();
      const held = async (who: string, ip: string, body: string) => {
        const at = tc!.clock.now().toISOString();
        await ctx.db.insertInto('comments').values({
          article_id: article.id, parent_id: null, depth: 0, author_name: who, author_email: `${who.toLowerCase()}@example.test`, ip, network: ip.replace(/\.\d+$/, '.0/24'),
          body, body_hash: body, status: 'pending', score: 0.35,
          reasons: JSON.stringify([{ phase: 'timing', reason: 'sent 2 s after the page opened', delta: -0.4 }]), report_count: 0, created_at: at, updated_at: at, edited_at: null,
        } as never).execute();
      };
      await held('Hamid', '203.0.113.7', 'The tanker came to our street twice.');
      await page.getByRole('link', { name: 'Comments', exact: true }).click();
      await page.getByText('The tanker came to our street twice.').waitFor();
      assert.match(await page.locator('.queue').innerText(), /sent 2 s after the page opened/);
      await screen('moderation');
      await page.locator('.queue article').first().focus();
      await page.keyboard.press('a');
      await page.getByText('1 approved.').waitFor();
      const pub = await browser.newPage();
      try {
        await pub.goto(`${base}/articles/water-prices-rise`);
        assert.equal(await pub.getByText('The tanker came to our street twice.').count(), 1);
      } finally {
        await pub.close();
      }
      // A sender to keep out: blocked by network from the queue, then listed with the comment settings.
      tc!.clock.advance(60_000);
      await held('Spammer', '192.0.2.9', 'Cheap pills at spam.example');
      await page.reload();
      await page.getByText('Cheap pills at spam.example').waitFor();
      await page.getByText('Block the sender', { exact: false }).first().click();
      await page.getByRole('button', { name: 'Block their network' }).click();
      await page.getByText('The network of Spammer is blocked.').waitFor();
      await page.getByRole('link', { name: 'Comment settings and blocks' }).click();
      await page.locator('.blocks .rows strong', { hasText: '192.0.2.0/24' }).waitFor();
    });

    await t.test('no serious or critical axe finding, nothing from other hosts, no CSP or script errors', async () => {
      assert.deepEqual(findings, []);
      assert.deepEqual(foreignRequests(requests, base), []);
      assert.deepEqual(problems, []);
    });
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
    await partners?.close();
  }
});
