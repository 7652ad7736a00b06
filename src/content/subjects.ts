// What the audit log's entries are about, in the newsroom's words: an article's headline, a section's name.
import type { Db } from '../db/schema.ts';

/** Headline and status of each article (ids that name none are left out). */
export async function articleTitles(db: Db, ids: number[]): Promise<Map<number, { headline: string; slug: string; status: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'headline', 'slug', 'status']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The name of each section. */
export async function sectionNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('sections').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
