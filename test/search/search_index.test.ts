// The search index on both databases: Dari, Pashto and English stories found however a word is typed, ranked,
// filtered, paged, and kept current as the newsroom publishes, edits, unpublishes, archives and deletes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dailyStories } from '../helpers/newsroom.ts';
import { makeTestContext, testDialects, type TestContext } from '../helpers/context.ts';
import { archiveArticle, createArticle, deleteArticle, publishArticle, unpublishArticle, updateArticle } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson, updatePerson } from '../../src/content/people.ts';
import { reindexAll, searchIndexFor, type SearchQuery } from '../../src/search/search_index.ts';
import { MARK_END, MARK_START, queryTerms } from '../../src/search/normalise.ts';
import { fillEmptySearchIndex } from '../../src/search/watch.ts';

const actor = { userId: null };
const BAD_QUERIES = ['', '   ', 'x'.repeat(10_000), '"', '"unclosed', 'NEAR(', 'NEAR(a b', '*', 'kabul*', '-', '-kabul', '(', '((kabul', 'kabul)',
  'OR', 'kabul OR', 'AND NOT', ':', 'headline:kabul', '^kabul', '{a b}', "'", "kabul' & !", '\\', '\u0000', '\uE000kabul\uE001'];

for (const dialect of testDialects()) {
  describe(`site search (${dialect})`, () => {
    let t: TestContext;
    const ids: Record<string, number> = {};
    let world = 0;
    let local = 0;
    const find = (q: string, more: Partial<SearchQuery> = {}) => searchIndexFor(t.ctx).query({ q, limit: 20, offset: 0, ...more });
    const publishedAt = async (id: number) =>
      (await t.ctx.db.selectFrom('articles').select('published_at').where('id', '=', id).executeTakeFirstOrThrow()).published_at ?? '';
    const found = async (q: string, more: Partial<SearchQuery> = {}) => (await find(q, more)).hits.map((h) => h.articleId);

    before(async () => {
      t = await makeTestContext(dialect);
      world = await createSection(t.ctx, { name: 'World', position: 1 });
      local = await createSection(t.ctx, { name: 'Local', position: 2 });
      const reporter = await createPerson(t.ctx, { name: 'Zarghuna Wardak' });
      const story = dailyStories(t, ids);
      // Written with Arabic letter forms (ي ك), harakat, tatweel and a ZWNJ: readers type the Persian forms.
      await story('dari', { headline: 'كابل در زمستان', language: 'fa', sectionId: local, bodyHtml: '<p>مردم كابل مي‌روند و دانشگاه‌ها بسته‌اند. مَدرسه‌ها بـــاز شد.</p>' });
      await story('pashto', { headline: 'د ښځو زده کړه', language: 'ps', sectionId: local, bodyHtml: '<p>ځوانان په ګډه کار کوي او ټولنه پراخېږي.</p>' });
      await story('headline', { headline: 'Floods reach Kandahar', language: 'en', sectionId: world, bodyHtml: '<p>Water rose overnight.</p>', authorIds: [reporter], tags: ['Weather'] });
      await story('body', { headline: 'Evening briefing', language: 'en', sectionId: world, bodyHtml: '<p>Among other news, floods were reported in the south near Kandahar.</p>' });
      await story('cafe', { headline: 'A café reopens', language: 'en', sectionId: local, bodyHtml: '<p>The Café du Nord serves <b>tea</b> again.</p>' });
      for (let i = 1; i <= 5; i++) await story(`page${i}`, { headline: `Budget report ${i}`, language: 'en', sectionId: world, bodyHtml: '<p>Budget lines.</p>' });
    });
    after(() => t.close());

    test('Dari words are found in Persian letter forms, with or without ZWNJ and diacritics', async () => {
      for (const q of ['کابل', 'كابل', 'كابل', 'می‌روند', 'میروند', 'مي‌روند', 'دانشگاه‌ها', 'دانشگاهها', 'مدرسه‌ها', 'مَدرسه‌ها', 'باز', 'بـاز']) {
        assert.deepEqual(await found(q), [ids.dari], q);
      }
    });

    test('Pashto letters are found as written', async () => {
      for (const q of ['ښځو', 'ځوانان', 'ګډه', 'ټولنه', 'پراخېږي', 'کړه']) assert.deepEqual(await found(q), [ids.pashto], q);
    });

    test('English words are found whatever their case and accents', async () => {
      assert.deepEqual(await found('CAFE'), [ids.cafe]);
      assert.deepEqual(await found('café du nord'), [ids.cafe]);
      assert.deepEqual(await found('weather'), [ids.headline], 'tags are searched');
      assert.deepEqual(await found('wardak'), [ids.headline], 'bylines are searched');
      assert.deepEqual(await found('budg'), [], 'whole words only: a part of a word finds nothing');
      assert.deepEqual(await found('budget'), [ids.page5, ids.page4, ids.page3, ids.page2, ids.page1]);
    });

    test('a headline match ranks above a body-only match', async () => {
      const r = await find('kandahar floods');
      assert.deepEqual(r.hits.map((h) => h.articleId), [ids.headline, ids.body]);
      assert.ok(r.hits[0].rank > r.hits[1].rank);
    });

    test('snippets mark the matched words', async () => {
      const [hit] = (await find('reported')).hits;
      assert.match(hit.snippet, new RegExp(`${MARK_START}reported${MARK_END}`));
      const [dari] = (await find('دانشگاهها')).hits;
      assert.ok(dari.snippet.includes(MARK_START) && dari.snippet.includes(MARK_END), dari.snippet);
    });

    test('filters by section, language and date; paging', async () => {
      assert.deepEqual(await found('kandahar', { sectionId: local }), []);
      assert.equal((await found('kandahar', { sectionId: world })).length, 2);
      assert.deepEqual(await found('کابل', { language: 'en' }), []);
      assert.deepEqual(await found('کابل', { language: 'fa' }), [ids.dari]);
      const at = await t.ctx.db.selectFrom('articles').select(['id', 'published_at']).where('id', 'in', [ids.page2, ids.page4]).orderBy('id').execute();
      assert.deepEqual(await found('budget', { from: at[0].published_at ?? '', to: at[1].published_at ?? '' }), [ids.page3, ids.page2]);
      const p1 = await find('budget', { limit: 2, offset: 0 });
      const p3 = await find('budget', { limit: 2, offset: 4 });
      assert.equal(p1.total, 5);
      assert.deepEqual(p1.hits.map((h) => h.articleId), [ids.page5, ids.page4]);
      assert.deepEqual(p3.hits.map((h) => h.articleId), [ids.page1]);
    });

    test('a word in more stories than are ranked: the newest are ranked and paged, and the results say there are more', async () => {
      const bounded = (q: string, more: Partial<SearchQuery> = {}) => searchIndexFor(t.ctx, 3).query({ q, limit: 2, offset: 0, ...more });
      const first = await bounded('budget');
      assert.equal(first.total, 3);
      assert.equal(first.more, true);
      assert.deepEqual(first.hits.map((h) => h.articleId), [ids.page5, ids.page4]);
      const second = await bounded('budget', { offset: 2 });
      assert.deepEqual(second.hits.map((h) => h.articleId), [ids.page3], 'the last page holds the rest of the ranked ones');
      assert.deepEqual((await bounded('budget', { offset: 4 })).hits, [], 'past the ranked ones, an empty page');
      const exact = await searchIndexFor(t.ctx, 5).query({ q: 'budget', limit: 10, offset: 0 });
      assert.deepEqual([exact.total, exact.more], [5, false], 'as many matches as are ranked: an exact count');
      const filtered = await bounded('budget', { from: (await publishedAt(ids.page2)), to: (await publishedAt(ids.page5)) });
      assert.deepEqual([filtered.total, filtered.more, filtered.hits.map((h) => h.articleId)], [3, false, [ids.page4, ids.page3]],
        'filters apply before the bound');
      const ranked = await searchIndexFor(t.ctx, 2).query({ q: 'kandahar floods', limit: 10, offset: 0 });
      assert.deepEqual(ranked.hits.map((h) => h.articleId), [ids.headline, ids.body], 'within the bound, rank still orders');
      assert.match(ranked.hits[1].snippet, new RegExp(`${MARK_START}kandahar${MARK_END}`, 'i'));
    });

    test('each way of finding and ranking matches gives the same stories in the same order', async () => {
      // SQLite: `common` 0 leaves every word out of bm25 (headline matches first, then the newest), 1 leaves out words
      // in two or more stories (bm25 over the rest); PostgreSQL: 0 walks the newest stories, a billion takes the GIN index.
      const queries: [string, Partial<SearchQuery>][] = [['budget', {}], ['kandahar floods', {}], ['kandahar weather', {}], ['کابل', {}],
        ['kandahar', { sectionId: world }], ['kandahar', { sectionId: local }], ['budget', { language: 'en', sectionId: world }],
        ['budget', { from: await publishedAt(ids.page2), to: await publishedAt(ids.page5) }], ['budget', { limit: 2, offset: 2 }]];
      for (const common of [0, 1, 1_000_000_000]) {
        for (const [q, more] of queries) {
          const plan = await searchIndexFor(t.ctx, undefined, common).query({ q, limit: 20, offset: 0, ...more });
          const usual = await find(q, more);
          assert.deepEqual(plan.hits.map((h) => h.articleId), usual.hits.map((h) => h.articleId), `${q} ${JSON.stringify(more)} common=${common}`);
          assert.deepEqual([plan.total, plan.more], [usual.total, usual.more]);
        }
      }
      const [first] = (await searchIndexFor(t.ctx, undefined, 0).query({ q: 'reported', limit: 20, offset: 0 })).hits;
      assert.match(first.snippet, new RegExp(`${MARK_START}reported${MARK_END}`), 'snippets whatever the plan');
    });

    test('queries with search syntax or nothing to look for answer normally', async () => {
      for (const q of BAD_QUERIES) await assert.doesNotReject(find(q), JSON.stringify(q.slice(0, 40)));
      assert.deepEqual(await find(''), { total: 0, more: false, hits: [] });
      assert.deepEqual(await found('"kandahar'), [ids.headline, ids.body]);
      assert.deepEqual(await found('-kandahar'), [ids.headline, ids.body], 'a minus is not a NOT');
      assert.deepEqual(queryTerms('NEAR(a OR b:c) "d" * -e'), ['near', 'a', 'or', 'b', 'c', 'd', 'e']);
    });

    test('the index follows publish, edit, unpublish, archive, delete and renamed bylines', async () => {
      const id = await createArticle(t.ctx, { headline: 'Quartz mine', language: 'en', bodyHtml: '<p>x</p>' }, actor);
      assert.deepEqual(await found('quartz'), [], 'drafts are not searchable');
      await publishArticle(t.ctx, id, actor);
      assert.deepEqual(await found('quartz'), [id]);
      await updateArticle(t.ctx, id, { headline: 'Emerald mine' }, actor);
      assert.deepEqual(await found('quartz'), []);
      assert.deepEqual(await found('emerald'), [id]);
      await unpublishArticle(t.ctx, id, actor);
      assert.deepEqual(await found('emerald'), []);
      await publishArticle(t.ctx, id, actor);
      await archiveArticle(t.ctx, id, actor);
      assert.deepEqual(await found('emerald'), []);
      await publishArticle(t.ctx, id, actor);
      assert.deepEqual(await found('emerald'), [id]);
      await deleteArticle(t.ctx, id, actor);
      assert.deepEqual(await found('emerald'), []);
      const person = (await t.ctx.db.selectFrom('people').select('id').where('name', '=', 'Zarghuna Wardak').executeTakeFirstOrThrow()).id;
      await updatePerson(t.ctx, person, { name: 'Zarghuna Stanekzai' });
      assert.deepEqual(await found('stanekzai'), [ids.headline]);
    });

    test('search.reindex rebuilds the index from the published stories', async () => {
      await searchIndexFor(t.ctx).clear();
      assert.deepEqual(await found('kandahar'), []);
      assert.equal(await reindexAll(t.ctx), Object.keys(ids).length);
      assert.equal((await found('kandahar')).length, 2);
      assert.equal(await fillEmptySearchIndex(t.ctx), 0, 'a filled index is left alone on start');
      await searchIndexFor(t.ctx).clear();
      assert.equal(await fillEmptySearchIndex(t.ctx), Object.keys(ids).length, 'an empty one is filled on start');
      assert.equal((await found('kandahar')).length, 2);
    });
  });
}
