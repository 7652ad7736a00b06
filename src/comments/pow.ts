// Proof of work in the ALTCHA style (altcha-lib): a signed challenge the widget solves, verified here.
// Expiry and issue time travel signed inside the challenge's data and are checked on ctx.clock; every
// solution is spent once, recorded in the database until it expires, so replays fail across restarts
// and instances.
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { AppContext } from '../context.ts';
import type { PowState } from './phases/types.ts';

export const POW_ALGORITHM = 'SHA-256';
const MAX_PAYLOAD = 4096;

export interface PowCheck {
  state: PowState;
  issuedAt: string | null;
  challengeId: string | null;
  expiresAt: string | null;
  /** what the challenge was signed with (bot_defence.ts binds purpose, target and network) */
  data: Record<string, unknown>;
}

/** A fresh signed challenge of this cost for the widget (never cached: each one is single-use); bot_defence.ts
 *  chooses the cost. */
export async function createCommentChallenge(ctx: AppContext, cost: { powCost: number; powPrefix: string; challengeTtlSeconds: number },
  data: Record<string, string | number> = {}): Promise<Challenge> {
  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  return createChallenge({
    algorithm: POW_ALGORITHM,
    cost: cost.powCost,
    keyPrefix: cost.powPrefix,
    deriveKey,
    hmacSignatureSecret: ctx.secret,
    data: { ...data, iat: now, exp: now + cost.challengeTtlSeconds },
  });
}

/** Checks the widget's base64 payload: signature, solution and expiry (not yet whether it was spent). */
export async function checkCommentPow(ctx: AppContext, payload: string | undefined): Promise<PowCheck> {
  const none = { issuedAt: null, challengeId: null, expiresAt: null, data: {} };
  if (!payload) return { state: 'missing', ...none };
  const decoded = decode(payload);
  if (!decoded) return { state: 'invalid', ...none };
  const { challenge, solution } = decoded;
  const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: ctx.secret }).catch(() => null);
  if (!result?.verified) return { state: 'invalid', ...none };
  const data = challenge.parameters.data ?? {};
  if (typeof data.iat !== 'number' || typeof data.exp !== 'number') return { state: 'invalid', ...none };
  const issuedAt = new Date(data.iat * 1000).toISOString();
  const expiresAt = new Date(data.exp * 1000).toISOString();
  if (data.exp * 1000 <= ctx.clock.now().getTime()) return { state: 'expired', issuedAt, challengeId: null, expiresAt, data };
  return { state: 'ok', issuedAt, challengeId: challenge.parameters.nonce, expiresAt, data };
}

/** Spends a verified solution; false when it was spent before (a replay). Sweeps expired entries now and then. */
export async function spendCommentPow(ctx: AppContext, challengeId: string, expiresAt: string): Promise<boolean> {
  const inserted = await ctx.db.insertInto('comment_pow_used').values({ challenge_id: challengeId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('challenge_id').doNothing()).returning('challenge_id').execute();
  await sweep(ctx);
  return inserted.length === 1;
}

const lastSweep = new WeakMap<AppContext, number>();

async function sweep(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  if (now - (lastSweep.get(ctx) ?? 0) < 60_000) return;
  lastSweep.set(ctx, now);
  const iso = new Date(now).toISOString();
  await ctx.db.deleteFrom('comment_pow_used').where('expires_at', '<', iso).execute();
  await ctx.db.deleteFrom('comment_rate_hits').where('created_at', '<', new Date(now - 2 * 3600_000).toISOString()).execute();
}

function decode(payload: string): { challenge: Challenge; solution: { counter: number; derivedKey: string } } | null {
  if (payload.length > MAX_PAYLOAD || !/^[A-Za-z0-9+/=_-]+$/.test(payload)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    if (!isRecord(v) || !isRecord(v.challenge) || !isRecord(v.solution) || !isRecord(v.challenge.parameters)) return null;
    const p = v.challenge.parameters;
    if (typeof p.nonce !== 'string' || typeof p.salt !== 'string' || typeof p.keyPrefix !== 'string' || p.algorithm !== POW_ALGORITHM
      || typeof p.cost !== 'number' || typeof v.challenge.signature !== 'string') return null;
    if (typeof v.solution.counter !== 'number' || typeof v.solution.derivedKey !== 'string') return null;
    return { challenge: v.challenge as unknown as Challenge, solution: { counter: v.solution.counter, derivedKey: v.solution.derivedKey } };
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
