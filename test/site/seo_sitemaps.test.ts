// robots.txt and the sitemaps, validated with xmllint against the sitemaps.org and Google News schemas, on both databases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { SITEMAP_LIMITS, articlesPerSitemap, url } from '../../src/site/sitemaps.ts';
import { slugify } from '../../src/content/sanitize.ts';
import { articleHref } from '../../src/site/views/parts.tsx';
import { updateArticle } from '../../src/content/articles.ts';

const SCHEMAS = new URL('../fixtures/sitemaps/', import.meta.url).pathname;

/** Runs xmllint --schema on the document; throws with xmllint's message when it is not valid. */
function validate(xml: string, schema: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-xsd-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`${schema}: ${String((err as { stderr?: Buffer }).stderr ?? err)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

test('the schemas refuse a broken sitemap (the validation can fail)', () => {
  assert.throws(() => validate('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>x</lastmod></url></urlset>', 'sitemap.xsd'));
  assert.throws(() => validate('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://a.example/x</loc><news:news><news:title>t</news:title></news:news></url></urlset>', 'sitemap-with-news.xsd'));
});

test('a full article sitemap of the longest possible addresses stays within 50 MB', () => {
  const base = 'https://news.example';
  // The longest slug there can be: 120 letters that each take three bytes in UTF-8 (Dari letters take two).
  const slugs = [slugify('ا'.repeat(500)), slugify('ក'.repeat(500)), slugify('𐐀'.repeat(500))];
  assert.equal(slugs[1].length, 120);
  const per = articlesPerSitemap(base);
  assert.ok(per < 50_000 && per > 30_000, `${per} articles per sitemap`);
  for (const slug of slugs) {
    const entry = Buffer.byteLength(`${url(base + articleHref(slug), '2026-11-25T08:00:00.000Z')}\n`);
    assert.ok(entry * per + 200 <= 50 * 1024 * 1024, `${entry} bytes x ${per}`);
  }
  // Without the byte bound, 50,000 of the longest entries would pass 50 MB.
  const longest = Buffer.byteLength(`${url(base + articleHref(slugs[1]), '2026-11-25T08:00:00.000Z')}\n`);
  assert.ok(longest * 50_000 > 50 * 1024 * 1024);
});

for (const dialect of testDialects()) {
  test(`robots.txt and sitemaps (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect, { publicUrl: 'https://news.example' });
    const get = (url: string) => t.app.inject({ url });
    const perPage = SITEMAP_LIMITS.perPage;
    try {
      const n = await buildNewsroom(t.ctx, 5);

      await s.test('robots.txt allows the site, keeps crawlers out of staff areas and names the index', async () => {
        const r = await get('/robots.txt');
        assert.equal(r.statusCode, 200);
        assert.match(String(r.headers['content-type']), /^text\/plain/);
        assert.match(r.body, /^User-agent: \*$/m);
        assert.match(r.body, /^Allow: \/$/m);
        for (const p of ['/admin', '/api', '/preview']) assert.match(r.body, new RegExp(`^Disallow: ${p}$`, 'm'));
        assert.match(r.body, /^Sitemap: https:\/\/news\.example\/sitemap\.xml$/m);
      });

      await s.test('the index and every sitemap it names are valid; articles page by the limit', async () => {
        SITEMAP_LIMITS.perPage = 3;
        t.app.pageCache.clear(); // the limit is fixed in a running newsroom: the index kept with the old one goes
        const index = await get('/sitemap.xml');
        assert.equal(index.statusCode, 200);
        assert.match(String(index.headers['content-type']), /^application\/xml/);
        validate(index.body, 'siteindex.xsd');
        const maps = locs(index.body);
        // 5 politics + syndicated + corrected + renamed + lead = 9 published: 3 pages of 3.
        assert.deepEqual(maps.filter((u) => u.includes('/articles-')), [1, 2, 3].map((i) => `https://news.example/sitemaps/articles-${i}.xml`));
        for (const m of ['sections', 'authors', 'news']) assert.ok(maps.includes(`https://news.example/sitemaps/${m}.xml`), m);
        const articles: string[] = [];
        for (const m of maps) {
          const r = await get(new URL(m).pathname);
          assert.equal(r.statusCode, 200, m);
          validate(r.body, m.endsWith('news.xml') ? 'sitemap-with-news.xsd' : 'sitemap.xsd');
          if (m.includes('/articles-')) {
            assert.ok(locs(r.body).length <= 3);
            articles.push(...locs(r.body));
          }
        }
        assert.equal(articles.length, 9);
        assert.equal(new Set(articles).size, 9, 'no article twice');
        assert.ok(articles.includes('https://news.example/articles/new-slug'), 'the current slug');
        for (const gone of ['old-slug', 'archived-story', 'draft-story', 'scheduled-story']) {
          assert.ok(!articles.some((u) => u.endsWith(`/${gone}`)), `${gone} is not public`);
        }
        assert.equal((await get('/sitemaps/articles-4.xml')).statusCode, 404);
        assert.equal((await get('/sitemaps/articles-0.xml')).statusCode, 404);
        SITEMAP_LIMITS.perPage = perPage;
        t.app.pageCache.clear();
        const one = await get('/sitemap.xml');
        assert.deepEqual(locs(one.body).filter((u) => u.includes('/articles-')), ['https://news.example/sitemaps/articles-1.xml']);
      });

      await s.test('lastmod is the article\'s updated time; sections and authors list only those with stories', async () => {
        t.clock.advance(3600_000);
        await updateArticle(t.ctx, n.articles.corrected, { standfirst: 'Now with a standfirst.' }, { userId: null });
        const at = t.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const r = await get('/sitemaps/articles-1.xml');
        assert.match(r.body, new RegExp(`<loc>https://news.example/articles/clinic-opens-in-herat</loc><lastmod>${at}</lastmod>`));
        const sections = await get('/sitemaps/sections.xml');
        assert.deepEqual(locs(sections.body).sort(), ['https://news.example/', 'https://news.example/section/immigration-news', 'https://news.example/section/politics', 'https://news.example/section/world-news']);
        assert.match(sections.body, new RegExp(`<loc>https://news.example/section/immigration-news</loc><lastmod>${at}</lastmod>`));
        const authors = await get('/sitemaps/authors.xml');
        assert.deepEqual(locs(authors.body).sort(), ['https://news.example/author/mina-rahimi', 'https://news.example/author/omar-noori']);
      });

      await s.test('the news sitemap holds the last 48 hours by the clock, with publication, date and title', async () => {
        const r = await get('/sitemaps/news.xml');
        validate(r.body, 'sitemap-with-news.xsd');
        assert.match(r.body, /<news:publication><news:name>Test Daily<\/news:name><news:language>en<\/news:language><\/news:publication>/);
        assert.match(r.body, /<news:title>Border crossings &lt;script&gt;alert\(1\)&lt;\/script&gt; rise<\/news:title>/, 'headline escaped');
        assert.match(r.body, /<news:publication_date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/news:publication_date>/);
        assert.equal(locs(r.body).length, 9);
        t.clock.advance(49 * 3600_000);
        const later = await get('/sitemaps/news.xml');
        assert.equal(locs(later.body).length, 0, 'nothing is news after 48 hours');
        assert.ok(!locs((await get('/sitemap.xml')).body).some((u) => u.endsWith('/news.xml')), 'the index leaves out an empty news sitemap');
      });
    } finally {
      SITEMAP_LIMITS.perPage = perPage;
      await t.close();
    }
  });
}
