// In Chromium: a reader comments on an article, sees the right message for each mistake inline, is published
// or held; a moderator approves a held one and it appears; hostile texts stay inert; without JavaScript the
// server answers with the form kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { makeTestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { articlePageFallback } from '../comments/article_page.ts';
import { cheapSettings, publishedArticle } from '../comments/fixtures.ts';
import { XSS_PAYLOADS } from '../comments/xss_payloads.ts';
import { moderateComments, listComments } from '../../src/comments/moderation.ts';
import { updateCommentSettings } from '../../src/comments/settings.ts';
import { updateSettings } from '../../src/content/settings.ts';

test('comments in a real Chromium', async (t) => {
  // The browser first: when it cannot start, nothing else is left open to keep the test process alive.
  const browser = await launchBrowser({ javaScriptEnabled: true });
  const tc = await makeTestContext('sqlite');
  const app = await buildApp(tc.ctx);
  try {
    articlePageFallback(app, tc.ctx);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    await cheapSettings(tc.ctx, { pageSize: 500, ipMaxPerTenMinutes: 1000, ipMaxPerHour: 1000 });
    await publishedArticle(tc.ctx);
    const url = `${base}/articles/floods-reach-kabul`;
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    // Refused posts answer 4xx on purpose (and Chromium logs them); server errors and missing assets are problems.
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 500 || (r.status() === 404 && !r.url().endsWith('/favicon.ico'))) problems.push(`${r.status()} ${r.url()}`); });
    page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push(`third-party request: ${r.url()}`); });
    const message = (p: Page) => p.locator('[data-comment-message]').textContent();

    await t.test('mistakes get their messages inline, without a reload, and nothing typed is lost', async () => {
      await page.goto(url);
      await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });
      await page.click('#comment-form button[type=submit]');
      await page.waitForFunction(() => document.querySelector('[data-comment-message]')?.textContent !== '');
      assert.equal(await message(page), 'Please enter your comment!');
      await page.fill('#comment-text', 'The water reached our school too.');
      await page.click('#comment-form button[type=submit]');
      await page.waitForFunction(() => document.querySelector('[data-comment-message]')?.textContent === 'Please enter your name here');
      assert.equal(await page.inputValue('#comment-text'), 'The water reached our school too.');
      await updateCommentSettings(tc.ctx, { minSubmitSeconds: 60 });
      await page.fill('#comment-name', 'Zahra');
      await page.click('#comment-form button[type=submit]');
      await page.waitForFunction(() => /very quick/.test(document.querySelector('[data-comment-message]')?.textContent ?? ''));
      await updateCommentSettings(tc.ctx, { minSubmitSeconds: 0 });
      assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'no reload');
    });

    await t.test('a good comment is published and appears in the thread', async () => {
      await page.click('#comment-form button[type=submit]');
      await page.waitForFunction(() => /published/.test(document.querySelector('[data-comment-message]')?.textContent ?? ''));
      assert.equal(await page.locator('.comment .comment-body').first().textContent(), 'The water reached our school too.');
      assert.equal(await page.inputValue('#comment-text'), '');
      await page.reload();
      assert.match(await page.locator('#comments h2').textContent() ?? '', /Comments \(1\)/);
    });

    await t.test('held for moderation, then approved by a moderator, then shown', async () => {
      await updateSettings(tc.ctx, { moderateAll: true });
      await page.fill('#comment-text', 'Please send help to Charikar.');
      await page.fill('#comment-name', 'Hamid');
      await page.click('#comment-form button[type=submit]');
      await page.waitForFunction(() => /held for moderation/.test(document.querySelector('[data-comment-message]')?.textContent ?? ''));
      await page.reload();
      assert.equal(await page.getByText('Please send help to Charikar.').count(), 0);
      const [held] = await listComments(tc.ctx.db, { status: 'pending' });
      await moderateComments(tc.ctx, [held.id], 'approve', { userId: 1 });
      await page.reload();
      assert.equal(await page.getByText('Please send help to Charikar.').count(), 1);
      await updateSettings(tc.ctx, { moderateAll: false });
    });

    await t.test(`${XSS_PAYLOADS.length} hostile names and texts are shown as inert text`, async () => {
      const at = tc.clock.now().toISOString();
      const [article] = await tc.ctx.db.selectFrom('articles').select('id').execute();
      await tc.ctx.db.insertInto('comments').values(XSS_PAYLOADS.map((p) => ({
        article_id: article.id, parent_id: null, depth: 0, author_name: p.slice(0, 80), author_email: null, ip: '192.0.2.1', network: '192.0.2.0/24',
        body: p, body_hash: 'x', status: 'approved' as const, score: 1, reasons: '[]', report_count: 0, created_at: at, updated_at: at, edited_at: null,
      }))).execute();
      tc.ctx.reads.clear(); // written straight to the table, past the services that announce changes
      // Every script, image and frame the page would load has loaded (or failed) before the check.
      await page.goto(url, { waitUntil: 'networkidle' });
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
      const shown = await page.locator('.comment-body').evaluateAll((els) => els.map((e) => e.textContent));
      // The HTML parser drops NUL from text; whitespace is compared loosely (paragraphs and line breaks).
      const squeeze = (s: string) => s.replace(/[\s\u0000]/g, '');
      const shownSqueezed = new Set(shown.map((s) => squeeze(s ?? '')));
      for (const p of XSS_PAYLOADS) assert.ok(shownSqueezed.has(squeeze(p)), `shown as text: ${p}`);
      const injected = await page.evaluate(() => document.querySelectorAll('.comment-body script, .comment-body img, .comment-body svg, .comment-body iframe, .comment-body [onerror], .comment-body a[href^="javascript"], .comment-body a[href^="data"]').length);
      assert.equal(injected, 0);
    });

    assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  } finally {
    await browser.close();
    await app.close();
    await tc.close();
  }
});

test('comments in Chromium without JavaScript', async () => {
  // The browser first: when it cannot start, nothing else is left open to keep the test process alive.
  const browser = await launchBrowser({ javaScriptEnabled: false });
  const tc = await makeTestContext('sqlite');
  const app = await buildApp(tc.ctx);
  try {
    articlePageFallback(app, tc.ctx);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    await cheapSettings(tc.ctx);
    await publishedArticle(tc.ctx);
    const page = await browser.newPage();
    await page.goto(`${base}/articles/floods-reach-kabul`);
    await page.fill('#comment-text', 'Typed without scripts <b>kept</b>');
    await page.click('#comment-form button[type=submit]');
    assert.equal(await page.locator('[data-comment-message]').textContent(), 'Please enter your name here');
    assert.equal(await page.inputValue('#comment-text'), 'Typed without scripts <b>kept</b>');
    await page.fill('#comment-name', 'Lynx');
    await page.click('#comment-form button[type=submit]');
    // Without a proof of work a comment is refused, not held: the reader is told why, and what they typed is kept.
    assert.match(await page.locator('main').textContent() ?? '', /was not sent: the check that it does not come from a bot did not run/);
    assert.equal(await page.inputValue('#comment-text'), 'Typed without scripts <b>kept</b>');
    assert.deepEqual(await listComments(tc.ctx.db, { status: 'pending' }), []);
  } finally {
    await browser.close();
    await app.close();
    await tc.close();
  }
});
