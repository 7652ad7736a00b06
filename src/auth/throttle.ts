// Guessing limits for passwords, two-factor codes and reset emails. An attempt is counted before the password
// or code is checked, in one upsert per limit (all of an attempt's limits in one transaction), so guesses sent
// at once each see the others: N at once check no more than N one after another. A right guess takes its count
// back, and the wait it armed with it, so the limits count failures, not attempts. An address where the account
// signed in before is exempt from the per-address limit (a guesser behind the office's NAT does not lock out the
// people who know their passwords). In the database, so every instance counts together. The numbers, and how
// they balance, are in docs/decisions.md (Accounts, and Sign-in limits count failures).
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { TooManyRequestsError } from '../errors.ts';
import { networkOf, normalizeIp } from '../comments/network.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A few free attempts, then a wait that doubles with each further one. */
interface Rule {
  free: number;
  /** the wait after the first attempt beyond the free ones */
  firstWaitMs: number;
  maxWaitMs: number;
}

/** One account from one address: all that a single guesser holds back is their own address. */
export const PAIR_RULE: Rule = { free: 5, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };
/** One address across any accounts (one common password tried on every account). */
export const ADDRESS_RULE: Rule = { free: 20, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };
/**
 * One account from every address it has not signed in from (guessing spread over many addresses): a bucket of
 * `size` attempts that empties by one every `leakMs`. Slower than one address may guess after its free attempts
 * (4 an hour), so a single guesser never fills it; many addresses fill it and then get one guess per leakMs.
 */
export const ACCOUNT_BUCKET = { size: 20, leakMs: 10 * MINUTE };
/** Counts are forgotten an hour after the last attempt. */
const WINDOW_MS = HOUR;
/** An address where the account completed a sign-in this recently is exempt from ACCOUNT_BUCKET. */
const KNOWN_FOR_MS = 30 * 24 * HOUR;

export type AttemptKind = 'signin' | 'code' | 'confirm';

const REFUSED: Record<AttemptKind, string> = {
  signin: 'Too many failed sign-ins; please wait before trying again',
  code: 'Too many wrong codes; please wait before trying again',
  confirm: 'Too many wrong passwords; please wait before trying again',
};

/** The limits one attempt was counted against; hand it to attemptSucceeded when the guess was right. */
export interface TakenAttempt {
  pair: string;
  /** null: no per-address limit (a password confirmation) */
  address: string | null;
  account: string | null;
  /** the wait (blocked_until) this attempt armed on a doubling limit, by key: a right guess disarms it */
  armed: Record<string, number>;
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

/** Counts one attempt against a doubling-wait limit unless it is in its wait: null (nothing counted) while it
 * waits, else the wait this attempt armed (0 for none). */
async function countAttempt(db: Db, key: string, rule: Rule, now: number): Promise<number | null> {
  const firstOver = rule.free < 1;
  const fresh = { key, attempts: 1, last_at: now, blocked_until: firstOver ? now + rule.firstWaitMs : 0,
    next_wait_ms: firstOver ? Math.min(rule.firstWaitMs * 2, rule.maxWaitMs) : rule.firstWaitMs };
  // In SET, auth_throttle.* is the row before this attempt, `excluded` the fresh row above. The WHERE runs on the
  // locked row (PostgreSQL) or under the one writer (SQLite), so concurrent attempts are counted one by one.
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
    .returning(['attempts', 'blocked_until']).executeTakeFirst();
  return row === undefined ? null : Number(row.blocked_until) > now ? Number(row.blocked_until) : 0;
}

/** Adds one attempt to an account's bucket unless it is full; false (nothing added) while it is. */
async function fillBucket(db: Db, key: string, now: number): Promise<boolean> {
  const { size, leakMs } = ACCOUNT_BUCKET;
  const row = await db.insertInto('auth_throttle').values({ key, attempts: 1, last_at: now, blocked_until: 0, next_wait_ms: 0, empty_at: now + leakMs })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      attempts: sql`auth_throttle.attempts + 1`,
      last_at: now,
      empty_at: sql`case when auth_throttle.empty_at < ${now} then ${now} else auth_throttle.empty_at end + ${leakMs}`,
    }).where('auth_throttle.empty_at', '<=', now + (size - 1) * leakMs))
    .returning('attempts').executeTakeFirst();
  return row !== undefined;
}

async function secondsToWait(db: Db, key: string, now: number): Promise<number> {
  const row = await db.selectFrom('auth_throttle').select(['blocked_until', 'empty_at']).where('key', '=', key).executeTakeFirst();
  const until = Math.max(row?.blocked_until ?? 0, (row?.empty_at ?? 0) - (ACCOUNT_BUCKET.size - 1) * ACCOUNT_BUCKET.leakMs);
  return Math.max(1, Math.ceil((until - now) / 1000));
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
  const taken: TakenAttempt = { pair: `${kind}:pair:${account}|${address}`, address: `${kind}:address:${address}`,
    account: known ? null : `${kind}:account:${account}`, armed: {} };
  // Always in this order, so two attempts never hold each other's rows (PostgreSQL) while waiting for their own.
  await ctx.db.transaction().execute(async (trx) => {
    const refuse = async (key: string) => new TooManyRequestsError(REFUSED[kind], await secondsToWait(trx, key, now));
    const count = async (key: string, rule: Rule, enforce: boolean) => {
      const armed = await countAttempt(trx, key, rule, now);
      if (armed === null && enforce) throw await refuse(key);
      if (armed) taken.armed[key] = armed;
    };
    await count(taken.pair, PAIR_RULE, true);
    // From an address where the account signed in before, a guess still counts against the address (a guesser
    // there is still one guesser), but the address's wait never refuses it: the pair's limit is the one it meets.
    await count(taken.address!, ADDRESS_RULE, !known);
    if (taken.account && !(await fillBucket(trx, taken.account, now))) throw await refuse(taken.account);
  });
  return taken;
}

/** Counts one confirmation of a signed-in person's password (before a sensitive change) against their account
 * alone: the person is signed in, so their address's sign-in limits are no business of this guess, and a stolen
 * session still gets only PAIR_RULE's guesses. */
export async function takeConfirmation(ctx: AppContext, email: string): Promise<TakenAttempt> {
  const key = `confirm:account:${accountOf(email)}`;
  const now = ctx.clock.now().getTime();
  const armed = await countAttempt(ctx.db, key, PAIR_RULE, now);
  if (armed === null) throw new TooManyRequestsError(REFUSED.confirm, await secondsToWait(ctx.db, key, now));
  return { pair: key, address: null, account: null, armed: armed ? { [key]: armed } : {} };
}

/** The guess was right: the pair's count is forgotten, the address and the account get their attempt back, and a
 * wait this attempt armed is disarmed (a right guess never makes anyone wait). */
export async function attemptSucceeded(ctx: AppContext, taken: TakenAttempt): Promise<void> {
  await ctx.db.deleteFrom('auth_throttle').where('key', '=', taken.pair).execute();
  if (taken.address) {
    const armed = taken.armed[taken.address];
    const back = ctx.db.updateTable('auth_throttle').where('key', '=', taken.address).where('attempts', '>', 0);
    if (armed) {
      const half = sql<number>`case when next_wait_ms / 2 < ${ADDRESS_RULE.firstWaitMs} then ${ADDRESS_RULE.firstWaitMs} else next_wait_ms / 2 end`;
      await back.set({ attempts: sql`attempts - 1`, blocked_until: 0, next_wait_ms: half }).where('blocked_until', '=', armed).execute();
    } else {
      await back.set({ attempts: sql`attempts - 1` }).execute();
    }
  }
  if (taken.account) {
    await ctx.db.updateTable('auth_throttle').set({ attempts: sql`attempts - 1`, empty_at: sql`empty_at - ${ACCOUNT_BUCKET.leakMs}` })
      .where('key', '=', taken.account).where('attempts', '>', 0).execute();
  }
}

/** Remembers that the account completed a sign-in from this address (exempt from ACCOUNT_BUCKET for 30 days). */
export async function rememberAddress(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  await ctx.db.insertInto('auth_throttle').values({ key: knownKey(accountOf(email), addressOf(ip)), attempts: 0, last_at: now, blocked_until: 0, next_wait_ms: 0 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_at: now })).execute();
}

/** Claims the account's one reset email per `gapMs`; false when one went out more recently (nothing counted). */
export async function claimResetEmail(ctx: AppContext, email: string, gapMs: number): Promise<boolean> {
  return null !== await countAttempt(ctx.db, `reset:account:${accountOf(email)}`, { free: 0, firstWaitMs: gapMs, maxWaitMs: gapMs }, ctx.clock.now().getTime());
}

/** Deletes counts that are past their window and hold nobody back, and addresses not signed in from for 30 days. */
export async function purgeOldFailures(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const r = await ctx.db.deleteFrom('auth_throttle').where((eb) => eb.or([
    eb.and([eb('key', 'like', 'known:%'), eb('last_at', '<', now - KNOWN_FOR_MS)]),
    eb.and([eb('key', 'not like', 'known:%'), eb('last_at', '<', now - WINDOW_MS), eb('blocked_until', '<', now), eb('empty_at', '<', now)]),
  ])).executeTakeFirst();
  return Number(r.numDeletedRows);
}
