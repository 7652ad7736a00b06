// Site search on PostgreSQL: the table search_documents (migration 0006) with a weighted tsvector under a GIN
// index; only the newest matches are ranked (RANKED in ./types.ts). The 'simple' configuration lowercases and
// nothing more: no English stemming of Dari or Pashto words.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/schema.ts';
import { queryTerms } from './normalise.ts';
import { filtersOnly, matchAndFilters } from './filters.ts';
import { snippetOf } from './snippet.ts';
import { remember } from '../remember.ts';
import { RANKED, type SearchDocument, type SearchIndex, type SearchQuery } from './types.ts';

/** tsquery syntax from plain words (letters and digits only): all required. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ');
}

/** Above this many estimated matches, the newest are found by walking the stories newest first rather than through
 * the GIN index. Measured over 100,000 stories: a walk reads about ranked / share-of-stories-matching tsvectors, the
 * index route a heap row a match; they cost the same near 12,000 matches. */
const MANY = 10_000;

/** `ranked`: how many of the newest matches are ranked; `common`: the estimated matches above which the newest are
 * found by walking (smaller numbers in tests). */
export function postgresSearch(db: Db, ranked = RANKED, common = MANY): SearchIndex {
  // The planner's estimate for a set of words, kept per words: it moves only when ANALYZE refreshes the statistics,
  // and it chooses a route, never a result (both routes find the same stories), so a search for the same words
  // with other filters or on the next page plans once. A failed estimate takes the walk, which is right for any count.
  const estimates = remember<Promise<number>>(1000);
  const index: SearchIndex = {
    async index(d) {
      await this.indexMany([d]);
    },
    async indexMany(docs) {
      // The vector is built from lowercased text: PostgreSQL's own lowercasing follows the database's locale,
      // which may fold ASCII only. 200 rows a statement keeps each one to a few megabytes of text.
      const lower = (s: string) => s.toLowerCase();
      const vector = (d: SearchDocument) => sql`setweight(to_tsvector('simple', ${lower(d.headline)}), 'A') || setweight(to_tsvector('simple', ${lower(d.standfirst)}), 'B')
        || setweight(to_tsvector('simple', ${lower(`${d.people} ${d.tags}`)}), 'C') || setweight(to_tsvector('simple', ${lower(d.body)}), 'D')`;
      for (let i = 0; i < docs.length; i += 200) {
        const rows = docs.slice(i, i + 200).map((d) => sql`(${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.people}, ${d.tags}, ${d.sectionId}, ${d.language}, ${d.publishedAt}, ${vector(d)})`);
        await sql`insert into search_documents (article_id, headline, standfirst, body, people, tags, section_id, language, published_at, document)
          values ${sql.join(rows)}
          on conflict (article_id) do update set headline = excluded.headline, standfirst = excluded.standfirst, body = excluded.body,
            people = excluded.people, tags = excluded.tags, section_id = excluded.section_id, language = excluded.language,
            published_at = excluded.published_at, document = excluded.document`.execute(db);
      }
    },
    async remove(articleId) {
      await sql`delete from search_documents where article_id = ${articleId}`.execute(db);
    },
    async isEmpty() {
      return (await sql`select article_id from search_documents limit 1`.execute(db)).rows.length === 0;
    },
    async clear() {
      await sql`delete from search_documents`.execute(db);
    },
    async query(q: SearchQuery) {
      const terms = queryTerms(q.q);
      if (!terms.length) return { total: 0, more: false, hits: [] };
      const words = tsQuery(terms);
      const query = sql`to_tsquery('simple', ${words})`;
      const { rows } = await sql<{ n: number; id: number | null; score: number | null; standfirst: string | null; body: string | null }>`with
          candidates as materialized (${await newestMatches(q, query, words)}),
          ranked as (select d.article_id, d.published_at, ts_rank(d.document, ${query}) as score
            from (select article_id from candidates order by article_id desc limit ${ranked}) c join search_documents d on d.article_id = c.article_id),
          page as (select * from ranked order by score desc, published_at desc, article_id desc limit ${q.limit} offset ${q.offset})
        select (select count(*) from candidates) as n, page.article_id as id, page.score, d.standfirst, d.body
        from (select 1) one left join page on true left join search_documents d on d.article_id = page.article_id
        order by page.score desc, page.published_at desc, page.article_id desc`.execute(db);
      const n = Number(rows[0]?.n ?? 0);
      return {
        total: Math.min(n, ranked),
        more: n > ranked,
        hits: rows.filter((r) => r.id !== null).map((r) => ({
          articleId: Number(r.id), rank: Number(r.score), snippet: snippetOf(`${r.standfirst ?? ''} ${r.body ?? ''}`, terms),
        })),
      };
    },
  };
  return index;

  /** The newest ranked + 1 matches (by article id, no ranking yet), found one of two ways after the planner's own
   * estimate of how many stories match (EXPLAIN, from the statistics ANALYZE keeps; planning only, well under a
   * millisecond). Few: through the GIN index, then the newest of them (`article_id + 0` keeps the planner from walking
   * the primary key, reading every story's tsvector for a rare word). Many: walking the stories newest first until
   * enough match; OFFSET 0 fences the walk so the reader's filters, plain columns, are checked before the tsvector,
   * which is read from TOAST (the planner checked the tsvector first: seconds for a dated filter). */
  async function newestMatches(q: SearchQuery, query: RawBuilder<unknown>, words: string): Promise<RawBuilder<unknown>> {
    const where = matchAndFilters(sql`document @@ ${query}`, q);
    // The words' matches alone: the index route reads each of them whatever the filters keep (and the planner, taking
    // a word and a language as unrelated, counted an English word's English stories at half what they are).
    const estimate = estimates(words, () => estimatedRows(sql`document @@ ${query}`).catch(() => Number.POSITIVE_INFINITY));
    if ((await estimate) <= common) {
      return sql`select article_id from search_documents where ${where} order by article_id + 0 desc limit ${ranked + 1}`;
    }
    return sql`select article_id from (select article_id, document from search_documents where ${filtersOnly(q)}
      order by article_id desc offset 0) newest where document @@ ${query} limit ${ranked + 1}`;
  }

  async function estimatedRows(where: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain (format json)
      select article_id from search_documents where ${where}`.execute(db);
    return Number(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  }
}
