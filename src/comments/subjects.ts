// The comments the audit log's entries are about: who wrote each, and on which article.
import type { Db } from '../db/schema.ts';

/** Commenter's name and article of each comment (ids that name none are left out). */
export async function commentSubjects(db: Db, ids: number[]): Promise<Map<number, { authorName: string; articleId: number }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('comments').select(['id', 'author_name', 'article_id']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { authorName: r.author_name, articleId: r.article_id }]));
}
