// GET /search on both databases: a results page for every query a reader can send, highlighted and escaped,
// filtered and paged, and the search box in the header and on the 404 page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dailyStories } from '../helpers/newsroom.ts';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createArticle, publishArticle, unpublishArticle } from '../../src/content/articles.ts';
import { searchIndexFor } from '../../src/search/search_index.ts';
import { createSection } from '../../src/content/sections.ts';
import { validateHtml, vnuErrors } from '../helpers/vnu.ts';

const actor = { userId: null };
const BAD_QUERIES = ['', '   ', 'x'.repeat(10_000), 'کابل '.repeat(2_000), '"', '"unclosed', 'NEAR(', 'NEAR(kandahar floods, 2)', '*', '*kandahar', '-', '-kandahar',
  '(', '((kandahar', 'kandahar)', 'OR', 'kandahar OR', 'AND NOT', ':', 'headline:kandahar', '^kandahar', '{a b}', "'", "' & !", '\\', '%', '%00', '\u0000'];

for (const dialect of testDialects()) {
  describe(`the search page (${dialect})`, () => {
    let t: TestApp;
    const ids: Record<string, number> = {};
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const search = (params: Record<string, string>) => get(`/search?${new URLSearchParams(params)}`);

    before(async () => {
      t = await makeTestApp(dialect);
      const world = await createSection(t.ctx, { name: 'World', position: 1 });
      const local = await createSection(t.ctx, { name: 'Local', position: 2 });
      const story = dailyStories(t, ids);
      await story('dari', { headline: 'كابل در زمستان', language: 'fa', sectionId: local, bodyHtml: '<p>مردم كابل مي‌روند.</p>' });
      await story('headline', { headline: 'Floods reach Kandahar', language: 'en', sectionId: world, bodyHtml: '<p>Water rose overnight.</p>' });
      await story('hostile', { headline: 'Evening briefing', language: 'en', sectionId: world,
        bodyHtml: '<p>A reader wrote &lt;img src=x onerror=alert(1)&gt; about Kandahar &lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt;.</p>' });
      for (let i = 1; i <= 12; i++) await story(`budget${i}`, { headline: `Budget report ${i}`, language: 'en', sectionId: world, bodyHtml: '<p>Budget lines.</p>' });
    });
    after(() => t.close());

    test('finds Dari stories however the letters are typed, in the site layout, not for search engines', async () => {
      for (const q of ['کابل', 'كابل', 'میروند', 'مي‌روند']) {
        const res = await search({ q });
        assert.equal(res.statusCode, 200, q);
        assert.match(res.body, /<meta name="robots" content="noindex"\/?>/);
        assert.match(res.body, /class="masthead"/);
        assert.ok(res.body.includes('href="/articles/'), q);
        assert.match(res.body, />1 result</);
      }
      assert.match(res(await search({ q: 'kandahar' })), /<mark>Kandahar<\/mark>|<mark>kandahar<\/mark>/);
    });

    test('ranks the headline match first', async () => {
      const body = res(await search({ q: 'kandahar' }));
      assert.ok(body.indexOf('Floods reach Kandahar') < body.indexOf('Evening briefing'));
    });

    test('text from a story or a query is escaped, only the highlight is markup', async () => {
      const body = res(await search({ q: 'kandahar' }));
      assert.ok(!body.includes('<img src=x'), 'story text stays text');
      assert.ok(!body.includes('<script>alert'), 'story text stays text');
      assert.ok(body.includes('&lt;img src=x onerror=alert(1)'));
      assert.ok(!body.includes('</mark><script>'), 'a closing mark in the story cannot end the highlight');
      assert.equal(body.match(/<mark>/g)?.length, body.match(/<\/mark>/g)?.length, 'only the highlights are marks');
      const attack = '"><script>alert(1)</script><mark>';
      const page = res(await search({ q: attack }));
      assert.ok(!page.includes('<script>alert(1)'), 'the query stays text');
      assert.ok(!page.includes('"><script>'), 'the query stays inside its attribute');
      assert.ok(page.includes('&lt;script>alert(1)&lt;/script>'));
    });

    test('every bad query answers with a normal results page', async () => {
      for (const q of BAD_QUERIES) {
        const r = await search({ q });
        assert.equal(r.statusCode, 200, JSON.stringify(q.slice(0, 30)));
        assert.match(r.body, /class="search-page"/);
      }
      const many = await get('/search?q=a&q=b&page=x&from=2026-99-99&to=yesterday&section=nowhere&lang=xx');
      assert.equal(many.statusCode, 200);
      assert.match(res(await search({ q: '"kandahar' })), /2 results/);
    });

    test('filters by section, language and date', async () => {
      assert.match(res(await search({ q: 'kandahar', section: 'local' })), /0 results/);
      assert.match(res(await search({ q: 'kandahar', section: 'world' })), /2 results/);
      assert.match(res(await search({ q: 'کابل', lang: 'en' })), /0 results/);
      assert.match(res(await search({ q: 'کابل', lang: 'fa' })), />1 result</);
      const at = (await t.ctx.db.selectFrom('articles').select('published_at').where('id', '=', ids.budget3).executeTakeFirstOrThrow()).published_at ?? '';
      const day = at.slice(0, 10);
      assert.match(res(await search({ q: 'budget', from: day, to: day })), />1 result</);
      assert.match(res(await search({ q: 'budget', to: day })), /3 results/);
    });

    test('pages with rel prev and next', async () => {
      const first = res(await search({ q: 'budget' }));
      assert.match(first, /12 results/);
      assert.match(first, /<link rel="next" href="\/search\?q=budget&amp;page=2"/);
      assert.ok(!first.includes('rel="prev"'));
      const second = res(await search({ q: 'budget', page: '2' }));
      assert.match(second, /<link rel="prev" href="\/search\?q=budget"/);
      assert.equal((second.match(/class="search-results"[\s\S]*?<\/ol>/)?.[0].match(/<li/g) ?? []).length, 2);
    });

    test('an unpublished story leaves the results', async () => {
      await unpublishArticle(t.ctx, ids.headline, actor);
      assert.match(res(await search({ q: 'kandahar' })), />1 result</);
      await publishArticle(t.ctx, ids.headline, actor);
      assert.match(res(await search({ q: 'kandahar' })), /2 results/);
    });

    test('the search index is current before the page cache purges the search pages', async () => {
      // A page rendered between the purge and the index's refresh would be kept with the old results: at the purge,
      // a refresh handler added after the page cache's own (the bus runs the refresh stage first) has run, and the
      // index, asked right then, already finds the story.
      const cache = t.app.pageCache;
      const purge = cache.purge.bind(cache);
      let refreshed = false;
      const seen: { refreshed: boolean; found: Promise<number[]> }[] = [];
      const off = t.ctx.events.on('article.changed', () => { refreshed = true; }, 'refresh');
      cache.purge = (tags) => {
        seen.push({ refreshed, found: searchIndexFor(t.ctx).query({ q: 'garnet', limit: 10, offset: 0 }).then((r) => r.hits.map((h) => h.articleId)) });
        return purge(tags);
      };
      try {
        assert.match(res(await search({ q: 'garnet' })), /0 results/);
        const id = await createArticle(t.ctx, { headline: 'Garnet mine reopens', language: 'en', bodyHtml: '<p>x</p>' }, actor);
        refreshed = false;
        seen.length = 0;
        await publishArticle(t.ctx, id, actor);
        assert.ok(seen.length > 0, 'publishing purged pages');
        for (const s of seen) {
          assert.ok(s.refreshed);
          assert.deepEqual(await s.found, [id]);
        }
        assert.match(res(await search({ q: 'garnet' })), />1 result</);
        await unpublishArticle(t.ctx, id, actor);
      } finally {
        cache.purge = purge;
        off();
      }
    });

    test('the search page, a page with the header box and the 404 page are valid HTML', { skip: dialect !== 'sqlite' }, async () => {
      const pages: Record<string, string> = {};
      for (const url of ['/search?q=kandahar&section=world&lang=en&from=2020-01-01&to=2030-12-31', '/search?q=budget&page=2', '/search', '/', '/articles/none']) {
        pages[url] = (await get(url)).body;
      }
      const report = await validateHtml(pages);
      assert.deepEqual(Object.entries(report).flatMap(([url, m]) => vnuErrors(m).map((e) => `${url}: ${e}`)), []);
    });

    test('the header and the 404 page carry a search box', async () => {
      const home = await get('/');
      assert.match(home.body, /<search class="search-box" aria-label="Search the site"><form action="\/search" method="get"/);
      const missing = await get('/articles/no-such-story');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.body.match(/action="\/search"/g)?.length, 2);
    });
  });
}

function res(r: { statusCode: number; body: string }): string {
  assert.equal(r.statusCode, 200);
  return r.body;
}
