// Partners without a feed: a list page in the style of a WordPress news theme (menus, category, tag, author and
// paging links, a sidebar of popular stories, a footer) read for its story links, by guess and by a CSS selector,
// and the stories taken in through the same pipeline as feed items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeTestContext, testDialects } from '../helpers/context.ts';
import { paragraphs, startPartnerSites } from '../helpers/partners.ts';
import { createSource } from '../../src/content/sources.ts';
import { pollSource } from '../../src/syndication/poll.ts';
import { isHtmlPage, readListPage } from '../../src/syndication/list_page.ts';

const expected = JSON.parse(readFileSync(new URL('../fixtures/syndication/expected.json', import.meta.url), 'utf8')) as Record<string, string[]>;

function listPage(base: string): string {
  return `<!doctype html><html><head><title>Latest news – Valley Herald</title></head><body>
<header><a href="/">Valley Herald</a><nav class="main-menu"><a href="/category/afghanistan/">Afghanistan</a><a href="/category/business/">Business</a>
<a href="/2026/11/29/menu-feature-story-of-the-week/">Feature of the week</a></nav></header>
<main class="latest">
  <article class="post"><h2 class="entry-title"><a href="/2026/11/30/floodwaters-recede-in-kunar/?utm_source=list#top">Floodwaters recede in Kunar as families return home</a></h2>
    <p>By <a href="/author/laila-ahmadi/">Laila Ahmadi</a> in <a href="/category/afghanistan/">Afghanistan</a></p>
    <a class="more" href="/2026/11/30/floodwaters-recede-in-kunar/">Read more</a></article>
  <article class="post"><h2 class="entry-title"><a href="${base}/herat-carpet-weavers-online/">Herat's carpet weavers find buyers online</a></h2>
    <a href="/tag/carpets/">carpets</a> <a class="more" href="${base}/herat-carpet-weavers-online/">Read more</a>
    <a href="/wp-content/uploads/2026/11/looms-large-photo.png">Full-size photo</a></article>
  <article class="post"><h2 class="entry-title"><a href="https://elsewhere.example/2026/11/30/a-story-on-another-site/">A story on another site</a></h2>
    <a class="more" href="/pamir-road">Read more</a></article>
  <div class="pagination"><h3><a href="/page/2/">Older stories on page two</a></h3></div>
</main>
<aside class="sidebar"><h3>Popular</h3><h4><a href="/2026/10/01/an-old-popular-story-here/">An old popular story here</a></h4></aside>
<footer><h4><a href="/about-the-valley-herald-team/">About the Valley Herald team</a></h4></footer>
</body></html>`;
}

test('story links are found on a list page, by guess and by selector', () => {
  const base = 'http://127.0.0.1:8080';
  const guessed = readListPage(listPage(base), `${base}/latest/`, '');
  assert.deepEqual(guessed.map((i) => [new URL(i.url).pathname, i.title]), [
    ['/2026/11/30/floodwaters-recede-in-kunar/', 'Floodwaters recede in Kunar as families return home'],
    ['/herat-carpet-weavers-online/', 'Herat\'s carpet weavers find buyers online'],
  ], 'stories in headlines of the content only: no menu, category, tag, author, paging, sidebar, footer, file or other site');
  assert.equal(guessed[0]?.key, 'https://127.0.0.1:8080/2026/11/30/floodwaters-recede-in-kunar', 'known by the canonical address');
  const chosen = readListPage(listPage(base), `${base}/latest/`, 'main .more');
  assert.deepEqual(chosen.map((i) => [new URL(i.url).pathname, i.title]), [
    ['/2026/11/30/floodwaters-recede-in-kunar/', ''], ['/herat-carpet-weavers-online/', ''], ['/pamir-road', ''],
  ], 'the selector\'s links ("Read more" is no headline: the story\'s own title is used)');
  assert.throws(() => readListPage(listPage(base), base, 'a[href'), /not a CSS selector/);
  assert.deepEqual([isHtmlPage('text/html', '<rss version="2.0">'), isHtmlPage('text/html; charset=utf-8', '<!-- x --><div>'),
    isHtmlPage(undefined, ' <!DOCTYPE html><html>'), isHtmlPage('application/rss+xml', '<?xml version="1.0"?><rss>')], [false, true, true, false]);
});

for (const dialect of testDialects()) {
  test(`a list-page source is polled through the feed pipeline (${dialect})`, async () => {
    const partners = await startPartnerSites();
    const t = await makeTestContext(dialect, { fetchAllow: ['127.0.0.1/32'] });
    try {
      const { ctx } = t;
      partners.pages.set('/latest/', listPage(partners.base));
      const guessed = await createSource(ctx, { name: 'Valley Herald', feedUrl: `${partners.base}/latest/`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false });
      const first = await pollSource(ctx, guessed);
      assert.deepEqual([first.outcome, first.seen, first.imported, first.failed], ['ok', 2, 2, 0], first.reason);
      const items = await ctx.db.selectFrom('syndicated_items').selectAll().orderBy('id').execute();
      const kunar = await ctx.db.selectFrom('articles').selectAll().where('id', '=', items[0]!.article_id).executeTakeFirstOrThrow();
      assert.deepEqual(paragraphs(kunar.body_html), expected['wordpress.html'], 'extracted and cleaned as a feed item is');
      assert.deepEqual([kunar.headline, kunar.status, kunar.original_byline], ['Floodwaters recede in Kunar as families return home', 'review', 'Laila Ahmadi']);
      const pageHits = () => [...partners.hits].filter(([p]) => p !== '/latest/' && p !== '/robots.txt').reduce((n, [, c]) => n + c, 0);
      const before = pageHits();
      assert.deepEqual((await pollSource(ctx, guessed)).imported, 0);
      assert.equal(pageHits(), before, 'a second poll fetches no story page it has seen');

      const chosen = await createSource(ctx, {
        name: 'Pamir Times', feedUrl: `${partners.base}/latest/`, listSelector: 'main .more', siteUrl: partners.base, description: '', language: 'en', autoPublish: true,
      });
      const second = await pollSource(ctx, chosen);
      assert.deepEqual([second.seen, second.imported, second.duplicates], [3, 1, 2], 'the two stories taken already are duplicates; the Pamir road story is new');
      const road = await ctx.db.selectFrom('articles').select(['headline', 'status']).where('source_id', '=', chosen).executeTakeFirstOrThrow();
      assert.deepEqual([road.status, road.headline.length > 0], ['published', true], 'the story page\'s own title');
    } finally {
      await t.close();
      await partners.close();
    }
  });
}
