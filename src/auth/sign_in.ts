// Signing in: password, then the second factor when the account has one. Each guess is counted against the
// guessing limits before it is checked (throttle.ts); the answer is the same whether or not the account exists.
// Every successful step starts a new session (the old token dies), so a token planted before sign-in is worthless.
import type { AppContext } from '../context.ts';
import { UnauthorizedError, ValidationError } from '../errors.ts';
import { audit } from './audit.ts';
import { verifyPassword } from './passwords.ts';
import { getSecuritySettings } from './security_settings.ts';
import { createSession, endSession, type ClientInfo, type LiveSession } from './sessions.ts';
import type { SessionStage } from './tables.ts';
import { attemptSucceeded, rememberAddress, takeAttempt, takeConfirmation } from './throttle.ts';
import { verifySecondFactor } from './two_factor.ts';
import { getUserByEmail, getUserRow } from './users.ts';

export const WRONG_CREDENTIALS = 'The email address or password is not right';
const WRONG_CODE = 'That code is not right';

export interface SignInResult {
  token: string;
  stage: SessionStage;
  userId: number;
}

async function stageAfterPassword(ctx: AppContext, totpEnabled: boolean): Promise<SessionStage> {
  if (totpEnabled) return 'two_factor';
  return (await getSecuritySettings(ctx.db)).requireTwoFactor ? 'enroll' : 'full';
}

/** Checks email and password; returns a new session (full, or waiting for a code or for 2FA setup). */
export async function signIn(ctx: AppContext, email: unknown, password: unknown, client: ClientInfo, oldToken?: string): Promise<SignInResult> {
  const e = typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
  const attempt = await takeAttempt(ctx, 'signin', e, client.ip);
  const user = e ? await getUserByEmail(ctx.db, e) : null;
  const ok = await verifyPassword(ctx, user?.password_hash ?? null, typeof password === 'string' ? password : '');
  if (!user || !ok || user.disabled) {
    await audit(ctx, { actorId: null, action: 'signin.failed', subject: user ? `user:${user.id}` : '', ip: client.ip });
    throw new UnauthorizedError(WRONG_CREDENTIALS);
  }
  await attemptSucceeded(ctx, attempt);
  if (oldToken) await endSession(ctx, oldToken);
  const stage = await stageAfterPassword(ctx, user.totp_enabled === 1);
  const token = await createSession(ctx, user.id, stage, client);
  if (stage === 'full') await signedIn(ctx, user.id, client, 'password');
  return { token, stage, userId: user.id };
}

/** Records a finished sign-in: the account's last sign-in time, its address as a known one, and the audit entry. */
export async function signedIn(ctx: AppContext, userId: number, client: ClientInfo, method: string): Promise<void> {
  const u = await ctx.db.updateTable('users').set({ last_login_at: ctx.clock.now().toISOString() }).where('id', '=', userId)
    .returning('email').executeTakeFirstOrThrow();
  await rememberAddress(ctx, u.email, client.ip);
  await audit(ctx, { actorId: userId, action: 'signin', subject: `user:${userId}`, detail: { method }, ip: client.ip });
}

/** A signed-in person confirms their password before a sensitive change (a new password, two-factor off, new
 * recovery codes). A stolen session must not become a way round the sign-in limits, so each confirmation is a
 * guess counted, against the account alone (never the address's sign-in limit, which others share). Throws a
 * field error on `field` when the password is wrong. */
export async function confirmPassword(ctx: AppContext, userId: number, password: string, ip: string, field = 'password'): Promise<void> {
  const user = await getUserRow(ctx.db, userId);
  if (!user) throw new UnauthorizedError();
  const attempt = await takeConfirmation(ctx, user.email);
  if (!(await verifyPassword(ctx, user.password_hash, password))) {
    await audit(ctx, { actorId: userId, action: 'password.confirm_failed', subject: `user:${userId}`, ip });
    throw new ValidationError(field, 'The password is not right');
  }
  await attemptSucceeded(ctx, attempt);
}

/** Second step: a code for a session waiting for one; returns the new full session's token. */
export async function completeTwoFactor(ctx: AppContext, session: LiveSession, oldToken: string, code: unknown, client: ClientInfo): Promise<string> {
  const attempt = await takeAttempt(ctx, 'code', session.email, client.ip);
  const how = await verifySecondFactor(ctx, session.user_id, code);
  if (!how) {
    await audit(ctx, { actorId: session.user_id, action: 'signin.code_failed', subject: `user:${session.user_id}`, ip: client.ip });
    throw new UnauthorizedError(WRONG_CODE);
  }
  await attemptSucceeded(ctx, attempt);
  return promote(ctx, session.user_id, oldToken, client, how === 'recovery' ? 'recovery code' : 'authenticator');
}

/** Replaces a half-finished session with a full one (after a code or after setting up 2FA). */
export async function promote(ctx: AppContext, userId: number, oldToken: string, client: ClientInfo, method: string): Promise<string> {
  await endSession(ctx, oldToken);
  const token = await createSession(ctx, userId, 'full', client);
  await signedIn(ctx, userId, client, method);
  return token;
}
