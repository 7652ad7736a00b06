// Site search: one interface, an implementation per database (FTS5 on SQLite, tsvector + GIN on PostgreSQL).
// Only published stories are in the index; what goes in is built here from the content tables, so both
// engines index exactly the same text.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { normaliseText } from './normalise.ts';
import { publishedArticleIds, searchableArticle } from '../content/search_text.ts';
import { sqliteSearch } from './sqlite_search.ts';
import { postgresSearch } from './postgres_search.ts';
import type { SearchDocument, SearchIndex } from './types.ts';

export type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResults } from './types.ts';

/** `ranked`: how many of the newest matches a query ranks; `common`: in how many stories a word stops counting in the
 * score (RANKED and COMMON unless a test wants to see the bounds). */
export function searchIndexFor(ctx: Pick<AppContext, 'db' | 'dialect'>, ranked?: number, common?: number): SearchIndex {
  return ctx.dialect === 'postgres' ? postgresSearch(ctx.db, ranked, common) : sqliteSearch(ctx.db, ranked, common);
}

/** The index entry for an article, or null when readers cannot see it (not published, deleted). */
export async function searchDocument(db: Db, articleId: number): Promise<SearchDocument | null> {
  const a = await searchableArticle(db, articleId);
  if (!a) return null;
  return {
    articleId,
    headline: normaliseText(a.headline),
    standfirst: normaliseText(a.standfirst),
    body: normaliseText(a.bodyText),
    people: normaliseText(a.people.join(', ')),
    tags: normaliseText(a.tags.join(', ')),
    sectionId: a.sectionId,
    language: a.language,
    publishedAt: a.publishedAt,
  };
}

/** Brings one article's entry up to date: indexed when published, removed otherwise. */
export async function refreshArticle(ctx: Pick<AppContext, 'db' | 'dialect'>, articleId: number): Promise<void> {
  const index = searchIndexFor(ctx);
  const doc = await searchDocument(ctx.db, articleId);
  if (doc) await index.index(doc);
  else await index.remove(articleId);
}

/** search.reindex: rebuilds the whole index from the published articles. Returns how many were indexed. */
export async function reindexAll(ctx: Pick<AppContext, 'db' | 'dialect'>): Promise<number> {
  const index = searchIndexFor(ctx);
  await index.clear();
  const ids = await publishedArticleIds(ctx.db);
  // Written a hundred at a time: one statement a story made a large archive's reindex take minutes.
  for (let i = 0; i < ids.length; i += 100) {
    const docs = await Promise.all(ids.slice(i, i + 100).map((id) => searchDocument(ctx.db, id)));
    await index.indexMany(docs.filter((d): d is SearchDocument => d !== null));
  }
  return ids.length;
}
