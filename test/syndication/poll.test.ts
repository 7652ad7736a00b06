// Partner stories end to end on each database: three partners' feeds polled from loopback, stories extracted
// paragraph by paragraph, cleaned of the partners' furniture, deduplicated across partners, classified, filed
// for review; a second poll fetches no page; broken and busy partners back off. Polled at once, partners that carry
// the same story import it once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeTestContext, testDialects } from '../helpers/context.ts';
import { paragraphs, startPartnerSites } from '../helpers/partners.ts';
import { createSection } from '../../src/content/sections.ts';
import { createSource } from '../../src/content/sources.ts';
import { pollDueSources, pollSource } from '../../src/syndication/poll.ts';

const expected = JSON.parse(readFileSync(new URL('../fixtures/syndication/expected.json', import.meta.url), 'utf8')) as Record<string, string[]>;

for (const dialect of testDialects()) {
  test(`partner feeds polled, extracted, cleaned, deduplicated and classified (${dialect})`, async () => {
    const partners = await startPartnerSites();
    const t = await makeTestContext(dialect, { fetchAllow: ['127.0.0.1/32'] });
    try {
      const { ctx, clock } = t;
      const world = await createSection(ctx, { name: 'World News', slug: 'world' });
      const economy = await createSection(ctx, { name: 'Economy', slug: 'economy' });
      const valley = await createSource(ctx, {
        name: 'Valley Herald', feedUrl: `${partners.base}/valley/feed.xml`, siteUrl: partners.base, description: 'Eastern Afghanistan', language: 'en',
        autoPublish: false, categoryMap: { afghanistan: 'world' }, rules: [{ words: ['trucks'], section: 'economy' }], pollMinutes: 30,
      });
      const west = await createSource(ctx, {
        name: 'West Wind Weekly', feedUrl: `${partners.base}/west/atom.xml`, siteUrl: partners.base, description: 'Herat', language: 'en',
        autoPublish: true, rules: [{ words: ['carpet'], section: 'economy' }],
      });
      const third = await createSource(ctx, {
        name: 'Pamir Times', feedUrl: `${partners.base}/third/feed.json`, siteUrl: partners.base, description: 'Badakhshan', language: 'fa',
        autoPublish: false, sectionId: world,
      });
      const broken = await createSource(ctx, { name: 'Broken Feed', feedUrl: `${partners.base}/broken/feed.xml`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false, pollMinutes: 10 });
      const busy = await createSource(ctx, { name: 'Busy Partner', feedUrl: `${partners.base}/busy/feed.xml`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false, pollMinutes: 10 });

      // One source at a time here, so which partner a shared story is credited to is known (the concurrent poll
      // below proves the same story is still imported once).
      const first = await pollDueSources(ctx, undefined, 1);
      const by = new Map(first.map((r) => [r.sourceId, r]));
      assert.deepEqual([by.get(valley)?.imported, by.get(valley)?.failed], [2, 1], 'two stories, and the page the partner took down fails');
      assert.deepEqual([by.get(west)?.imported, by.get(west)?.duplicates], [1, 1], 'the Kunar story via its AMP address is the same story');
      assert.deepEqual([by.get(third)?.imported, by.get(third)?.duplicates], [1, 1], 'the Wakhan reprint is the same text as the Pamir road story');

      const items = await ctx.db.selectFrom('syndicated_items').selectAll().orderBy('id').execute();
      const article = async (url: string) => {
        const item = items.find((i) => i.original_url.startsWith(`${partners.base}${url}`) && i.outcome === 'imported');
        assert.ok(item?.article_id, url);
        return { item, a: await ctx.db.selectFrom('articles').selectAll().where('id', '=', item.article_id).executeTakeFirstOrThrow() };
      };
      const kunar = await article('/2026/11/30/floodwaters-recede-in-kunar/');
      assert.deepEqual(paragraphs(kunar.a.body_html), expected['wordpress.html']);
      assert.deepEqual([kunar.a.status, kunar.a.section_id, kunar.item.section_why], ['review', world, 'the partner\'s category "Afghanistan" maps to world']);
      assert.deepEqual([kunar.a.original_byline, kunar.a.original_published_at, kunar.a.source_id], ['Laila Ahmadi', '2026-11-30T06:15:00.000Z', valley]);
      const hero = await ctx.db.selectFrom('media').selectAll().where('id', '=', kunar.a.hero_media_id).executeTakeFirstOrThrow();
      assert.equal(hero.credit, 'Valley Herald', 'the lead image is re-hosted with its credit');

      const carpets = await article('/herat-carpet-weavers-online/');
      assert.deepEqual(paragraphs(carpets.a.body_html), expected['ghost.html']);
      assert.deepEqual([carpets.a.status, carpets.a.section_id, carpets.item.section_why], ['published', economy, 'the source\'s rule: mentions "carpet"']);
      assert.match(carpets.a.body_html, /<img [^>]*src="\/media\/[^"]+"/, 'body images point at our copies');
      assert.doesNotMatch(carpets.a.body_html, /127\.0\.0\.1/, 'no reader request goes to the partner');

      const road = await article('/pamir-road');
      assert.deepEqual(paragraphs(road.a.body_html), expected['plain.html']);
      assert.equal(road.a.section_id, economy, 'no mapped category: the rule on "trucks"');
      const schools = await article('/badakhshan-schools');
      assert.deepEqual(paragraphs(schools.a.body_html), expected['windows-1256.html']);
      assert.deepEqual([schools.a.language, schools.a.section_id, schools.item.section_why], ['fa', world, "the source's default section"]);

      const all = (await ctx.db.selectFrom('articles').select('body_html').execute()).map((r) => r.body_html).join('\n');
      for (const phrase of expected.forbidden ?? []) assert.ok(!all.includes(phrase), `"${phrase}" must not come through`);

      const failed = items.find((i) => i.outcome === 'failed');
      assert.match(failed?.reason ?? '', /answered 404/);
      assert.deepEqual([by.get(broken)?.outcome, by.get(busy)?.outcome], ['failed', 'busy']);
      assert.match(by.get(broken)?.reason ?? '', /not a readable/);
      const brokenRow = await ctx.db.selectFrom('sources').selectAll().where('id', '=', broken).executeTakeFirstOrThrow();
      assert.deepEqual([brokenRow.failures, brokenRow.next_poll_at], [1, '2026-11-25T09:20:00.000Z'], 'backs off: twice the interval');
      const busyRow = await ctx.db.selectFrom('sources').selectAll().where('id', '=', busy).executeTakeFirstOrThrow();
      assert.equal(busyRow.next_poll_at, '2026-11-25T09:20:00.000Z', 'Retry-After (15 min) is below the back-off (20 min)');

      // Within the interval nothing is due; after it, the feeds answer "not modified" and no page is fetched.
      assert.deepEqual(await pollDueSources(ctx), []);
      const pageHits = [...partners.hits].filter(([p]) => !/feed|atom|robots/.test(p)).reduce((n, [, c]) => n + c, 0);
      clock.advance(61 * 60_000);
      const second = await pollDueSources(ctx);
      assert.deepEqual(second.filter((r) => [valley, west, third].includes(r.sourceId)).map((r) => r.outcome), ['not_modified', 'not_modified', 'not_modified']);
      assert.equal([...partners.hits].filter(([p]) => !/feed|atom|robots/.test(p)).reduce((n, [, c]) => n + c, 0), pageHits, 'a second poll fetches no page');
      const again = await pollSource(ctx, broken);
      assert.equal(again.outcome, 'failed');
      const brokenAgain = await ctx.db.selectFrom('sources').select(['failures']).where('id', '=', broken).executeTakeFirstOrThrow();
      assert.equal(brokenAgain.failures, 3, 'failures in a row keep counting');
      const polls = await ctx.db.selectFrom('source_polls').selectAll().where('source_id', '=', valley).execute();
      assert.deepEqual(polls.map((p) => [p.outcome, p.items_seen, p.items_new]), [['ok', 3, 2], ['not_modified', 0, 0]]);
    } finally {
      await t.close();
      await partners.close();
    }
  });
}

/** Holds each request for a page in `pairs` until the other page of its pair is asked for too, so that both imports
 * of a shared story are under way at once; `overlapped` counts the pairs that met (a poll one source at a time would
 * never meet, and is let through after a while so that the test ends and says so). */
function meetInPairs(pairs: [string, string][]) {
  const waiting = new Map<string, () => void>();
  const state = { overlapped: 0 };
  const gate = (path: string) => new Promise<void>((resolve) => {
    const pair = pairs.find((p) => p.includes(path));
    if (!pair) return resolve();
    const other = pair[0] === path ? pair[1] : pair[0];
    const release = waiting.get(other);
    if (release) {
      waiting.delete(other);
      state.overlapped++;
      release();
      return resolve();
    }
    waiting.set(path, resolve);
    setTimeout(() => { if (waiting.get(path) === resolve) { waiting.delete(path); resolve(); } }, 3000).unref();
  });
  return { gate, state };
}

for (const dialect of testDialects()) {
  test(`partners polled at once that carry the same story import it once (${dialect})`, async () => {
    const partners = await startPartnerSites();
    const t = await makeTestContext(dialect, { fetchAllow: ['127.0.0.1/32'] });
    try {
      const { ctx } = t;
      const world = await createSection(ctx, { name: 'World News', slug: 'world' });
      // West's copy of the Kunar story is its AMP page; the Wakhan story is the Pamir road story reprinted.
      partners.pages.set('/2026/11/30/floodwaters-recede-in-kunar/amp/', readFileSync(new URL('../fixtures/syndication/wordpress.html', import.meta.url), 'utf8').replaceAll('{{BASE}}', partners.base));
      const meet = meetInPairs([['/2026/11/30/floodwaters-recede-in-kunar/', '/2026/11/30/floodwaters-recede-in-kunar/amp/'], ['/pamir-road', '/wakhan-road-opens']]);
      partners.gate = meet.gate;
      const common = { siteUrl: partners.base, description: '', language: 'en' as const, autoPublish: false, sectionId: world };
      await createSource(ctx, { ...common, name: 'Valley Herald', feedUrl: `${partners.base}/valley/feed.xml` });
      await createSource(ctx, { ...common, name: 'West Wind Weekly', feedUrl: `${partners.base}/west/atom.xml` });
      await createSource(ctx, { ...common, name: 'Pamir Times', feedUrl: `${partners.base}/third/feed.json`, language: 'fa' });

      const results = await pollDueSources(ctx);
      assert.equal(meet.state.overlapped, 2, 'both shared stories were fetched by two partners at once');
      assert.equal(results.reduce((n, r) => n + r.imported, 0), 4, 'Kunar, Pamir road, carpets and schools, once each');
      assert.equal(results.reduce((n, r) => n + r.duplicates, 0), 2, 'the second copy of each shared story is a duplicate');
      const items = await ctx.db.selectFrom('syndicated_items').select(['outcome', 'original_url', 'duplicate_of', 'article_id']).execute();
      const imported = items.filter((i) => i.outcome === 'imported');
      assert.equal(imported.filter((i) => i.original_url.includes('floodwaters-recede-in-kunar')).length, 1, 'the Kunar story once');
      assert.equal(imported.filter((i) => /pamir-road|wakhan-road-opens/.test(i.original_url)).length, 1, 'the road story once');
      for (const d of items.filter((i) => i.outcome === 'duplicate')) assert.ok(d.duplicate_of, 'a duplicate names the story it repeats');
      const articles = await ctx.db.selectFrom('articles').select('id').execute();
      assert.equal(articles.length, 4);
    } finally {
      partners.gate = null;
      await t.close();
      await partners.close();
    }
  });
}
