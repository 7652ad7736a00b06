// The stamp of each article's comment thread (page-cache tag comments:ID), for the static export's second run: a
// thread changes when a comment comes in, is moderated or edited (src/content/stamps.ts explains stamps).
import type { Db } from '../db/schema.ts';
import { stampOf, type Stamps } from '../content/stamps.ts';

export async function commentStamps(db: Db): Promise<Stamps> {
  const rows = await db.selectFrom('comments').selectAll().orderBy('id').execute();
  const threads = new Map<number, unknown[]>();
  for (const c of rows) threads.set(c.article_id, [...(threads.get(c.article_id) ?? []), c]);
  const articles = await db.selectFrom('articles').select('id').execute();
  return Object.fromEntries(articles.map((a) => [`comments:${a.id}`, stampOf(threads.get(a.id) ?? [])]));
}
