// Raw views become hourly and daily totals. Each batch marks the hours it wrote to (audience_stale_hours, with a
// version it bumps); a roll-up recomputes each marked hour and its day from the raw views, whole, so running it twice
// or on two instances gives the same totals, and a batch that lands during a roll-up leaves its hour marked for the
// next one (the mark is removed only at the version that was read). Totals are plain counts and distinct counts
// grouped in SQL: the same views give the same figures on SQLite and PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { getSettings } from '../content/settings.ts';
import { dayBefore, periodOf } from './periods.ts';
import { forgetOldSalts } from './visitors.ts';

/** The figures each view is counted under. Readers' page views (not bots, not feed fetches) count in every one;
 * feed fetches under `kind` only; bots under `bot` (by kind) only. */
export const DIMENSIONS = ['all', 'kind', 'bot', 'page', 'article', 'section', 'author', 'language', 'edition', 'ref_group', 'ref_host', 'article_ref'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Hourly totals are kept this long (the editor's story chart, "today by hour"); daily totals for good. */
export const HOURLY_DAYS = 90;

const READERS = sql`bot = 0 and kind <> 'feed'`;

/** Each dimension's key and which views it counts. */
const DIMS: { dim: Dimension; key: RawBuilder<unknown>; where: RawBuilder<unknown>; from?: 'authors' }[] = [
  { dim: 'all', key: sql`''`, where: READERS },
  { dim: 'kind', key: sql`kind`, where: sql`bot = 0` },
  { dim: 'bot', key: sql`kind`, where: sql`bot = 1` },
  { dim: 'page', key: sql`path`, where: READERS },
  { dim: 'article', key: sql`cast(article_id as text)`, where: sql`${READERS} and article_id is not null` },
  { dim: 'section', key: sql`cast(section_id as text)`, where: sql`${READERS} and section_id is not null` },
  { dim: 'language', key: sql`language`, where: READERS },
  { dim: 'edition', key: sql`edition`, where: READERS },
  { dim: 'ref_group', key: sql`ref_group`, where: READERS },
  { dim: 'ref_host', key: sql`ref_host`, where: sql`${READERS} and ref_host <> ''` },
  { dim: 'article_ref', key: sql`cast(article_id as text) || ':' || ref_group`, where: sql`${READERS} and article_id is not null` },
  { dim: 'author', key: sql`cast(person_id as text)`, where: sql`1 = 1`, from: 'authors' },
];

/** Recomputes every total of one hour (table audience_hourly) or one day (audience_daily) from the raw views. */
async function recompute(db: Db, period: 'hour' | 'day', value: number | string): Promise<void> {
  const target = sql.table(period === 'hour' ? 'audience_hourly' : 'audience_daily');
  const col = sql.ref(period);
  await db.transaction().execute(async (trx) => {
    await sql`delete from ${target} where ${col} = ${value}`.execute(trx);
    for (const d of DIMS) {
      const source = sql.table(d.from === 'authors' ? 'audience_view_authors' : 'audience_views');
      await sql`insert into ${target} (dim, ${col}, key, views, visitors)
        select ${sql.lit(d.dim)}, ${col}, ${d.key}, count(*), count(distinct visitor) from ${source}
        where ${col} = ${value} and ${d.where} group by ${col}${d.dim === 'all' ? sql`` : sql`, ${d.key}`}`.execute(trx);
    }
  });
}

export interface RollUpResult {
  hours: number;
  days: number;
}

/** A day still going on has its totals worked out again at most this often (its hours every minute): a day's
 * distinct readers are counted over all its raw views, the roll-up's one heavy query. */
export const TODAY_EVERY_MS = 10 * 60_000;

/** Rolls up every hour marked stale; then each stale day that is over, or whose totals are TODAY_EVERY_MS old. */
export async function rollUp(ctx: AppContext): Promise<RollUpResult> {
  const stale = await ctx.db.selectFrom('audience_stale_hours').selectAll().orderBy('hour').execute();
  for (const s of stale) {
    await recompute(ctx.db, 'hour', s.hour);
    await ctx.db.deleteFrom('audience_stale_hours').where('hour', '=', s.hour).where('version', '=', s.version).execute();
  }
  const now = ctx.clock.now();
  const { timeZone } = await getSettings(ctx.db);
  const today = periodOf(now, timeZone).day;
  const due = new Date(now.getTime() - TODAY_EVERY_MS).toISOString();
  const days = await ctx.db.selectFrom('audience_stale_days').selectAll().whereRef('version', '>', 'rolled_version')
    .where((eb) => eb.or([eb('day', '<', today), eb('rolled_at', '<=', due)])).orderBy('day').execute();
  for (const d of days) {
    await recompute(ctx.db, 'day', d.day);
    await ctx.db.updateTable('audience_stale_days').set({ rolled_version: d.version, rolled_at: now.toISOString() }).where('day', '=', d.day).execute();
  }
  return { hours: stale.length, days: days.length };
}

/** Deletes raw views older than the configured days, hourly totals older than HOURLY_DAYS, and past days' salts. */
export async function pruneAudience(ctx: AppContext): Promise<{ views: number }> {
  const now = ctx.clock.now();
  const { timeZone } = await getSettings(ctx.db);
  const { day: today, hour } = periodOf(now, timeZone);
  const keepFrom = dayBefore(today, ctx.config.audienceRawDays - 1);
  // Never a raw view whose hour is still waiting for its roll-up.
  const waiting = await ctx.db.selectFrom('audience_stale_days').select((eb) => eb.fn.min('day').as('first')).whereRef('version', '>', 'rolled_version').executeTakeFirst();
  const cut = waiting?.first && waiting.first < keepFrom ? waiting.first : keepFrom;
  const r = await ctx.db.deleteFrom('audience_views').where('day', '<', cut).executeTakeFirst();
  await ctx.db.deleteFrom('audience_view_authors').where('day', '<', cut).execute();
  await ctx.db.deleteFrom('audience_hourly').where('hour', '<', hour - HOURLY_DAYS * 86_400).execute();
  await ctx.db.deleteFrom('audience_stale_days').where('day', '<', cut).whereRef('version', '=', 'rolled_version').execute();
  // Yesterday's salt stays for the first ten minutes of today, for the last batches of yesterday.
  await forgetOldSalts(ctx, today, periodOf(new Date(now.getTime() - 10 * 60_000), timeZone).day === today);
  return { views: Number(r.numDeletedRows) };
}
