// Steps of a session that the JSON routes and the newsroom's HTML pages both take, so both hand out the same
// sessions: a new account signing in, turning two-factor on (which finishes a sign-in that waited for it),
// signing out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { audit } from '../auth/audit.ts';
import { getSecuritySettings } from '../auth/security_settings.ts';
import { createSession, endSession, SESSION_COOKIE, type LiveSession } from '../auth/sessions.ts';
import type { SessionStage } from '../auth/tables.ts';
import { clearSessionCookie, clientOf, setSessionCookie } from './session_cookie.ts';
import { confirmEnrollment } from '../auth/two_factor.ts';
import { promote, signedIn } from '../auth/sign_in.ts';

/** Signs a just-created account in (without a second factor yet, so never into a newsroom that requires one:
 * then the session may only set up two-factor authentication). Any session the browser had before ends. */
export async function signInNewAccount(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, userId: number): Promise<SessionStage> {
  const old = req.cookies[SESSION_COOKIE];
  if (old) await endSession(ctx, old);
  const stage = (await getSecuritySettings(ctx.db)).requireTwoFactor ? 'enroll' : 'full';
  setSessionCookie(ctx, req, reply, await createSession(ctx, userId, stage, clientOf(req)), stage);
  // A full session is a finished sign-in (the staff list shows when, not "never signed in"); one that must set up
  // two-factor first is recorded when that is done (promote).
  if (stage === 'full') await signedIn(ctx, userId, clientOf(req), 'new account');
  return stage;
}

/** Turns two-factor on with a code from the app; a session that waited for it becomes a full one. Returns the
 * recovery codes (shown once). */
export async function turnOnTwoFactor(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: LiveSession, code: unknown): Promise<string[]> {
  const recoveryCodes = await confirmEnrollment(ctx, s.user_id, code);
  await audit(ctx, { actorId: s.user_id, action: 'two_factor.enable', subject: `user:${s.user_id}`, ip: req.ip });
  if (s.stage === 'enroll') setSessionCookie(ctx, req, reply, await promote(ctx, s.user_id, req.cookies[SESSION_COOKIE]!, clientOf(req), 'password and new 2FA'), 'full');
  return recoveryCodes;
}

/** Ends this browser's session (if any) and clears its cookie. */
export async function signOut(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: LiveSession | null): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) await endSession(ctx, token);
  if (s) await audit(ctx, { actorId: s.user_id, action: 'signout', subject: `user:${s.user_id}`, ip: req.ip });
  clearSessionCookie(ctx, reply);
}
