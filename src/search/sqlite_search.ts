// Site search on SQLite: the FTS5 table search_fts (rowid = article id) and the
// filters in search_facets (migration 0007), joined by article id only when the reader filters.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { MARK_END, MARK_START, queryTerms } from './normalise.ts';
import { matchAndFilters } from './filters.ts';
import { RANKED, type SearchIndex, type SearchQuery } from './types.ts';

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

/** `ranked`: how many of the newest matches are ranked (a smaller number in tests). */
export function sqliteSearch(db: Db, ranked = RANKED): SearchIndex {
  return {
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
      const where = matchAndFilters(sql`search_fts match ${match}`, q);
      // The newest RANKED matches, read in the index's own rowid order (no ranking yet); one more says there are more.
      const newest = await sql<{ id: number }>`select search_fts.rowid as id from ${from} where ${where}
        order by search_fts.rowid desc limit ${ranked + 1}`.execute(db);
      const more = newest.rows.length > ranked;
      const candidates = newest.rows.slice(0, ranked).map((r) => Number(r.id));
      if (!candidates.length || q.offset >= candidates.length) return { total: candidates.length, more, hits: [] };
      // bm25 only for the candidates: a rowid range FTS5 seeks to, rather than every match of a common word.
      const scored = await sql<{ id: number; score: number }>`select search_fts.rowid as id, ${RANK} as score from ${from}
        where ${where} and search_fts.rowid >= ${candidates.at(-1)}
        order by score, search_fts.rowid desc limit ${q.limit} offset ${q.offset}`.execute(db);
      // A snippet a result, each read by its rowid: FTS5 seeks a one-row range but rescans a list given as IN (...).
      const hits = await Promise.all(scored.rows.map(async (r) => {
        const id = Number(r.id);
        const s = await sql<{ snippet: string }>`select snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
          from search_fts where search_fts match ${match} and rowid >= ${id} and rowid <= ${id}`.execute(db);
        return { articleId: id, rank: -Number(r.score), snippet: s.rows[0]?.snippet ?? '' };
      }));
      return { total: candidates.length, more, hits };
    },
  };
}
