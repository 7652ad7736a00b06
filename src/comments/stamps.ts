// The stamp of each article's comment thread (page-cache tag comments:ID), for the static export's second run: a
// thread changes when a comment comes in, is moderated or edited (src/content/stamps.ts explains stamps).
import type { Db } from '../db/schema.ts';
import { stampOf, type Stamps } from '../content/stamps.ts';
import { articleIds } from '../content/article_brief.ts';

export async function commentStamps(db: Db): Promise<Stamps> {
  const rows = await db.selectFrom('comments').selectAll().orderBy('id').execute();
  const threads = new Map<number, unknown[]>();
  for (const c of rows) threads.set(c.article_id, [...(threads.get(c.article_id) ?? []), c]);
  return Object.fromEntries((await articleIds(db)).map((id) => [`comments:${id}`, stampOf(threads.get(id) ?? [])]));
}
