// Sign-in throttling per account and per address: a few free mistakes, then a delay that doubles with each
// further failure (up to 15 minutes). Counted in the database so every instance sees the same numbers.
import type { AppContext } from '../context.ts';
import { TooManyRequestsError } from '../errors.ts';

export const ACCOUNT_FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 20;
const MAX_DELAY_MS = 15 * 60_000;
/** failures older than this are forgiven */
const WINDOW_MS = 3600_000;

export interface ThrottleKey {
  key: string;
  free: number;
}

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [{ key: `account:${email.trim().toLowerCase().slice(0, 254)}`, free: ACCOUNT_FREE_FAILURES }, { key: `ip:${ip}`, free: IP_FREE_FAILURES }];
}

/** Throws TooManyRequestsError while any of the keys is in its waiting time. */
export async function checkThrottle(ctx: AppContext, keys: ThrottleKey[]): Promise<void> {
  const now = ctx.clock.now().getTime();
  const rows = await ctx.db.selectFrom('login_throttle').selectAll().where('key', 'in', keys.map((k) => k.key)).execute();
  let wait = 0;
  for (const r of rows) if (r.locked_until) wait = Math.max(wait, new Date(r.locked_until).getTime() - now);
  if (wait > 0) throw new TooManyRequestsError('Too many failed sign-ins; please wait before trying again', Math.ceil(wait / 1000));
}

/** Counts one failed attempt against each key and sets the next waiting time. */
export async function recordFailure(ctx: AppContext, keys: ThrottleKey[]): Promise<void> {
  const now = ctx.clock.now();
  for (const { key, free } of keys) {
    const row = await ctx.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const stale = !row || now.getTime() - new Date(row.last_failure_at).getTime() > WINDOW_MS;
    const failures = stale ? 1 : row.failures + 1;
    const over = failures - free;
    const locked_until = over > 0 ? new Date(now.getTime() + Math.min(1000 * 2 ** (over - 1), MAX_DELAY_MS)).toISOString() : null;
    const values = { failures, last_failure_at: now.toISOString(), locked_until };
    if (row) await ctx.db.updateTable('login_throttle').set(values).where('key', '=', key).execute();
    else await ctx.db.insertInto('login_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
  }
}

/** Forgets the failures of an account after a successful sign-in (the address keeps its count). */
export async function clearFailures(ctx: AppContext, key: ThrottleKey): Promise<void> {
  await ctx.db.deleteFrom('login_throttle').where('key', '=', key.key).execute();
}

/** Deletes failure counts that are past their window and no longer hold anyone back. */
export async function purgeOldFailures(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const r = await ctx.db.deleteFrom('login_throttle').where('last_failure_at', '<', new Date(now.getTime() - WINDOW_MS).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())])).executeTakeFirst();
  return Number(r.numDeletedRows);
}
