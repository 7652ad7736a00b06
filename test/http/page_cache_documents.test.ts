// Feeds, sitemaps and the search page go through the page cache like the other public pages: a repeat request and
// a feed reader's conditional one are answered before the route builds anything, a change purges the ones that
// show it, and parameters no page reads (utm_*, their order) make no new entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { moderateComments } from '../../src/comments/moderation.ts';
import { pageCacheKey } from '../../src/http/page_cache.ts';
import { READS } from '../../src/site/page_query.ts';

const DOCS = ['/feed', '/atom.xml', '/section/politics/feed.json', '/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/sections.xml', '/search?q=clinic'];

/** Asks for each address once; returns those that were built (a miss) rather than sent from the cache. */
async function built(t: TestApp): Promise<string[]> {
  const missed: string[] = [];
  for (const url of DOCS) {
    const r = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.statusCode, 200, url);
    if (r.headers['x-khabar-cache'] !== 'hit') missed.push(url);
  }
  return missed;
}

test('the cache key keeps only the parameters the route reads, in its order, with every value', () => {
  const search = READS.search.config!.query!;
  assert.equal(pageCacheKey('/search?utm_source=x&section=politics&q=a+b&fbclid=1', search), '/search?q=a%20b&section=politics');
  assert.equal(pageCacheKey('/search?q=a%20b&section=politics', search), pageCacheKey('/search?section=politics&q=a+b', search));
  assert.equal(pageCacheKey('/search?q=one&q=two', search), '/search?q=one&q=two', 'every value: a route may refuse a repeated one');
  assert.equal(pageCacheKey('/feed?utm_medium=rss', READS.nothing.config!.query!), '/feed');
  assert.equal(pageCacheKey('/section/politics?page=2&x=1', READS.list.config!.query!), '/section/politics?page=2');
  assert.equal(pageCacheKey('/section/politics?page=2&page=3', READS.list.config!.query!), '/section/politics?page=2&page=3');
  // the home page: an old address's parameter always reaches the route; utm_* does not make another home page
  assert.equal(pageCacheKey('/?p=101', READS.home.config!.query!), null);
  assert.equal(pageCacheKey('/?utm_source=x&cat=4', READS.home.config!.query!), null);
  assert.equal(pageCacheKey('/?utm_source=x', READS.home.config!.query!), '/');
  // a route that declares nothing is keyed by its whole query as sent
  assert.equal(pageCacheKey('/x?b=1&a=2', undefined), '/x?b=1&a=2');
});

for (const dialect of testDialects()) {
  test(`feeds, sitemaps and search pages are cached and purged (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      assert.deepEqual(await built(t), DOCS, 'first request builds each');
      assert.deepEqual(await built(t), [], 'then each is sent from the cache');

      await s.test('a feed reader\'s conditional request is a 304 from the cache', async () => {
        const first = await t.app.inject('/feed');
        const again = await t.app.inject({ url: '/feed', headers: { 'if-none-match': String(first.headers.etag) } });
        assert.equal(again.statusCode, 304);
        assert.equal(again.headers['x-khabar-cache'], 'hit');
        const since = await t.app.inject({ url: '/feed', headers: { 'if-modified-since': String(first.headers['last-modified']) } });
        assert.equal(since.statusCode, 304, 'Last-Modified is kept with the stored feed');
        assert.match(String(first.headers['content-type']), /application\/rss\+xml/);
        assert.equal((await t.app.inject('/feed')).headers['content-type'], first.headers['content-type'], 'a hit keeps the media type');
      });

      await s.test('junk parameters and their order share one entry', async () => {
        for (const url of ['/search?utm_source=newsletter&q=clinic', '/feed?utm_medium=rss&utm_source=x', '/sitemap.xml?random=123']) {
          assert.equal((await t.app.inject(url)).headers['x-khabar-cache'], 'hit', url);
        }
        const stored = t.app.pageCache.size;
        for (let i = 0; i < 20; i++) await t.app.inject(`/search?q=clinic&utm_campaign=${i}&junk${i}=1`);
        assert.equal(t.app.pageCache.size, stored, 'no new entries');
      });

      await s.test('a comment approved touches none of them', async () => {
        const now = t.clock.now().toISOString();
        const { id } = await t.ctx.db.insertInto('comments').values({
          article_id: n.articles.corrected, parent_id: null, depth: 0, author_name: 'Lynx', author_email: null, ip: '192.0.2.1', network: '192.0.2.0/24',
          body: 'Approved.', body_hash: 'x', status: 'pending', score: 0, reasons: '[]', report_count: 0, created_at: now, updated_at: now, edited_at: null,
        }).returning('id').executeTakeFirstOrThrow();
        await moderateComments(t.ctx, [id], 'approve', { userId: null });
        assert.deepEqual(await built(t), []);
      });

      await s.test('a new politics story purges the site feeds, the politics feed, the sitemaps that list it and the search', async () => {
        const id = await createArticle(t.ctx, { headline: 'Clinic budget passes', sectionId: n.sections.politics, bodyHtml: '<p>Budget.</p>' }, { userId: null });
        await publishArticle(t.ctx, id, { userId: null });
        assert.deepEqual(await built(t), DOCS);
        assert.match((await t.app.inject('/search?q=clinic')).body, /Clinic budget passes/);
        assert.match((await t.app.inject('/section/politics/feed.json')).body, /Clinic budget passes/);
      });

      await s.test('a draft purges none of them', async () => {
        await createArticle(t.ctx, { headline: 'Clinic draft', sectionId: n.sections.politics }, { userId: null });
        assert.deepEqual(await built(t), []);
      });

      await s.test('a setting changed purges the feeds and the search page, not the sitemaps', async () => {
        await updateSettings(t.ctx, { name: 'Renamed Daily' });
        assert.deepEqual(await built(t), ['/feed', '/atom.xml', '/section/politics/feed.json', '/search?q=clinic']);
        assert.match((await t.app.inject('/feed')).body, /Renamed Daily/);
      });
    } finally {
      await t.close();
    }
  });
}
