// Small pieces the account routes share: JSON-schema helpers, the session cookie, who is asking.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ABSOLUTE_MS, PENDING_MS, SESSION_COOKIE, type ClientInfo } from './sessions.ts';
import type { SessionStage } from './tables.ts';
import { checkCsrf } from './guard.ts';

export type Schema = Record<string, unknown>;

export const str = (maxLength: number, minLength = 0): Schema => ({ type: 'string', maxLength, ...(minLength ? { minLength } : {}) });
export const int: Schema = { type: 'integer', minimum: 1, maximum: 2_147_483_647 };

/** An object with exactly these properties. */
export function obj(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

export const idParams = obj({ id: int }, ['id']);
export const sessionSecurity = [{ session: [] }];
export const noSecurity: never[] = [];

export function clientOf(req: FastifyRequest): ClientInfo {
  return { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, stage: SessionStage): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https:'),
    maxAge: Math.floor((stage === 'full' ? ABSOLUTE_MS : PENDING_MS) / 1000),
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https:') });
}

/** onRequest hook for changes made without a session (sign-in, setup, invitations): the CSRF token is still required. */
export async function csrfOnly(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  checkCsrf(req, reply);
}
