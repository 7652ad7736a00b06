// Staff sessions, kept server-side: the cookie holds a random token, the table its hash. Sessions end after a
// quiet spell (idle expiry) and after a fixed lifetime whatever happens (absolute expiry).
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import type { SessionStage } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'khabar_session';
export const IDLE_MS = 12 * 3600_000;
export const ABSOLUTE_MS = 7 * 24 * 3600_000;
/** a half-finished sign-in (code still owed) lasts minutes, not days */
export const PENDING_MS = 15 * 60_000;
const TOUCH_MS = 60_000;

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** Starts a session; returns the token for the cookie (never stored). */
export async function createSession(ctx: AppContext, userId: number, stage: SessionStage, client: ClientInfo): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db.insertInto('sessions').values({
    id: hashToken(token), user_id: userId, stage, created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + (stage === 'full' ? ABSOLUTE_MS : PENDING_MS)).toISOString(),
    ip: client.ip.slice(0, 64), user_agent: client.userAgent.slice(0, 300),
  }).execute();
  return token;
}

/** The live session for a cookie token and its user, or null (expired sessions are removed on sight). */
export async function findSession(ctx: AppContext, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const row = await ctx.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.stage', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.created_at',
      'users.id as user_id', 'users.name', 'users.email', 'users.role', 'users.disabled', 'users.totp_enabled', 'users.person_id'])
    .where('sessions.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now();
  const idleLimit = row.stage === 'full' ? IDLE_MS : PENDING_MS;
  if (row.disabled || row.expires_at <= now.toISOString() || new Date(row.last_seen_at).getTime() + idleLimit <= now.getTime()) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return row;
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user ("log out everywhere"), optionally keeping one; returns how many ended. */
export async function endAllSessions(ctx: AppContext, userId: number, keepId?: string): Promise<number> {
  let q = ctx.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends one of the user's own sessions by its id (from the sessions list). */
export async function endSessionById(ctx: AppContext, userId: number, id: string): Promise<boolean> {
  const r = await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** A user's signed-in sessions, newest first (ids are hashes: they cannot be used as cookies). */
export async function listSessions(db: Db, userId: number, now: Date) {
  return db.selectFrom('sessions').select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId).where('stage', '=', 'full').where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', new Date(now.getTime() - IDLE_MS).toISOString()).orderBy('created_at', 'desc').execute();
}

/** Deletes sessions past their idle or absolute expiry (run now and then; expired ones never work anyway). */
export async function purgeExpiredSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const r = await ctx.db.deleteFrom('sessions').where((eb) => eb.or([
    eb('expires_at', '<=', now.toISOString()),
    eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_MS).toISOString()),
  ])).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends the sessions of every account that has no second factor (when the newsroom starts requiring one). */
export async function endSessionsWithoutTwoFactor(ctx: AppContext): Promise<number> {
  const r = await ctx.db.deleteFrom('sessions')
    .where('user_id', 'in', ctx.db.selectFrom('users').select('id').where('totp_enabled', '=', 0)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
