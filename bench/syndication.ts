// Syndication figures: extraction accuracy on the partner fixtures (paragraphs kept that should be, and nothing
// else), the cost of polling 100 new partner stories (wall time and memory) against a reference that only
// downloads the same 100 pages, and the size of an aggregator's full-text feed (50 stories) against the site's
// own feed of the same stories. No assertions: read the figures.
//   node --import tsx bench/syndication.ts
import { readFileSync } from 'node:fs';
import { makeTestContext } from '../test/helpers/context.ts';
import { paragraphs, rssFeed, startPartnerSites } from '../test/helpers/partners.ts';
import { createSource } from '../src/content/sources.ts';
import { pollSource } from '../src/syndication/poll.ts';
import { createArticle, publishArticle } from '../src/content/articles.ts';
import { listFeedStories } from '../src/content/feed_stories.ts';
import { buildFeed } from '../src/site/feeds/feed_build.ts';
import { AGGREGATOR_FEED_SIZE } from '../src/content_api/syndication_feed.ts';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const expected = JSON.parse(readFileSync(new URL('../test/fixtures/syndication/expected.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const PAGES: Record<string, string> = { 'wordpress.html': 'Floodwaters%', 'ghost.html': 'Herat%', 'plain.html': 'Pamir%', 'windows-1256.html': '%بدخشان' };
const WORDS = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);

function storyPage(n: number): string {
  let seed = n * 104729 + 3;
  const pick = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length];
  const p = () => `<p>${Array.from({ length: 60 }, pick).join(' ')}.</p>`;
  return `<!doctype html><html lang="en"><head><title>Story ${n}</title><meta name="author" content="Reporter ${n}"></head><body><nav><a href="/">Home</a></nav>
<div class="ad">- Advertisement -</div><article><h1>Story ${n}</h1>${Array.from({ length: 10 }, p).join('')}</article><div class="related"><h3>Related</h3></div><footer>© Partner</footer></body></html>`;
}

const partners = await startPartnerSites();
const t = await makeTestContext('sqlite', { fetchAllow: ['127.0.0.1/32'] });
try {
  // 1. Extraction accuracy, paragraph by paragraph.
  for (const [name, feed] of [['Valley', '/valley/feed.xml'], ['West', '/west/atom.xml'], ['Third', '/third/feed.json']]) {
    const id = await createSource(t.ctx, { name: `${name} bench`, feedUrl: `${partners.base}${feed}`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false });
    await pollSource(t.ctx, id);
  }
  let kept = 0;
  let wanted = 0;
  let extra = 0;
  for (const [file, like] of Object.entries(PAGES)) {
    const a = await t.ctx.db.selectFrom('articles').select('body_html').where('headline', 'like', like).executeTakeFirstOrThrow();
    const got = paragraphs(a.body_html);
    const want = expected[file] ?? [];
    const hit = got.filter((p) => want.includes(p)).length;
    kept += hit;
    wanted += want.length;
    extra += got.length - hit;
    console.log(`${file.padEnd(20)} ${hit}/${want.length} expected paragraphs kept, ${got.length - hit} other blocks`);
  }
  console.log(`extraction: recall ${((100 * kept) / wanted).toFixed(1)}%, precision ${((100 * kept) / (kept + extra)).toFixed(1)}%`);

  // 2. Poll cost per 100 new stories, against downloading the same pages.
  const items = Array.from({ length: 100 }, (_, n) => ({ url: `/bench/${n}`, title: `Story ${n}` }));
  for (const [n] of items.entries()) partners.pages.set(`/bench/${n}`, storyPage(n));
  partners.feeds.set('/bench/feed.xml', { type: 'application/rss+xml', body: rssFeed(partners.base, items) });
  const refStart = performance.now();
  for (const i of items) await (await fetch(`${partners.base}${i.url}`)).text();
  const reference = performance.now() - refStart;
  global.gc?.();
  const before = process.memoryUsage();
  const id = await createSource(t.ctx, { name: 'Bench wire', feedUrl: `${partners.base}/bench/feed.xml`, siteUrl: partners.base, description: '', language: 'en', autoPublish: true });
  const start = performance.now();
  // A poll takes at most 50 new stories (MAX_NEW_PER_POLL): two polls drain the hundred.
  const first = await pollSource(t.ctx, id);
  const rest = await pollSource(t.ctx, id);
  const took = performance.now() - start;
  const r = { imported: first.imported + rest.imported, duplicates: first.duplicates + rest.duplicates, failed: first.failed + rest.failed };
  const after = process.memoryUsage();
  console.log(`poll of 100 new stories: ${r.imported} imported, ${r.duplicates} duplicates, ${r.failed} failed`);
  console.log(`  ${took.toFixed(0)} ms (${(took / 100).toFixed(1)} ms a story); downloading the pages alone ${reference.toFixed(0)} ms; ratio ${(took / reference).toFixed(1)}x`);
  console.log(`  memory: rss ${((after.rss - before.rss) / 1048576).toFixed(1)} MB more, heap ${((after.heapUsed - before.heapUsed) / 1048576).toFixed(1)} MB more, peak rss ${(after.rss / 1048576).toFixed(0)} MB`);
  const again = performance.now();
  const second = await pollSource(t.ctx, id);
  console.log(`second poll (${second.outcome}): ${(performance.now() - again).toFixed(0)} ms`);

  // 3. An aggregator's feed: our own 50 newest stories in full (partners' stories are never in it).
  for (let n = 0; n < AGGREGATOR_FEED_SIZE; n++) {
    const body = storyPage(1000 + n).replace(/^[\s\S]*<h1>[^<]*<\/h1>/, '').replace(/<\/article>[\s\S]*$/, '');
    const id = await createArticle(t.ctx, { headline: `Our story ${n}`, bodyHtml: `${body}<figure><img src="/media/own-${n}.jpg" alt="x"><figcaption>A picture</figcaption></figure>` }, { userId: null });
    await publishArticle(t.ctx, id, { userId: null });
  }
  const url = t.ctx.config.publicUrl;
  const own = await listFeedStories(t.ctx.db, { forSyndication: true }, AGGREGATOR_FEED_SIZE);
  const spec = { title: 'Bench', description: '', page: `${url}/`, self: { rss: `${url}/r`, atom: `${url}/a`, json: `${url}/j` }, language: 'en', publicUrl: url };
  const size = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, gzip ${(gzipSync(text).length / 1024).toFixed(0)} KB, br ${(brotliCompressSync(text).length / 1024).toFixed(0)} KB`;
  const words = own.reduce((n, s) => n + s.body_text.split(/\s+/).length, 0);
  for (const kind of ['rss', 'atom', 'json'] as const) {
    const full = buildFeed(kind, { ...spec, content: 'full', rights: 'Republished under agreement with the newsroom; no edits.' }, own);
    const excerpt = buildFeed(kind, { ...spec, content: 'excerpt' }, own);
    console.log(`aggregator feed (${kind}, ${own.length} stories, ${words} words): ${size(full)}; the site's excerpt feed of the same stories ${size(excerpt)}`);
  }
} finally {
  await t.close();
  await partners.close();
}
