// The answer to a comment posted or reported without JavaScript is one of the site's pages: the masthead,
// navigation, footer and stylesheet around the message, in the article's language; after a refusal it holds the
// form again with everything the reader typed, escaped, and it is the reader's own page (never cached or indexed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm, ORIGIN } from '../comments/fixtures.ts';
import { createSection } from '../../src/content/sections.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { validateHtml, vnuErrors } from '../helpers/vnu.ts';

const asBrowser = { accept: 'text/html', 'x-test-ip': '192.0.2.140' };

const answered: Record<string, string> = {};

const TITLES: Record<string, string> = { en: 'Your comment', fa: 'نظر شما' };

function assertSitePage(body: string, lang: string, dir: string): void {
  answered[`${lang} answer ${Object.keys(answered).length + 1}`] = body;
  assert.match(body, new RegExp(`^<!doctype html><html lang="${lang}" dir="${dir}">`));
  assert.match(body, /<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]{12}"\/>/, 'the site stylesheet');
  assert.match(body, /<header class="masthead">/, 'the masthead');
  assert.match(body, /<nav class="sections"[^>]*>.*href="\/section\/politics"/s, 'the section navigation');
  assert.match(body, /<footer class="site-footer">/, 'the footer');
  assert.ok(body.includes(`<main id="main"><section class="comment-page"><h1>${TITLES[lang]}</h1>`), 'the page title in the article\'s language');
  assert.match(body, /<meta name="robots" content="noindex"\/>/);
}

for (const dialect of testDialects()) {
  test(`comment answers without JavaScript are site pages (${dialect})`, async (s) => {
    const a = await makeTestApp(dialect);
    try {
      await cheapSettings(a.ctx, { ipMaxPerTenMinutes: 1000, ipMaxPerHour: 1000 });
      await createSection(a.ctx, { slug: 'politics', name: 'Politics' });
      const articleId = String(await publishedArticle(a.ctx));
      const dariId = String(await publishedArticle(a.ctx, { headline: 'سیلاب به کابل رسید', language: 'fa' }));

      await s.test('a held comment: the message on the site page, a way back to the article', async () => {
        // Held for a moderator (a comment without a proof of work is refused, not held).
        await updateSettings(a.ctx, { moderateAll: true });
        const r = await postForm(a.app, { article_id: articleId, comment: 'Held, said without scripts', name: 'Lynx', altcha: await solvedPayload(a.app) }, asBrowser);
        await updateSettings(a.ctx, { moderateAll: false });
        assert.equal(r.statusCode, 200);
        assertSitePage(r.body, 'en', 'ltr');
        assert.match(r.body, /<p class="comment-message comment-message-ok" role="status">[^<]*held for moderation/);
        assert.match(r.body, /<a href="\/articles\/floods-reach-kabul#comments">Back to the article<\/a>/);
        assert.doesNotMatch(r.body, /<form id="comment-form"/, 'nothing to send again');
        assert.equal(r.headers['cache-control'], 'no-store');
        assert.equal(r.headers['x-robots-tag'], 'noindex, nofollow');
      });

      await s.test('a refusal: the site page with the form again, everything typed kept and escaped', async () => {
        const typed = { comment: 'Kept <script>alert(1)</script> & "quoted"', name: '', email: 'reader@example.org' };
        const r = await postForm(a.app, { article_id: articleId, ...typed }, asBrowser);
        assert.equal(r.statusCode, 400);
        assertSitePage(r.body, 'en', 'ltr');
        assert.match(r.body, /<p class="comment-message" role="alert"[^>]*>Please enter your name here<\/p>/);
        assert.ok(r.body.includes('>Kept &lt;script>alert(1)&lt;/script> &amp; &quot;quoted&quot;</textarea>'), 'comment kept, escaped');
        assert.ok(r.body.includes('value="reader@example.org"'), 'email kept');
        assert.ok(r.body.includes(`name="article_id" value="${articleId}"`), 'the form posts to the same article');
        assert.doesNotMatch(r.body, /<script>alert/);
        assert.match(r.body, /<script type="module" src="\/assets\/comments\.js/, 'the form works inline again once scripts run');
      });

      await s.test('in the article\'s language and direction', async () => {
        const r = await postForm(a.app, { article_id: dariId, comment: 'نظر بدون جاوااسکریپت', name: '' }, asBrowser);
        assert.equal(r.statusCode, 400);
        assertSitePage(r.body, 'fa', 'rtl');
        assert.ok(r.body.includes('>نظر بدون جاوااسکریپت</textarea>'));
        assert.ok(r.body.includes('لطفاً نام خود را این‌جا بنویسید'), 'the refusal in Dari');
        assert.ok(r.body.includes('<label for="comment-name">نام</label>'), 'the form in Dari');
      });

      await s.test('a report: the thanks on the site page', async () => {
        const posted = await postForm(a.app, { article_id: articleId, comment: 'A comment someone will report', name: 'P', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.141' });
        const id = posted.json().commentId as number;
        const r = await a.app.inject({ method: 'POST', url: `/comments/${id}/report`, remoteAddress: '192.0.2.142', headers: { ...ORIGIN, accept: 'text/html' } });
        assert.equal(r.statusCode, 200);
        assertSitePage(r.body, 'en', 'ltr');
        assert.match(r.body, /role="status">Thank you\. A moderator will look at this comment\.<\/p>/);
      });

      if (dialect === 'sqlite') {
        await s.test('every answer is valid HTML (Nu Html Checker)', async () => {
          const report = await validateHtml(answered);
          assert.deepEqual(Object.entries(report).flatMap(([name, m]) => vnuErrors(m).map((e) => `${name}: ${e}`)), []);
        });
      }
    } finally {
      await a.close();
    }
  });
}
