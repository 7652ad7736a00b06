// Aggregators: partners who carry Khabar's stories through a full-text feed of their own. Each has a name, the
// licence statement its feed carries, and a key (kha_..., shown once; only its SHA-256 is kept): an aggregator is its
// key, a row of kind 'aggregator' in the one key table (src/auth/api_keys.ts). Every answered pull is counted per
// aggregator per day (requests, stories served).
import type { AppContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { optionalText, requiredText } from '../content/fields.ts';
import { deleteKey, issueStoredKey, keyRecord, keyRecords, liveKey, relabelKey, renewKey, revokeKey } from '../auth/api_keys.ts';

export interface AggregatorView {
  id: number;
  name: string;
  licence: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UsageDay {
  day: string;
  requests: number;
  items: number;
}

/** The aggregator a feed request speaks for. */
export interface Puller {
  id: number;
  name: string;
  licence: string;
}

type Row = { id: number; name: string; licence: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

function view(r: Row): AggregatorView {
  return { id: r.id, name: r.name, licence: r.licence, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

/** The first day (UTC, YYYY-MM-DD) of the last `days` days. */
function since(ctx: AppContext, days: number): string {
  return new Date(ctx.clock.now().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** Every aggregator, newest first (never a key), with its pulls over the last 30 days. */
export async function listAggregators(ctx: AppContext): Promise<(AggregatorView & { last30Days: { requests: number; items: number } })[]> {
  const [rows, totals] = await Promise.all([
    keyRecords(ctx.db, 'aggregator'),
    ctx.db.selectFrom('aggregator_usage').where('day', '>=', since(ctx, 30)).groupBy('aggregator_id')
      .select((eb) => ['aggregator_id', eb.fn.sum<number>('requests').as('requests'), eb.fn.sum<number>('items').as('items')]).execute(),
  ]);
  const by = new Map(totals.map((r) => [r.aggregator_id, { requests: Number(r.requests), items: Number(r.items) }]));
  return rows.map((r) => ({ ...view(r), last30Days: by.get(r.id) ?? { requests: 0, items: 0 } }));
}

/** One aggregator's record (no usage); NotFoundError when there is none. */
async function aggregatorRecord(ctx: AppContext, id: number): Promise<AggregatorView> {
  const row = await keyRecord(ctx.db, 'aggregator', id);
  if (!row) throw new NotFoundError('Aggregator not found');
  return view(row);
}

/** One aggregator with its usage of the last `days` days, newest day first. */
export async function getAggregator(ctx: AppContext, id: number, days = 30): Promise<{ aggregator: AggregatorView; usage: UsageDay[] }> {
  return { aggregator: await aggregatorRecord(ctx, id), usage: await aggregatorUsage(ctx, id, days) };
}

/** An aggregator's pulls per day over the last `days` days (days without a pull are left out), newest first. */
export async function aggregatorUsage(ctx: AppContext, id: number, days: number): Promise<UsageDay[]> {
  const rows = await ctx.db.selectFrom('aggregator_usage').select(['day', 'requests', 'items']).where('aggregator_id', '=', id)
    .where('day', '>=', since(ctx, days)).orderBy('day', 'desc').execute();
  return rows.map((r) => ({ day: r.day, requests: Number(r.requests), items: Number(r.items) }));
}

/** Makes an aggregator and its key; the returned `key` is the only time it can be read. */
export async function createAggregator(ctx: AppContext, input: { name: unknown; licence?: unknown }, createdBy: number | null): Promise<{ key: string; aggregator: AggregatorView }> {
  const name = requiredText('name', input.name, 100);
  const licence = optionalText('licence', input.licence, 2000);
  const { key, record } = await issueStoredKey(ctx, 'aggregator', { name, licence }, createdBy);
  return { key, aggregator: view(record) };
}

/** Changes an aggregator's name or licence statement. */
export async function updateAggregator(ctx: AppContext, id: number, patch: { name?: unknown; licence?: unknown }): Promise<AggregatorView> {
  const set: { name?: string; licence?: string } = {};
  if (patch.name !== undefined) set.name = requiredText('name', patch.name, 100);
  if (patch.licence !== undefined) set.licence = optionalText('licence', patch.licence, 2000);
  await relabelKey(ctx.db, 'aggregator', id, set);
  return aggregatorRecord(ctx, id);
}

/** Gives the aggregator a new key (the old one stops working at once, a revoked aggregator works again). */
export async function renewAggregatorKey(ctx: AppContext, id: number): Promise<{ key: string; aggregator: AggregatorView }> {
  await aggregatorRecord(ctx, id);
  const key = await renewKey(ctx.db, 'aggregator', id);
  return { key, aggregator: await aggregatorRecord(ctx, id) };
}

/** Revokes the aggregator's key: its feed answers 401 from then on. */
export async function revokeAggregator(ctx: AppContext, id: number): Promise<void> {
  const aggregator = await aggregatorRecord(ctx, id);
  if (aggregator.revokedAt) throw new ConflictError('This aggregator\'s key is already revoked');
  await revokeKey(ctx, 'aggregator', id);
}

/** Deletes the aggregator and its usage records. */
export async function deleteAggregator(ctx: AppContext, id: number): Promise<void> {
  await aggregatorRecord(ctx, id);
  await ctx.db.deleteFrom('aggregator_usage').where('aggregator_id', '=', id).execute();
  await deleteKey(ctx.db, 'aggregator', id);
}

/** The aggregator whose key this is, unless unknown or revoked; notes when it was last used (at most once a minute). */
export async function aggregatorByKey(ctx: AppContext, key: string): Promise<Puller | null> {
  const row = await liveKey(ctx, 'aggregator', key);
  if (!row) return null;
  return { id: row.id, name: row.name, licence: row.licence };
}

/** Counts one answered pull of `items` stories on today's line (one upsert: pulls at once each count). */
export async function countPull(ctx: AppContext, aggregatorId: number, items: number): Promise<void> {
  const day = ctx.clock.now().toISOString().slice(0, 10);
  await ctx.db.insertInto('aggregator_usage').values({ aggregator_id: aggregatorId, day, requests: 1, items })
    .onConflict((oc) => oc.columns(['aggregator_id', 'day']).doUpdateSet((eb) => ({
      requests: eb('aggregator_usage.requests', '+', 1),
      items: eb('aggregator_usage.items', '+', items),
    }))).execute();
}
