// Site search on SQLite: the FTS5 table search_fts (rowid = article id) and the
// filters in search_facets (migration 0007), joined by article id only when the reader filters.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/schema.ts';
import { queryTerms } from './normalise.ts';
import { matchAndFilters } from './filters.ts';
import { snippetOf } from './snippet.ts';
import { COMMON, RANKED, type SearchIndex, type SearchQuery } from './types.ts';

/** FTS5 syntax from plain words: each one a quoted string (the words hold only letters and digits), all of them
 * required. Whole words only: the last word as a prefix merged the lists of every word it starts, 50-150 ms for a
 * common one over 100,000 stories, and the search form sends whole words. */
export function fts5Match(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(' ');
}

// bm25 weights per column: headline, standfirst, body, people, tags.
const RANK = sql`bm25(search_fts, 10.0, 4.0, 1.0, 3.0, 3.0)`;

function hasFilters(q: SearchQuery): boolean {
  return q.sectionId !== undefined || q.language !== undefined || q.from !== undefined || q.to !== undefined;
}

/** `ranked`: how many of the newest matches are ranked; `common`: in how many stories a word stops counting in the
 * score (smaller numbers in tests). */
export function sqliteSearch(db: Db, ranked = RANKED, common = COMMON): SearchIndex {
  const index: SearchIndex = {
    async index(d) {
      await this.indexMany([d]);
    },
    async indexMany(docs) {
      // 6 values a row: 500 rows stay far below SQLite's 32,766 bound parameters.
      for (let i = 0; i < docs.length; i += 500) {
        const batch = docs.slice(i, i + 500);
        const ids = sql.join(batch.map((d) => d.articleId));
        await db.transaction().execute(async (trx) => {
          await sql`delete from search_fts where rowid in (${ids})`.execute(trx);
          await sql`delete from search_facets where article_id in (${ids})`.execute(trx);
          await sql`insert into search_fts (rowid, headline, standfirst, body, people, tags)
            values ${sql.join(batch.map((d) => sql`(${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.people}, ${d.tags})`))}`.execute(trx);
          await sql`insert into search_facets (article_id, section_id, language, published_at)
            values ${sql.join(batch.map((d) => sql`(${d.articleId}, ${d.sectionId}, ${d.language}, ${d.publishedAt})`))}`.execute(trx);
        });
      }
    },
    async remove(articleId) {
      await db.transaction().execute(async (trx) => {
        await sql`delete from search_fts where rowid = ${articleId}`.execute(trx);
        await sql`delete from search_facets where article_id = ${articleId}`.execute(trx);
      });
    },
    async isEmpty() {
      return (await sql`select rowid from search_fts limit 1`.execute(db)).rows.length === 0;
    },
    async clear() {
      await db.transaction().execute(async (trx) => {
        await sql`delete from search_fts`.execute(trx);
        await sql`delete from search_facets`.execute(trx);
      });
    },
    async query(q: SearchQuery) {
      const terms = queryTerms(q.q);
      if (!terms.length) return { total: 0, more: false, hits: [] };
      const match = fts5Match(terms);
      const from = hasFilters(q) ? sql`search_fts join search_facets on article_id = search_fts.rowid` : sql`search_fts`;
      // The newest RANKED matches, read in the index's own rowid order (no ranking yet); one more says there are more.
      const newest = await sql<{ id: number }>`select search_fts.rowid as id from ${from} where ${matchAndFilters(sql`search_fts match ${match}`, q)}
        order by search_fts.rowid desc limit ${ranked + 1}`.execute(db);
      const more = newest.rows.length > ranked;
      const candidates = newest.rows.slice(0, ranked).map((r) => Number(r.id));
      if (!candidates.length || q.offset >= candidates.length) return { total: candidates.length, more, hits: [] };
      const page = await rankedPage(q, terms, candidates, from);
      const texts = await sql<{ id: number; standfirst: string; body: string }>`select rowid as id, standfirst, body from search_fts
        where rowid in (${sql.join(page.map((h) => h.id))})`.execute(db);
      const text = new Map(texts.rows.map((r) => [Number(r.id), `${r.standfirst} ${r.body}`]));
      return { total: candidates.length, more, hits: page.map((h) => ({ articleId: h.id, rank: h.rank, snippet: snippetOf(text.get(h.id) ?? '', terms) })) };
    },
  };
  return index;

  /** The words of the query found in more than `common` stories: whether the common-th newest story with it exists. */
  async function commonTerms(terms: string[]): Promise<Set<string>> {
    const found = await Promise.all(terms.map(async (t) => (await sql`select rowid from search_fts where search_fts match ${fts5Match([t])}
      order by rowid desc limit 1 offset ${common}`.execute(db)).rows.length > 0));
    return new Set(terms.filter((_, i) => found[i]));
  }

  /** The page of the candidates (the newest matches, newest first), best first. bm25 counts every story holding
   * each word of the query before it scores one, 10 ms for a word in half of 100,000 stories: a word in more than
   * `common` stories (little help in telling stories apart) is left out of the score. With only such words, stories
   * with one in the headline come first, then the newest. */
  async function rankedPage(q: SearchQuery, terms: string[], candidates: number[], from: RawBuilder<unknown>): Promise<{ id: number; rank: number }[]> {
    // The candidates' rowid range, both ends: with a date filter the newest matches may lie far back.
    const lowest = candidates.at(-1) ?? 0;
    const highest = candidates[0] ?? 0;
    const frequent = await commonTerms(terms);
    const telling = terms.filter((t) => !frequent.has(t));
    const inCandidates = new Set(candidates);
    let order: { id: number; rank: number }[];
    if (telling.length) {
      // Within the candidates' rowid range, which FTS5 seeks to, rather than every match of the word.
      const scored = await sql<{ id: number; score: number }>`select search_fts.rowid as id, ${RANK} as score from ${from}
        where ${matchAndFilters(sql`search_fts match ${fts5Match(telling)}`, q)} and search_fts.rowid >= ${lowest} and search_fts.rowid <= ${highest}
        order by score, search_fts.rowid desc`.execute(db);
      order = scored.rows.filter((r) => inCandidates.has(Number(r.id))).map((r) => ({ id: Number(r.id), rank: -Number(r.score) }));
    } else {
      const inHeadline = await sql<{ id: number }>`select rowid as id from search_fts
        where search_fts match ${`headline : (${terms.map((t) => `"${t}"`).join(' OR ')})`} and rowid >= ${lowest} and rowid <= ${highest}`.execute(db);
      const first = new Set(inHeadline.rows.map((r) => Number(r.id)));
      order = [...candidates.filter((id) => first.has(id)).map((id) => ({ id, rank: 1 })), ...candidates.filter((id) => !first.has(id)).map((id) => ({ id, rank: 0 }))];
    }
    return order.slice(q.offset, q.offset + q.limit);
  }
}
