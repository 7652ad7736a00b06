// Site search on PostgreSQL: the table search_documents (migration 0006) with a weighted tsvector under a GIN
// index; only the newest matches are ranked (RANKED in ./types.ts). The 'simple' configuration lowercases and
// nothing more: no English stemming of Dari or Pashto words.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { MARK_END, MARK_START, queryTerms } from './normalise.ts';
import { matchAndFilters } from './filters.ts';
import { RANKED, type SearchDocument, type SearchIndex, type SearchQuery } from './types.ts';

/** tsquery syntax from plain words (letters and digits only): all required. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ');
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;

/** `ranked`: how many of the newest matches are ranked (a smaller number in tests). */
export function postgresSearch(db: Db, ranked = RANKED): SearchIndex {
  return {
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
      const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
      const where = matchAndFilters(sql`document @@ ${query}`, q);
      // The newest ranked + 1 matches by article id (the primary key; no ranking yet), ts_rank for the newest
      // RANKED of them only, and snippets only for the page's rows: ts_rank and ts_headline read whole documents.
      // The planner may walk the primary key backwards, reading documents until it has found enough: cheap for a
      // common word, slow for a rare one. Forcing the GIN index first (`article_id + 0`) measured far worse for common words.
      const { rows } = await sql<{ n: number; id: number | null; score: number | null; snippet: string | null }>`with
          candidates as materialized (select article_id from search_documents where ${where} order by article_id desc limit ${ranked + 1}),
          ranked as (select d.article_id, d.published_at, ts_rank(d.document, ${query}) as score
            from (select article_id from candidates order by article_id desc limit ${ranked}) c join search_documents d on d.article_id = c.article_id),
          page as (select * from ranked order by score desc, published_at desc, article_id desc limit ${q.limit} offset ${q.offset})
        select (select count(*) from candidates) as n, page.article_id as id, page.score,
          ts_headline('simple', d.standfirst || ' ' || d.body, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from (select 1) one left join page on true left join search_documents d on d.article_id = page.article_id
        order by page.score desc, page.published_at desc, page.article_id desc`.execute(db);
      const n = Number(rows[0]?.n ?? 0);
      return {
        total: Math.min(n, ranked),
        more: n > ranked,
        hits: rows.filter((r) => r.id !== null).map((r) => ({ articleId: Number(r.id), rank: Number(r.score), snippet: r.snippet ?? '' })),
      };
    },
  };
}
