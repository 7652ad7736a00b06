// The editor's tools in a real Chromium: the link popover (Ctrl+K) finds the newsroom's own stories by headline and
// takes a web address, changes and removes a link, and Escape puts the cursor back, with no prompt() anywhere;
// pictures go into the body by upload, paste and drop while the person keeps typing, are described in place, and a
// file that is not a picture, too large, or refused by the server says why without losing a word; a hero picture is
// uploaded from the details; a save refused because someone else changed the story meanwhile (409) keeps the text,
// on this device too, until the person chooses, and a move refused the same way says so. Screenshots at desktop and
// 390 px go to .tmp/e2e-screens/ (KHABAR_E2E_SCREENS to change it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { makeTestContext, type TestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, type TestServer } from '../helpers/browser.ts';
import { signInBrowser } from '../helpers/browser_sign_in.ts';
import { watchedPage } from '../helpers/watched_page.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createArticle, getArticle, publishArticle, saveArticle } from '../../src/content/articles.ts';
import { getWorkingCopy } from '../../src/content/working_copy.ts';
import { updateSettings } from '../../src/content/settings.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

const png = (color: string) => sharp({ create: { width: 640, height: 360, channels: 3, background: color } }).png().toBuffer();

test('the editor\'s link popover, pictures in the body and the hero, and refused saves in Chromium', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    // on PostgreSQL too when the run has one (the conflict and the working copy are the database's business)
    tc = await makeTestContext(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
    const ctx = tc.ctx;
    const clock = tc.clock;
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    await updateSettings(ctx, { timeZone: 'Asia/Kabul' });
    const editorId = await createUser(ctx, { email: 'desk@khabar.test', name: 'Desk Editor', password: PASSWORD, role: 'editor' });
    const otherId = await createUser(ctx, { email: 'night@khabar.test', name: 'Night Editor', password: PASSWORD, role: 'editor' });
    const clinic = await createArticle(ctx, { headline: 'Clinic opens in Kandahar', bodyHtml: '<p>The clinic opened.</p>' }, { userId: editorId });
    await publishArticle(ctx, clinic, { userId: editorId });
    const draft = await createArticle(ctx, { headline: 'Wheat prices in Herat', bodyHtml: '<p>Prices rose this week.</p>' }, { userId: editorId });
    mkdirSync(SCREENS, { recursive: true });

    const { page, problems, findings, screen } = await watchedPage(browser, SCREENS, 'editor-tools-');
    const dialogs: string[] = [];
    page.on('dialog', (d) => dialogs.push(d.type()));
    await signInBrowser(browser, base, 'desk@khabar.test', PASSWORD);
    const body = page.locator('.body-editor');
    const saved = () => page.locator('.save-status.saved').waitFor();
    const stored = async () => (await getArticle(ctx.db, draft))!.body_html;
    /** The cursor at the end of the body's last paragraph. */
    const atEnd = async () => {
      await body.locator('p').last().click();
      await page.keyboard.press('End');
    };

    await t.test('the link popover: a story found by headline, a web address, change, remove, Escape', async () => {
      await page.goto(`${base}/admin/articles/${draft}`);
      await atEnd();
      await page.keyboard.type(' See also ');
      await page.keyboard.press('Control+k');
      const field = page.getByLabel('Search our stories or paste a web address');
      assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the popover takes the cursor');
      await page.keyboard.type('Clinic');
      await page.locator('.link-popover li button', { hasText: 'Clinic opens in Kandahar' }).waitFor();
      await screen('link-search');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.link-popover').waitFor({ state: 'detached' });
      const story = body.locator('a[href="/articles/clinic-opens-in-kandahar"]');
      assert.equal(await story.textContent(), 'Clinic opens in Kandahar', 'an empty selection gets the headline as its text');

      // a link already there: its address shown, changed to a web address typed without https://
      await story.click();
      await page.keyboard.press('Control+k');
      assert.equal(await field.inputValue(), '/articles/clinic-opens-in-kandahar');
      await page.getByRole('button', { name: 'Remove link' }).waitFor();
      await field.fill('example.org/clinics');
      await page.keyboard.press('Enter');
      await body.locator('a[href="https://example.org/clinics"]').waitFor();

      // not an address and no story: said plainly; Escape closes and the cursor is back in the text
      await page.keyboard.press('Control+k');
      await field.fill('zzqx');
      await page.getByText('No stories match.').waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'A link needs a web address' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.link-popover').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), true, 'Escape gives the cursor back to the text');

      // removed from the toolbar's Link button as well as the keyboard
      await body.locator('a[href="https://example.org/clinics"]').click();
      await page.getByRole('toolbar').getByRole('button', { name: 'Link', exact: true }).click();
      await page.getByRole('button', { name: 'Remove link' }).click();
      await body.locator('a').waitFor({ state: 'detached' });
      await saved();
      assert.match(await stored(), /See also Clinic opens in Kandahar<\/p>/);
      assert.doesNotMatch(await stored(), /<a /);
    });

    await t.test('pictures go into the body by upload, paste and drop while the text goes on', async () => {
      await atEnd();
      await page.keyboard.type(' Before the picture.');
      await page.setInputFiles('#body-file', { name: 'convoy.png', mimeType: 'image/png', buffer: await png('#336699') });
      await page.keyboard.type(' Typed while it uploads.');
      await body.locator('figure img').first().waitFor();
      assert.match((await body.textContent()) ?? '', /Before the picture\. Typed while it uploads\./, 'nothing typed meanwhile is lost or split');
      await page.getByText('A picture in the text has no alt text').waitFor();

      // described in place
      await body.locator('figure').first().click();
      await page.getByLabel('Describe the picture for readers who cannot see it').fill('Lorries at the Islam Qala crossing');
      await page.getByLabel('Caption').first().fill('The convoy at dawn');
      await page.getByText('A picture in the text has no alt text').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Back to the text' }).click();
      await page.getByRole('group', { name: 'The picture selected in the text' }).waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), true, 'the cursor is back in the text');
      await saved();
      assert.match(await stored(), /<figure><img src="\/media\/[^"]+" alt="Lorries at the Islam Qala crossing" ?\/?><figcaption>The convoy at dawn/);
      await screen('picture-described');

      // pasted, then dropped: each arrives as a picture of the library
      const bytes = (await png('#884422')).toString('base64');
      const event = async (kind: 'paste' | 'drop') => page.evaluate(([b64, k]) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], `${k}.png`, { type: 'image/png' }));
        const target = document.querySelector('.ProseMirror')!;
        const box = target.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, clientX: box.left + 10, clientY: box.top + 10 };
        target.dispatchEvent(k === 'paste' ? new ClipboardEvent('paste', { ...init, clipboardData: data }) : new DragEvent('drop', { ...init, dataTransfer: data }));
      }, [bytes, kind] as const);
      await atEnd();
      await event('paste');
      await body.locator('figure').nth(1).waitFor();
      await event('drop');
      await body.locator('figure').nth(2).waitFor();
      await saved();
      assert.equal((await stored()).match(/<figure>/g)?.length, 3);
      const media = await ctx.db.selectFrom('media').select('id').execute();
      assert.equal(media.length, 2, 'the pictures are in the library (the pasted and the dropped one are the same bytes: stored once)');
    });

    await t.test('a file that is not a picture, too large, or refused by the server says why; nothing typed is lost', async () => {
      await atEnd();
      await page.keyboard.type(' Still typing.');
      await page.setInputFiles('#body-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
      await page.getByRole('alert').filter({ hasText: 'notes.txt is not a picture the site can use' }).waitFor();
      await page.setInputFiles('#body-file', { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(21 * 1024 * 1024, 1) });
      await page.getByRole('alert').filter({ hasText: 'huge.jpg is larger than 20 MB' }).waitFor();
      await page.setInputFiles('#body-file', { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
      await page.getByRole('alert').filter({ hasText: 'The picture could not be uploaded: The file is not an image we can read' }).waitFor();
      await screen('picture-refused');
      await saved();
      assert.match(await stored(), /Still typing\./);
      assert.equal((await stored()).match(/<figure>/g)?.length, 3, 'no picture was added by a refused file');
      await page.getByRole('button', { name: 'Close' }).first().click();
    });

    await t.test('a hero picture is uploaded from the details and asks for its alt text', async () => {
      await page.setInputFiles('#hero-file', { name: 'hero.png', mimeType: 'image/png', buffer: await png('#225522') });
      await page.locator('.hero img').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'hero-alt', 'the cursor goes to the hero\'s alt text');
      await page.keyboard.type('Wheat sacks at the Herat market');
      await saved();
      const a = (await getArticle(ctx.db, draft))!;
      assert.ok(a.hero_media_id, 'the uploaded picture is the hero');
      assert.equal(a.hero_alt, 'Wheat sacks at the Herat market');
    });

    await t.test('a save refused because someone else changed the story keeps the text until the person chooses', async () => {
      await page.goto(`${base}/admin/articles/${clinic}`);
      await page.getByLabel('Standfirst').waitFor();
      clock.advance(60_000);
      await saveArticle(ctx, clinic, { headline: 'Clinic opens in Kandahar city' }, { userId: otherId, role: 'editor' });
      await page.getByLabel('Standfirst').fill('Two doctors and four nurses staff it.');
      await page.getByText('Someone else changed this article after you opened it. Your text is kept here.').waitFor();
      await screen('conflict');
      assert.equal(await page.getByLabel('Standfirst').inputValue(), 'Two doctors and four nurses staff it.');
      await page.reload();
      await page.getByText('Someone else changed this article after you opened it').waitFor();
      assert.equal(await page.getByLabel('Standfirst').inputValue(), 'Two doctors and four nurses staff it.', 'kept on this device across a reload');
      await page.getByRole('button', { name: 'Save my version over theirs' }).click();
      await saved();
      assert.equal((await getWorkingCopy(ctx.db, clinic))?.standfirst, 'Two doctors and four nurses staff it.');
      await page.locator('.changed-fields').waitFor();
      assert.equal(await page.locator('.changed-fields').textContent(), 'Changed: Standfirst.', 'what changed, named as the editor labels it');

      // Update after another change made meanwhile: refused in plain words, the text still there
      clock.advance(60_000);
      await saveArticle(ctx, clinic, { headline: 'Clinic opens in Kandahar city' }, { userId: otherId, role: 'editor' });
      await page.getByRole('button', { name: 'Update', exact: true }).click();
      await page.locator('.actions [role=alert]').filter({ hasText: 'Someone else changed this article' }).waitFor();
      assert.equal(await page.getByLabel('Standfirst').inputValue(), 'Two doctors and four nurses staff it.');
      assert.doesNotMatch((await getArticle(ctx.db, clinic))!.standfirst, /Two doctors/, 'nothing went public');
    });

    assert.deepEqual(dialogs.filter((d) => d === 'prompt'), [], 'no prompt()');
    assert.deepEqual(problems, [], 'no script or CSP error');
    assert.deepEqual(findings, [], 'no serious or critical accessibility finding');
  } finally {
    await browser.close();
    await server?.close();
    await tc?.close();
  }
});
