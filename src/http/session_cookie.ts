// The session cookie, shared by the Admin API and the sign-in pages: set (binding the browser's CSRF secret to the
// new session), cleared; and who is asking.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ABSOLUTE_MS, PENDING_MS, SESSION_COOKIE, type ClientInfo } from '../auth/sessions.ts';
import { hashToken } from '../auth/tokens.ts';
import type { SessionStage } from '../auth/tables.ts';
import { bindCsrfToSession } from './csrf.ts';

export function clientOf(req: FastifyRequest): ClientInfo {
  return { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
}

/** Sets the session cookie, and binds the browser's CSRF secret to the new session (its token stays the same). */
export function setSessionCookie(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, token: string, stage: SessionStage): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https:'),
    maxAge: Math.floor((stage === 'full' ? ABSOLUTE_MS : PENDING_MS) / 1000),
  });
  bindCsrfToSession(ctx, req, reply, hashToken(token));
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https:') });
}
