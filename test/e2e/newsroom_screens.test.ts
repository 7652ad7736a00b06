// The newsroom app's content screens in a real Chromium, driven once each through the app: sections (a new section
// under another, a section moved up with the keyboard's buttons), tags (one merged into another), people (a Dari
// name and a photo from the library cropped to a square), house ads (a slot and an ad with dates, weight and a
// preview), site settings (a refused time zone named beside its field, then saved), and the editor's SEO title,
// SEO description and pull quote. Every screen: no serious or critical axe-core finding, no request to another host,
// no CSP or script error; screenshots at desktop and 390 px width go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, type TestServer } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createSection } from '../../src/content/sections.ts';
import { createArticle } from '../../src/content/articles.ts';
import { getSettings } from '../../src/content/settings.ts';
import { ingestImage } from '../../src/media/images.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

test('the content screens in Chromium: sections, tags, people, house ads, site settings, SEO and pull quotes', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    tc = await makeTestContext('sqlite');
    const ctx = tc.ctx;
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    const admin = await createUser(ctx, { email: 'laila@khabar.test', name: 'Laila Ahmadi', password: PASSWORD, role: 'admin' });
    await createSection(ctx, { name: 'News', position: 0 });
    await createSection(ctx, { name: 'World', position: 10 });
    await createArticle(ctx, { headline: 'Bread prices rise', tags: ['Bread'] }, { userId: admin, newTags: true });
    await createArticle(ctx, { headline: 'Flour runs short', tags: ['Flour'] }, { userId: admin, newTags: true });
    const picture = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#7a4b2a' } }).jpeg().toBuffer();
    await ingestImage(ctx, picture, { alt: 'Farida Noori at her desk', credit: 'Photo: Desk' });
    mkdirSync(SCREENS, { recursive: true });

    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const requests = recordRequests(page);
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*status of 4\d\d/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('dialog', (d) => { void d.accept(); });
    const findings: string[] = [];
    const screen = async (name: string) => {
      for (const f of await seriousAxeFindings(page)) findings.push(`${name}: ${f}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${SCREENS}/${name}-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SCREENS}/${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

    await page.goto(`${base}/admin/sign-in`);
    await page.getByLabel('Email address').fill('laila@khabar.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await t.test('sections: a new section under another; a section moved up', async () => {
      await nav('Sections');
      await page.getByRole('button', { name: 'New section' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Kabul');
      await page.getByLabel('Under').selectOption({ label: 'News' });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('“Kabul” is saved.').waitFor();
      await page.getByRole('button', { name: 'Move World up' }).click();
      await page.getByText('World moved.').waitFor();
      const rows = await page.locator('.list tbody tr td:first-child span').allInnerTexts();
      assert.deepEqual(rows, ['World', 'News', 'Kabul'], 'World first; Kabul under News');
      assert.equal(await page.getByRole('button', { name: 'Move World up' }).isDisabled(), true);
      await screen('sections');
    });

    await t.test('tags: one merged into another', async () => {
      await nav('Tags');
      await page.getByLabel('Find a tag').fill('flo');
      await page.getByRole('button', { name: 'Rename or merge the tag “Flour”' }).click();
      await page.getByLabel('The tag that stays').fill('Bread');
      await page.getByRole('button', { name: 'Merge', exact: true }).click();
      await page.getByText('“Flour” is merged into “Bread”; 1 articles got the tag.').waitFor();
      await page.getByLabel('Find a tag').fill('');
      assert.deepEqual(await page.locator('.list tbody tr td:first-child span').allInnerTexts(), ['Bread']);
      await screen('tags');
      assert.equal((await fetch(`${base}/tag/flour`, { redirect: 'manual' })).status, 301);
    });

    await t.test('people: a Dari name, a bio, a photo from the library cropped to a square', async () => {
      await nav('People');
      await page.getByRole('button', { name: 'New person' }).click();
      await page.getByLabel('Name, as in bylines').fill('فریده نوری');
      await page.getByLabel('What they do').fill('Kabul correspondent');
      await page.getByLabel('Short bio').fill('Farida covers water and prices in Kabul.');
      await page.getByRole('button', { name: 'Choose from the library' }).click();
      await page.getByRole('dialog').locator('button.tile').first().click();
      await page.getByRole('group', { name: 'Crop to a square' }).waitFor();
      // The keyboard's way: the left edge's slider moves the square right.
      await page.getByLabel('Left edge').focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.getByRole('button', { name: 'Use this square' }).click();
      await page.locator('.photo img.portrait').waitFor();
      await screen('people');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('“فریده نوری” is saved.').waitFor();
      const person = await ctx.db.selectFrom('people').selectAll().where('name', '=', 'فریده نوری').executeTakeFirstOrThrow();
      const photo = await ctx.db.selectFrom('media').selectAll().where('id', '=', person.photo_media_id!).executeTakeFirstOrThrow();
      assert.equal(photo.width, photo.height, 'the photo is square');
      assert.equal(photo.width, 600);
    });

    await t.test('house ads: a slot, an ad with dates and weight, its preview', async () => {
      await nav('House ads');
      await page.getByRole('button', { name: 'New slot' }).click();
      await page.getByLabel('Name of the slot').fill('Sidebar');
      await page.getByLabel('Key').fill('sidebar');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('“Sidebar” is saved.').waitFor();
      await page.getByRole('button', { name: 'New house ad' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Support us, December');
      await page.getByLabel('Headline').fill('Support independent news');
      await page.getByLabel('Line of text').fill('Readers keep Khabar free.');
      await page.getByLabel('Link', { exact: true }).fill('/pages/support');
      await page.getByLabel('Starts').fill('2026-12-01T08:00');
      await page.getByLabel('Ends').fill('2026-12-31T20:00');
      await page.getByLabel('Weight').fill('3');
      assert.match(await page.locator('.ad-preview').innerText(), /- Advertisement -[\s\S]*Support independent news[\s\S]*Readers keep Khabar free\./);
      await screen('house-ads');
      // After the screenshots' resizing the long form is still settling: the keyboard presses Save.
      await page.getByRole('button', { name: 'Save' }).press('Enter');
      await page.getByText('“Support us, December” is saved.').waitFor();
      assert.match(await page.locator('.list').last().innerText(), /weight 3/);
      const ad = await ctx.db.selectFrom('ad_creatives').selectAll().executeTakeFirstOrThrow();
      assert.equal(ad.weight, 3);
      assert.ok(ad.starts_at && ad.ends_at && ad.ends_at > ad.starts_at);
    });

    await t.test('site settings: a bad time zone is named beside its field, then everything is saved', async () => {
      await nav('Site settings');
      await page.getByLabel('The newsroom’s name').fill('Khabar Kabul');
      await page.getByLabel('One-line description').fill('Independent news from Kabul since 2010.');
      await page.getByLabel('Time zone').fill('Kabul/Nowhere');
      await page.getByRole('button', { name: 'Save' }).click();
      const zoneError = page.locator('.field.invalid').filter({ has: page.getByLabel('Time zone') }).locator('.field-error');
      assert.match(await zoneError.innerText(), /time zone/i);
      assert.equal(await page.getByLabel('The newsroom’s name').inputValue(), 'Khabar Kabul', 'what was typed stays');
      await page.getByLabel('Time zone').fill('Asia/Kabul');
      await page.getByLabel('English: calendar').selectOption('solar-hijri');
      await page.getByRole('checkbox', { name: 'Dari' }).check();
      await page.getByRole('button', { name: 'Add a link' }).click();
      await page.getByLabel('Link 1: text').fill('Facebook');
      await page.getByLabel('Link 1: address').fill('https://www.facebook.com/khabar');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The settings are saved.').waitFor();
      await screen('settings');
      const s = await getSettings(ctx.db);
      assert.deepEqual([s.name, s.timeZone, s.calendars.en.calendar, s.languages, s.social], ['Khabar Kabul', 'Asia/Kabul', 'solar-hijri', ['fa'], [{ label: 'Facebook', url: 'https://www.facebook.com/khabar' }]]);
    });

    await t.test('the editor: SEO title and description, a pull quote', async () => {
      await nav('Articles');
      await page.getByRole('link', { name: 'New article' }).first().click();
      await page.getByLabel('Headline').fill('Bread prices double');
      await page.locator('.save-status.saved').waitFor();
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      // The autosave that carries the last change (the pull quote) with the SEO fields.
      const saved = page.waitForResponse((r) => r.url().includes('/autosave') && r.ok()
        && /pull-quote/.test(r.request().postData() ?? '') && /Why the price of bread/.test(r.request().postData() ?? ''));
      await page.getByLabel('SEO title').fill('Bread costs twice as much in Kabul');
      await page.getByLabel('SEO description').fill('Why the price of bread doubled this year.');
      await page.locator('.body-editor').click();
      await page.keyboard.type('We cannot pay for bread any more.');
      await page.getByRole('button', { name: 'Pull quote' }).click();
      assert.equal(await page.locator('.body-editor blockquote.pull-quote').count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Pull quote' }).getAttribute('aria-pressed'), 'true');
      await saved;
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      const a = await ctx.db.selectFrom('articles').select(['seo_title', 'seo_description', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(a.seo_title, 'Bread costs twice as much in Kabul');
      assert.equal(a.seo_description, 'Why the price of bread doubled this year.');
      assert.match(a.body_html, /<blockquote class="pull-quote"><p>We cannot pay for bread any more\.<\/p><\/blockquote>/);
      await screen('editor-seo');
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
  }
});
