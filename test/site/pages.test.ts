// Every page type of the public site over HTTP, on both databases: parts present, escaping, statuses, caching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom.ts';
import { deleteArticle } from '../../src/content/articles.ts';
import { createRedirect } from '../../src/content/redirects.ts';

const LEAD = '/articles/border-crossings-script-alert-1-script-rise';

function count(html: string, re: RegExp): number {
  return html.match(new RegExp(re.source, 'g'))?.length ?? 0;
}

for (const dialect of testDialects()) {
  test(`site pages (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect);
    let n: Newsroom;
    try {
      n = await buildNewsroom(t.ctx, 14);
      const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

      await s.test('article page has every part, escaped', async () => {
        const r = await get(LEAD);
        assert.equal(r.statusCode, 200);
        const html = r.body;
        assert.match(html, /^<!doctype html><html lang="en" dir="ltr">/);
        assert.match(html, /<time datetime="2026-11-25">Wednesday, 25 November 2026<\/time>/, 'date bar in the site time zone');
        assert.match(html, /<h1>Border crossings &lt;script>alert\(1\)&lt;\/script> rise<\/h1>/, 'headline escaped');
        assert.equal(count(html, /<script>alert/), 0);
        assert.equal(count(html, /<h1[ >]/), 1, 'one h1');
        assert.match(html, /<p class="standfirst">Families wait at the border.<\/p>/);
        assert.match(html, /<a class="section-label" href="\/section\/immigration-news">Immigration News<\/a>/);
        assert.match(html, /By: <a href="\/author\/mina-rahimi" rel="author"><bdi>Mina Rahimi<\/bdi><\/a> and <a href="\/author\/omar-noori" rel="author"><bdi>Omar &lt;Noori><\/bdi><\/a>/);
        assert.match(html, /Published <time datetime="[^"]+">25 November 2026 at 13:\d\d<\/time>/, 'published time in Kabul time');
        assert.match(html, /<section class="publisher" aria-label="Publisher">.*Test Daily/s);
        assert.equal(html.split('Kabul-based independent news organization established in 2010').length - 1, 1, 'the site\'s description shows once (under the masthead)');
        assert.match(html, /<picture><source type="image\/avif" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1200w"[^>]*><source type="image\/webp"/);
        assert.match(html, /<img src="\/media\/[^"]+-960\.jpg" srcset="[^"]+" sizes="[^"]+" width="960" height="540" alt="People waiting at a crossing" loading="eager"/);
        assert.match(html, /<figcaption>Families at the crossing<span class="credit"> Photo: Desk<\/span><\/figcaption>/);
        assert.match(html, /<h2>What comes next<\/h2><blockquote>/);
        assert.equal(count(html, /<p class="ad-label">- Advertisement -<\/p>/), 2, 'inline and sidebar ads, labelled');
        assert.match(html, /Support independent news/);
        assert.match(html, /<section class="author-bio" aria-label="About the author: Mina Rahimi">/);
        assert.match(html, /Omar writes about &lt;b>politics&lt;\/b>./, 'bio escaped');
        assert.match(html, /<h2 id="more-heading">More articles<\/h2>/);
        const more = html.slice(html.indexOf('more-heading'), html.indexOf('id="comments"'));
        assert.ok(!more.includes(LEAD), 'More articles never links the article itself');
        assert.match(more, /Clinic opens in Herat/);
        assert.match(html, /<h2 class="rail-title"><a href="\/section\/world-news">The World News<\/a><\/h2>/);
        assert.match(html, /<section id="comments"/);
        // schema.org names the JSON-LD vocabulary (an identifier nothing fetches).
        // Share links name the networks' share pages (plain links, tested in seo_share.test.ts); nothing else may.
        assert.doesNotMatch(html.replace(/<nav class="share"[\s\S]*?<\/nav>/, ''), /https?:\/\/(?!127\.0\.0\.1|social\.example|news\.example|schema\.org")[a-z]/i, 'no third-party hosts apart from the links the newsroom set');
        assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
      });

      await s.test('corrections and syndicated publisher box', async () => {
        const c = await get('/articles/clinic-opens-in-herat');
        assert.match(c.body, /<aside class="corrections" aria-label="Correction"><p><strong>Correction:<\/strong> An earlier version gave the wrong opening date./);
        const w = await get('/articles/talks-resume-abroad');
        assert.match(w.body, /<p class="publisher-name"><a href="https:\/\/wire.example" rel="noopener">Partner Wire<\/a><\/p><p class="publisher-description">Partner Wire is a Doha-based news agency established in 1999.<\/p>/);
        assert.match(w.body, /Originally published by Partner Wire/);
      });

      await s.test('ETag and 304, cache headers', async () => {
        const a = await get(LEAD);
        const etag = String(a.headers.etag);
        assert.match(etag, /^W\/"[\w-]{27}"$/);
        assert.match(String(a.headers['cache-control']), /public, max-age=0, must-revalidate, s-maxage=60/);
        const b = await get(LEAD, { 'if-none-match': etag });
        assert.equal(b.statusCode, 304);
        assert.equal(b.body, '');
        assert.equal((await get(LEAD, { 'if-none-match': '"other"' })).statusCode, 200);
        const gz = await get(LEAD, { 'accept-encoding': 'gzip' });
        assert.equal(gz.headers['content-encoding'], 'gzip');
      });

      await s.test('home: lead, latest, section blocks, world rail, pages', async () => {
        const r = await get('/');
        assert.equal(r.statusCode, 200);
        assert.match(r.body, /<section class="lead" aria-label="Top story">.*Border crossings &lt;script>/s);
        assert.match(r.body, /<h2 id="latest-heading" class="rail-title">Latest<\/h2>/);
        assert.match(r.body, /The World News/);
        assert.match(r.body, /<h2 id="block-\d+" class="block-title"><a href="\/section\/politics">Politics<\/a><\/h2>/);
        assert.match(r.body, /<a rel="next" href="\/\?page=2">Older<\/a>/);
        assert.doesNotMatch(r.body, /Draft story|Scheduled story|Archived story/);
        const p2 = await get('/?page=2');
        assert.equal(p2.statusCode, 200);
        assert.match(p2.body, /Politics story/);
      });

      await s.test('section, tag, author and archive pages paginate', async () => {
        const sec = await get('/section/politics');
        assert.equal(sec.statusCode, 200);
        assert.match(sec.body, /<h1>Politics<\/h1>/);
        assert.match(sec.body, /14 articles/);
        assert.equal(count(sec.body, /class="story-card story-card"/), 12);
        assert.match(sec.body, /Page 1 of 2/);
        const sec2 = await get('/section/politics?page=2');
        assert.equal(count(sec2.body, /class="story-card story-card"/), 2);
        assert.match(sec2.body, /<title>Politics, page 2 \| Test Daily<\/title>/);
        const imm = await get('/section/immigration-news');
        assert.match(imm.body, /People on the move./);
        const tag = await get('/tag/health');
        assert.match(tag.body, /<h1>Tagged: Health<\/h1>/);
        assert.match(tag.body, /2 articles/);
        const author = await get('/author/mina-rahimi');
        assert.match(author.body, /<h1>Articles by Mina Rahimi<\/h1>/);
        assert.match(author.body, /Mina covers migration./);
        assert.match((await get('/author/omar-noori')).body, /<h1>Articles by Omar &lt;Noori><\/h1>/);
        const year = await get('/2026/');
        assert.match(year.body, /<h1>Archive: 2026<\/h1>/);
        const month = await get('/2026/11/');
        assert.match(month.body, /<h1>Archive: November 2026<\/h1>/);
        assert.match(month.body, /18 articles/);
        assert.match((await get('/2025/')).body, /There are no articles here yet./);
      });

      await s.test('redirects, gone and not found', async () => {
        const old = await get('/articles/old-slug');
        assert.equal(old.statusCode, 301);
        assert.equal(old.headers.location, '/articles/new-slug');
        const gone = await get('/articles/archived-story');
        assert.equal(gone.statusCode, 410);
        assert.match(gone.body, /This article has been removed/);
        assert.equal((await get('/articles/draft-story')).statusCode, 404);
        assert.equal((await get('/articles/scheduled-story')).statusCode, 404);
        await createRedirect(t.ctx, { fromPath: '/2015/05/old-permalink', toPath: '/articles/new-slug' });
        const stored = await get('/2015/05/old-permalink');
        assert.equal(stored.statusCode, 301);
        assert.equal(stored.headers.location, '/articles/new-slug');
        await deleteArticle(t.ctx, n.articles.corrected, { userId: null });
        assert.equal((await get('/articles/clinic-opens-in-herat')).statusCode, 410, 'a deleted article is gone, not missing');
        const missing = await get('/section/nothing-here');
        assert.equal(missing.statusCode, 404);
        assert.match(missing.body, /We could not find that section./);
        assert.match(missing.body, /<a class="button" href="\/">Go to the home page<\/a>/);
        assert.match(missing.body, /href="\/section\/immigration-news"/, 'the 404 page offers the sections');
      });

      await s.test('bad input gets the site page with 400/404, never 500', async () => {
        const cases: [string, number[]][] = [
          ['/section/politics?page=0', [400]], ['/section/politics?page=-1', [400]], ['/section/politics?page=abc', [400]],
          ['/section/politics?page=999999', [404]], ['/section/politics?page=1&page=2', [400]], ['/?page=0', [400]],
          ['/%E0%A4%A', [400]], ['/articles/%', [400]], ['/articles/%ZZ', [400]], ['/articles/' + 'a'.repeat(5000), [400, 404, 414]],
          ['/?' + 'q=1&'.repeat(3000), [414]], ['/section/politics?utm_source=' + 'x'.repeat(3000), [414]], ['/?utm_source=newsletter', [200]], ['/2026/13/', [400]], ['/0000/', [400]], ['/2026/1/', [404]],
          ['/assets/../src/config.ts', [404]], ['/media/../../secret.key', [404]], ['/media/%2e%2e/secret.key', [400, 404]],
          ['/articles/..%2f..%2fetc%2fpasswd', [404]], ['/tag/%00', [404]], ['/articles/a%00b', [404]], ['/no%00where', [404]], ['/section/x%01', [404]], ['/author/<script>', [404]],
        ];
        for (const [url, statuses] of cases) {
          const r = await get(url);
          assert.ok(statuses.includes(r.statusCode), `${url.slice(0, 60)} answered ${r.statusCode}`);
          if (r.statusCode >= 400) {
            assert.match(String(r.headers['content-type']), /text\/html/, url.slice(0, 60));
            assert.doesNotMatch(r.body, /at .*\.ts:\d+|Error:|stack/i, 'no stack trace');
            assert.match(r.body, /Test Daily/, 'the site\'s own page');
          }
        }
        const secret = await get('/media/secret.key');
        assert.equal(secret.statusCode, 404, 'the data folder is not served');
      });
    } finally {
      await t.close();
    }
  });
}
