// Staff names by user id, for the other domains that show who did something (a review's submitter, say).
import type { Db } from '../db/schema.ts';

/** The names of these staff members, by id (ids with no account left out). */
export async function userNames(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}
