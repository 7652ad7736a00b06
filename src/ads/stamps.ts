// The stamp of the house ads (page-cache tag "ads"), for the static export's second run (src/content/stamps.ts
// explains stamps): the slots and creatives, and which creatives run at `now` (a creative's run starts and ends on
// its own, with no change in the newsroom).
import type { Db } from '../db/schema.ts';
import { stampOf, type Stamps } from '../content/stamps.ts';

export async function adStamps(db: Db, now: Date): Promise<Stamps> {
  const [slots, creatives] = await Promise.all([
    db.selectFrom('ad_slots').selectAll().orderBy('id').execute(),
    db.selectFrom('ad_creatives').selectAll().orderBy('id').execute(),
  ]);
  const at = now.toISOString();
  const running = creatives.filter((c) => (c.starts_at === null || c.starts_at <= at) && (c.ends_at === null || c.ends_at > at)).map((c) => c.id);
  return { ads: stampOf([slots, creatives, running]) };
}
