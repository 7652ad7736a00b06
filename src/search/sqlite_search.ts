// Site search on SQLite: the FTS5 table search_fts (migration 0006), rowid = article id. Filters are UNINDEXED
// columns of the same table, so one statement answers a page.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { MARK_END, MARK_START, queryTerms } from './normalise.ts';
import { matchAndFilters } from './filters.ts';
import type { SearchIndex, SearchQuery } from './types.ts';

/** FTS5 syntax from plain words: each one a quoted string (the words hold only letters and digits), all of them
 * required, the last one also as a prefix so results come while a word is still being typed. */
export function fts5Match(terms: string[]): string {
  return terms.map((t, i) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`)).join(' ');
}

// bm25 weights per column: the unindexed filters (first, so reading them skips the long body), then headline,
// standfirst, body, people, tags.
const RANK = sql`bm25(search_fts, 0, 0, 0, 10.0, 4.0, 1.0, 3.0, 3.0)`;

export function sqliteSearch(db: Db): SearchIndex {
  return {
    async index(d) {
      await sql`delete from search_fts where rowid = ${d.articleId}`.execute(db);
      await sql`insert into search_fts (rowid, headline, standfirst, body, people, tags, section_id, language, published_at)
        values (${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.people}, ${d.tags}, ${d.sectionId}, ${d.language}, ${d.publishedAt})`.execute(db);
    },
    async remove(articleId) {
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db);
    },
    async isEmpty() {
      return (await sql`select rowid from search_fts limit 1`.execute(db)).rows.length === 0;
    },
    async clear() {
      await sql`delete from search_fts`.execute(db);
    },
    async query(q: SearchQuery) {
      const terms = queryTerms(q.q);
      if (!terms.length) return { total: 0, hits: [] };
      const where = matchAndFilters(sql`search_fts match ${fts5Match(terms)}`, q);
      // Snippets only for the page's rows: SQLite would otherwise make one for every match before sorting.
      const [count, ranked] = await Promise.all([
        sql<{ n: number }>`select count(*) as n from search_fts where ${where}`.execute(db),
        sql<{ id: number; score: number }>`select rowid as id, ${RANK} as score from search_fts where ${where}
          order by score, published_at desc, rowid desc limit ${q.limit} offset ${q.offset}`.execute(db),
      ]);
      const ids = ranked.rows.map((r) => Number(r.id));
      const snippets = new Map<number, string>();
      if (ids.length) {
        const rows = await sql<{ id: number; snippet: string }>`select rowid as id, snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
          from search_fts where search_fts match ${fts5Match(terms)} and rowid in (${sql.join(ids)})`.execute(db);
        for (const r of rows.rows) snippets.set(Number(r.id), r.snippet);
      }
      return {
        total: Number(count.rows[0]?.n ?? 0),
        hits: ranked.rows.map((r) => ({ articleId: Number(r.id), rank: -Number(r.score), snippet: snippets.get(Number(r.id)) ?? '' })),
      };
    },
  };
}
