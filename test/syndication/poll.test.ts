// Partner stories end to end on each database: three partners' feeds polled from loopback, stories extracted
// paragraph by paragraph, cleaned of the partners' furniture, deduplicated across partners, classified, filed
// for review; a second poll fetches no page; broken and busy partners back off.
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

      const first = await pollDueSources(ctx);
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
