// The part of a search's WHERE clause both engines share: the engine's own match, then the reader's filters
// (section, language, publication dates), on the columns both index tables name alike.
import { sql, type RawBuilder } from 'kysely';
import type { SearchQuery } from './types.ts';

/** `match AND section AND language AND dates`, each filter only when the query sets it. */
export function matchAndFilters(match: RawBuilder<unknown>, q: SearchQuery): RawBuilder<unknown> {
  return sql.join([match, ...readerFilters(q)], sql` and `);
}

/** The reader's filters alone, `true` when there are none. */
export function filtersOnly(q: SearchQuery): RawBuilder<unknown> {
  const filters = readerFilters(q);
  return filters.length ? sql.join(filters, sql` and `) : sql`true`;
}

function readerFilters(q: SearchQuery): RawBuilder<unknown>[] {
  return [
    ...(q.sectionId !== undefined ? [sql`section_id = ${q.sectionId}`] : []),
    ...(q.language !== undefined ? [sql`language = ${q.language}`] : []),
    ...(q.from !== undefined ? [sql`published_at >= ${q.from}`] : []),
    ...(q.to !== undefined ? [sql`published_at < ${q.to}`] : []),
  ];
}
