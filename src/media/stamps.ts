// The stamp of each picture (page-cache tag media:ID), for the static export's second run (src/content/stamps.ts
// explains stamps).
import type { Db } from '../db/schema.ts';
import { stampOf, type Stamps } from '../content/stamps.ts';

export async function mediaStamps(db: Db): Promise<Stamps> {
  const rows = await db.selectFrom('media').selectAll().orderBy('id').execute();
  return Object.fromEntries(rows.map((m) => [`media:${m.id}`, stampOf(m)]));
}
