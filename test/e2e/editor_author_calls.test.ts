// An author's editor in Chromium on the demo newsroom makes no call the author may not make: every answer of the
// Admin API is recorded while the author writes a new story, opens her own published story and her draft,
// uses the link tool, and none of them is refused (no answer of 400 or more). The app reads what the
// person may do from the session (capabilities) and the article (moves). A colleague's story, opened by its address,
// is one refusal said plainly, with no further calls. A contributor writes and submits a story, refused nothing too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemo, demoNewsroom } from '../helpers/demo.ts';
import { testConfig } from '../helpers/context.ts';
import { launchBrowser, startTestServer, type TestServer } from '../helpers/browser.ts';
import { signInBrowser } from '../helpers/browser_sign_in.ts';
import { watchedPage } from '../helpers/watched_page.ts';
import { ManualClock } from '../../src/clock.ts';
import { createRuntime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { buildApp } from '../../src/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';

const PASSWORD = 'juniper lantern orchard';
const SCREENS = process.env.KHABAR_E2E_SCREENS || '.tmp/e2e-screens';

test('an author\'s and a contributor\'s editor on the demo newsroom make no call that is refused', async () => {
  const { seededAt } = await demoNewsroom('sqlite');
  const dir = await copyDemo();
  const clock = new ManualClock(seededAt);
  const runtime = await createRuntime(testConfig(dir, join(dir, 'khabar.sqlite')), { clock, passwordCost: CHEAP_PASSWORD_COST });
  let server: TestServer | undefined;
  const browser = await launchBrowser();
  try {
    const ctx = runtime.ctx;
    server = await startTestServer(await buildApp(ctx));
    const base = server.base;
    const authorId = await createUser(ctx, { email: 'mariam@khabar.test', name: 'Mariam Sadat', password: PASSWORD, role: 'author' });
    const own = await createArticle(ctx, { headline: 'Returnees rebuild in Herat', bodyHtml: '<p>Families came back in spring.</p>' }, { userId: authorId });
    await publishArticle(ctx, own, { userId: authorId });
    const draft = await createArticle(ctx, { headline: 'Notes on the border market', bodyHtml: '<p>First notes.</p>' }, { userId: authorId });
    const colleague = (await ctx.db.selectFrom('articles').select('id').where('status', '=', 'published').where('created_by', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    mkdirSync(SCREENS, { recursive: true });

    const { page, problems, screen } = await watchedPage(browser, SCREENS, 'author-');
    const refused: string[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/admin') && r.status() >= 400) refused.push(`${r.request().method()} ${u.pathname}${u.search} -> ${r.status()}`);
    });
    await signInBrowser(browser, base, 'mariam@khabar.test', PASSWORD);
    const settle = () => page.waitForLoadState('networkidle');

    // a new story: typed, saved, then the link popover searches the newsroom's stories
    await page.goto(`${base}/admin/articles/new`);
    await page.getByLabel('Headline').waitFor();
    await page.keyboard.type('Market reopens at Islam Qala');
    await page.locator('.body-editor').click();
    await page.keyboard.type('Traders came back on Sunday.');
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    await page.locator('.save-status.saved').waitFor();
    await page.locator('.body-editor').click();
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search our stories or paste a web address').fill('Herat');
    await page.locator('.link-popover li button').first().waitFor();
    await page.keyboard.press('Escape');
    await settle();
    await screen('new-story');

    // her own published story (changes stay unpublished until Update) and her draft
    for (const id of [own, draft]) {
      await page.goto(`${base}/admin/articles/${id}`);
      await page.getByLabel('Headline').waitFor();
      await settle();
    }
    await page.getByLabel('Headline').fill('Notes on the border market, revised');
    await page.locator('.save-status.saved').waitFor();
    await page.getByText('Revision history').click();
    await settle();
    await screen('own-draft');
    assert.deepEqual(refused, [], 'no call of the author\'s editor is refused');

    // a colleague's story (the app never lists it for her; typed as an address): one refusal, said plainly, and
    // nothing else asked for
    await page.goto(`${base}/admin/articles/${colleague}`);
    await page.getByRole('alert').filter({ hasText: 'belongs to someone else' }).waitFor();
    await settle();
    assert.deepEqual(refused, [`GET /api/admin/articles/${colleague} -> 403`]);
    refused.length = 0;

    // a contributor (who always submits for review) writes and submits a story: nothing refused either
    await createUser(ctx, { email: 'farid@khabar.test', name: 'Farid Noorzai', password: PASSWORD, role: 'contributor' });
    await signInBrowser(browser, base, 'farid@khabar.test', PASSWORD);
    await page.goto(`${base}/admin/articles/new`);
    await page.getByLabel('Headline').waitFor();
    await page.keyboard.type('Parliament meets in winter session');
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    await page.locator('.save-status.saved').waitFor();
    await page.getByText('from the tags the newsroom has').waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('in review').waitFor();
    await settle();
    await screen('contributor-submitted');
    assert.deepEqual(refused, [], 'no call of the contributor\'s editor is refused');
    assert.deepEqual(problems, [], 'no script or CSP error');
  } finally {
    await browser.close();
    await server?.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
