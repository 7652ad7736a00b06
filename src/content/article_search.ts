// The newsroom's article list: every status, filtered by status, section, byline, creator, language, the day of
// the last change and words in the headline or standfirst, newest change first; and how many match in each status
// (the app's status tabs).
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { ArticleStatus } from './tables.ts';

export interface ArticleSearch {
  status?: ArticleStatus;
  sectionId?: number;
  personId?: number;
  createdBy?: number;
  /** only articles this staff member created or has a byline on */
  visibleTo?: { userId: number; personId: number | null };
  q?: string;
  language?: string;
  /** last changed on or after this day (YYYY-MM-DD, UTC) */
  changedFrom?: string;
  /** last changed on or before this day (YYYY-MM-DD, UTC) */
  changedUntil?: string;
  limit?: number;
  offset?: number;
}

/** `%word%` for LIKE with "!" as the escape character (the same on SQLite and PostgreSQL). */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function filtered(db: Db, f: ArticleSearch) {
  let q = db.selectFrom('articles');
  if (f.status) q = q.where('articles.status', '=', f.status);
  if (f.sectionId) q = q.where('articles.section_id', '=', f.sectionId);
  if (f.createdBy) q = q.where('articles.created_by', '=', f.createdBy);
  if (f.language) q = q.where('articles.language', '=', f.language);
  // Times are stored as ISO 8601 UTC text, so a day's bounds compare as text on both databases.
  if (f.changedFrom) q = q.where('articles.updated_at', '>=', `${f.changedFrom}T00:00:00.000Z`);
  if (f.changedUntil) q = q.where('articles.updated_at', '<=', `${f.changedUntil}T23:59:59.999Z`);
  if (f.personId) q = q.where('articles.id', 'in', db.selectFrom('article_authors').select('article_id').where('person_id', '=', f.personId));
  const v = f.visibleTo;
  if (v) {
    q = q.where((eb) => eb.or([
      eb('articles.created_by', '=', v.userId),
      ...(v.personId !== null ? [eb('articles.id', 'in', db.selectFrom('article_authors').select('article_id').where('person_id', '=', v.personId))] : []),
    ]));
  }
  const words = f.q?.trim();
  if (words) {
    const p = likePattern(words);
    q = q.where(({ or }) => or([
      sql<boolean>`lower(articles.headline) like ${p} escape '!'`,
      sql<boolean>`lower(articles.standfirst) like ${p} escape '!'`,
    ]));
  }
  return q;
}

/** One page of the list and the total number of matches. */
export async function searchArticles(db: Db, f: ArticleSearch) {
  const [rows, count] = await Promise.all([
    filtered(db, f).select(['articles.id', 'articles.slug', 'articles.headline', 'articles.status', 'articles.section_id', 'articles.language',
      'articles.created_by', 'articles.created_at', 'articles.updated_at', 'articles.published_at', 'articles.scheduled_at', 'articles.hero_media_id'])
      .orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const bylines = ids.length
    ? await db.selectFrom('article_authors').select(['article_id', 'person_id']).where('article_id', 'in', ids).orderBy('position').execute()
    : [];
  return {
    articles: rows.map((r) => ({ ...r, authorIds: bylines.filter((b) => b.article_id === r.id).map((b) => b.person_id) })),
    total: Number(count.n),
  };
}

/** How many articles match in each status (the other filters applied, the status filter ignored). */
export async function countArticlesByStatus(db: Db, f: Omit<ArticleSearch, 'status' | 'limit' | 'offset'>): Promise<Record<ArticleStatus, number>> {
  const rows = await filtered(db, f).select(['articles.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('articles.status').execute();
  const out: Record<ArticleStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, archived: 0 };
  for (const r of rows) if (r.status in out) out[r.status] = Number(r.n);
  return out;
}
