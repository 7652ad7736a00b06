// Guessing limits for passwords, two-factor codes and reset emails. An attempt is counted before the password
// or code is checked, in one upsert per limit, so concurrent guesses each see the others' counts: N guesses at
// once check no more than one after another would. Counted in the database, so every instance sees the same.
// Per account and address, and per address: a few free attempts, then a wait that doubles with each further one.
// Per account from all addresses (distributed guessing): the same with a higher allowance, except from an
// address where the account signed in before, so strangers' guessing does not keep the owner out.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { TooManyRequestsError } from '../errors.ts';
import { networkOf, normalizeIp } from '../comments/network.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Rule {
  /** attempts counted without any wait */
  free: number;
  /** the wait after the first attempt beyond the free ones; each further one doubles it, up to maxWaitMs */
  firstWaitMs: number;
  maxWaitMs: number;
}

/** One account from one address: a guesser's own address, which is all a single guesser can hold back. */
export const PAIR_RULE: Rule = { free: 5, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };
/** One address across any accounts (spraying one common password at every account). */
export const ADDRESS_RULE: Rule = { free: 20, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };
/** One account from every address it has not signed in from (guessing spread over many addresses). */
export const ACCOUNT_RULE: Rule = { free: 20, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };
/** Attempts an hour old (counted from the last one) are forgotten. */
const WINDOW_MS = HOUR;
/** An address where the account completed a sign-in this recently is exempt from ACCOUNT_RULE. */
const KNOWN_FOR_MS = 30 * 24 * HOUR;

export type AttemptKind = 'signin' | 'code';

const REFUSED: Record<AttemptKind, string> = {
  signin: 'Too many failed sign-ins; please wait before trying again',
  code: 'Too many wrong codes; please wait before trying again',
};

/** The limits one attempt was counted against; hand it back to attemptSucceeded when it was right. */
export interface TakenAttempt {
  pair: string;
  others: string[];
}

function accountOf(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/** IPv6 hosts usually hold a whole /64, so one counts as one address. */
function addressOf(ip: string): string {
  const n = normalizeIp(ip);
  return n.includes(':') ? networkOf(n) : n;
}

const knownKey = (account: string, address: string) => `known:${account}|${address}`;

/**
 * Counts one attempt against `key` unless it is in its wait. Returns false (nothing counted) while it waits.
 * One statement: the row lock (PostgreSQL) or the single writer (SQLite) orders concurrent attempts.
 */
async function count(db: Db, key: string, rule: Rule, now: number): Promise<boolean> {
  const firstOver = rule.free < 1;
  const fresh = { key, attempts: 1, last_at: now, blocked_until: firstOver ? now + rule.firstWaitMs : 0,
    next_wait_ms: firstOver ? Math.min(rule.firstWaitMs * 2, rule.maxWaitMs) : rule.firstWaitMs };
  // In SET, column names are the row before this attempt; `excluded` is the fresh row above.
  const stale = sql<boolean>`auth_throttle.last_at < ${now - WINDOW_MS}`;
  const over = sql<boolean>`auth_throttle.attempts + 1 > ${rule.free}`;
  const row = await db.insertInto('auth_throttle').values(fresh)
    .onConflict((oc) => oc.column('key').doUpdateSet({
      attempts: sql`case when ${stale} then 1 else auth_throttle.attempts + 1 end`,
      last_at: now,
      blocked_until: sql`case when ${stale} then excluded.blocked_until when ${over} then auth_throttle.next_wait_ms + ${now} else 0 end`,
      next_wait_ms: sql`case when ${stale} then excluded.next_wait_ms
        when ${over} then case when auth_throttle.next_wait_ms * 2 > ${rule.maxWaitMs} then ${rule.maxWaitMs} else auth_throttle.next_wait_ms * 2 end
        else auth_throttle.next_wait_ms end`,
    }).where('auth_throttle.blocked_until', '<=', now))
    .returning('attempts').executeTakeFirst();
  return row !== undefined;
}

async function secondsToWait(db: Db, key: string, now: number): Promise<number> {
  const row = await db.selectFrom('auth_throttle').select('blocked_until').where('key', '=', key).executeTakeFirst();
  return Math.max(1, Math.ceil(((row?.blocked_until ?? now) - now) / 1000));
}

/**
 * Counts one guess of a password or code for an account from an address, before it is checked. Throws
 * TooManyRequestsError, counting nothing, while any of its limits waits.
 */
export async function takeAttempt(ctx: AppContext, kind: AttemptKind, email: string, ip: string): Promise<TakenAttempt> {
  const account = accountOf(email);
  const address = addressOf(ip);
  const now = ctx.clock.now().getTime();
  const known = await ctx.db.selectFrom('auth_throttle').select('key').where('key', '=', knownKey(account, address))
    .where('last_at', '>=', now - KNOWN_FOR_MS).executeTakeFirst();
  // Always in this order, so two attempts never hold each other's rows (PostgreSQL) while waiting for their own.
  const limits: [string, Rule][] = [[`${kind}:pair:${account}|${address}`, PAIR_RULE], [`${kind}:address:${address}`, ADDRESS_RULE]];
  if (!known) limits.push([`${kind}:account:${account}`, ACCOUNT_RULE]);
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, rule] of limits) {
      if (!(await count(trx, key, rule, now))) throw new TooManyRequestsError(REFUSED[kind], await secondsToWait(trx, key, now));
    }
  });
  return { pair: limits[0][0], others: limits.slice(1).map(([key]) => key) };
}

/** The guess was right: the pair's count is forgotten, the address and account get their attempt back. */
export async function attemptSucceeded(ctx: AppContext, taken: TakenAttempt): Promise<void> {
  await ctx.db.deleteFrom('auth_throttle').where('key', '=', taken.pair).execute();
  await ctx.db.updateTable('auth_throttle').set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', 'in', taken.others).where('attempts', '>', 0).execute();
}

/** Remembers that the account completed a sign-in from this address (exempt from ACCOUNT_RULE for 30 days). */
export async function rememberAddress(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  await ctx.db.insertInto('auth_throttle').values({ key: knownKey(accountOf(email), addressOf(ip)), attempts: 0, last_at: now, blocked_until: 0, next_wait_ms: 0 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_at: now })).execute();
}

/** Claims the account's one reset email per `gapMs`; false when one went out more recently (nothing counted). */
export async function claimResetEmail(ctx: AppContext, email: string, gapMs: number): Promise<boolean> {
  return count(ctx.db, `reset:account:${accountOf(email)}`, { free: 0, firstWaitMs: gapMs, maxWaitMs: gapMs }, ctx.clock.now().getTime());
}

/** Deletes counts past their window that hold nobody back, and addresses not signed in from for 30 days. */
export async function purgeOldFailures(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const r = await ctx.db.deleteFrom('auth_throttle').where((eb) => eb.or([
    eb.and([eb('key', 'like', 'known:%'), eb('last_at', '<', now - KNOWN_FOR_MS)]),
    eb.and([eb('key', 'not like', 'known:%'), eb('last_at', '<', now - WINDOW_MS), eb('blocked_until', '<', now)]),
  ])).executeTakeFirst();
  return Number(r.numDeletedRows);
}
