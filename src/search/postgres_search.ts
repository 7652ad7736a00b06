// Site search on PostgreSQL: the table search_documents (migration 0006) with a weighted tsvector under a GIN
// index. The 'simple' configuration lowercases and nothing more: no English stemming of Dari or Pashto words.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { MARK_END, MARK_START, queryTerms } from './normalise.ts';
import { matchAndFilters } from './filters.ts';
import type { SearchIndex, SearchQuery } from './types.ts';

/** tsquery syntax from plain words (letters and digits only): all required, the last one also as a prefix. */
export function tsQuery(terms: string[]): string {
  return terms.map((t, i) => (i === terms.length - 1 ? `'${t}':*` : `'${t}'`)).join(' & ');
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;

export function postgresSearch(db: Db): SearchIndex {
  return {
    async index(d) {
      // The vector is built from lowercased text: PostgreSQL's own lowercasing follows the database's locale,
      // which may fold ASCII only.
      const lower = (s: string) => s.toLowerCase();
      const vector = sql`setweight(to_tsvector('simple', ${lower(d.headline)}), 'A') || setweight(to_tsvector('simple', ${lower(d.standfirst)}), 'B')
        || setweight(to_tsvector('simple', ${lower(`${d.people} ${d.tags}`)}), 'C') || setweight(to_tsvector('simple', ${lower(d.body)}), 'D')`;
      await sql`insert into search_documents (article_id, headline, standfirst, body, people, tags, section_id, language, published_at, document)
        values (${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.people}, ${d.tags}, ${d.sectionId}, ${d.language}, ${d.publishedAt}, ${vector})
        on conflict (article_id) do update set headline = excluded.headline, standfirst = excluded.standfirst, body = excluded.body,
          people = excluded.people, tags = excluded.tags, section_id = excluded.section_id, language = excluded.language,
          published_at = excluded.published_at, document = excluded.document`.execute(db);
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
      if (!terms.length) return { total: 0, hits: [] };
      const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
      const where = matchAndFilters(sql`document @@ ${query}`, q);
      // Snippets only for the page's rows: ts_headline reads the whole text.
      const [count, rows] = await Promise.all([
        sql<{ n: string }>`select count(*) as n from search_documents where ${where}`.execute(db),
        sql<{ id: number; score: number; snippet: string }>`with page as (
            select article_id, ts_rank(document, ${query}) as score, published_at from search_documents where ${where}
            order by score desc, published_at desc, article_id desc limit ${q.limit} offset ${q.offset})
          select page.article_id as id, page.score,
            ts_headline('simple', d.standfirst || ' ' || d.body, ${query}, ${HEADLINE_OPTIONS}) as snippet
          from page join search_documents d on d.article_id = page.article_id
          order by page.score desc, page.published_at desc, page.article_id desc`.execute(db),
      ]);
      return {
        total: Number(count.rows[0]?.n ?? 0),
        hits: rows.rows.map((r) => ({ articleId: Number(r.id), rank: Number(r.score), snippet: r.snippet })),
      };
    },
  };
}
