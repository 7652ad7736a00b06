// Route guards: who is signed in, and whether their role holds a capability (see capabilities.ts).
// The session cookie is read once per request by the onRequest hook authRoutes registers for the whole app
// (only when the cookie is present, so readers cost nothing); the guards then decide.
// Every state-changing request of a signed-in staff member must also carry the CSRF token (x-csrf-token header)
// that GET /api/admin/csrf hands out: the guards check it themselves, so no admin route can forget it.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import Tokens from '@fastify/csrf';
import { can, type Capability, type Role } from './capabilities.ts';
import { ForbiddenError, KhabarError, UnauthorizedError } from '../errors.ts';
import { findSession, SESSION_COOKIE, type LiveSession } from './sessions.ts';
import type { SessionStage } from './tables.ts';

export interface StaffUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

export const CSRF_COOKIE = 'khabar_csrf';
const tokens = Tokens();
const sessions = new WeakMap<FastifyRequest, Promise<LiveSession | null>>();

/** The request's live session (looked up once per request), or null. */
export function sessionOf(req: FastifyRequest): Promise<LiveSession | null> {
  let s = sessions.get(req);
  if (!s) {
    s = findSession(req.server.ctx, req.cookies?.[SESSION_COOKIE]);
    sessions.set(req, s);
  }
  return s;
}

/** onRequest hook: sets request.staff from a fully signed-in session cookie (null otherwise). */
export async function loadStaff(req: FastifyRequest): Promise<void> {
  req.staff = null;
  if (!req.cookies?.[SESSION_COOKIE]) return;
  const s = await sessionOf(req);
  if (s?.stage === 'full') req.staff = { id: s.user_id, name: s.name, email: s.email, role: s.role };
}

/** Whether a signed-in staff member's role holds the capability. */
export function staffCan(staff: StaffUser | null | undefined, capability: Capability): boolean {
  return !!staff && can(staff.role, capability);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws 403 unless a state-changing request carries a CSRF token matching the secret cookie. */
export function checkCsrf(req: FastifyRequest, reply: FastifyReply): void {
  if (SAFE_METHODS.has(req.method)) return;
  const raw = req.cookies?.[CSRF_COOKIE];
  const secret = raw ? reply.unsignCookie(raw) : null;
  const header = req.headers['x-csrf-token'];
  const body = req.body as { _csrf?: unknown } | undefined;
  const token = typeof header === 'string' ? header : typeof body?._csrf === 'string' ? body._csrf : undefined;
  if (!secret?.valid || !secret.value || !token || !tokens.verify(secret.value, token)) {
    throw new KhabarError(403, 'csrf', 'The security token of this request is missing or out of date; reload the page and try again');
  }
}

/** Usable as onRequest, preValidation or preHandler hook. */
export type Guard = onRequestAsyncHookHandler & preHandlerAsyncHookHandler;

async function signedIn(req: FastifyRequest, reply: FastifyReply, stages: readonly SessionStage[]): Promise<StaffUser> {
  const s = await sessionOf(req);
  if (!s || !stages.includes(s.stage)) {
    if (s?.stage === 'enroll') throw new KhabarError(403, 'two_factor_setup_required', 'Set up two-factor authentication before continuing');
    throw new UnauthorizedError();
  }
  const staff = { id: s.user_id, name: s.name, email: s.email, role: s.role };
  if (s.stage === 'full') req.staff = staff;
  checkCsrf(req, reply);
  return staff;
}

/** Hook for routes any signed-in staff member may use: 401 without a valid session. */
export function requireStaff(): Guard {
  return async function requireStaffHandler(req: FastifyRequest, reply: FastifyReply) {
    await signedIn(req, reply, ['full']);
  } as Guard;
}

/** Hook that also lets a half-finished sign-in through (the routes that set up two-factor authentication). */
export function requireSession(stages: readonly SessionStage[]): Guard {
  return async function requireSessionHandler(req: FastifyRequest, reply: FastifyReply) {
    await signedIn(req, reply, stages);
  } as Guard;
}

/** preHandler (or onRequest/preValidation) hook: 401 without a valid session, 403 when the role lacks the capability
 * or a change comes without its CSRF token. */
export function requireCapability(capability: Capability): Guard {
  return async function requireCapabilityHandler(req: FastifyRequest, reply: FastifyReply) {
    const staff = await signedIn(req, reply, ['full']);
    if (!can(staff.role, capability)) throw new ForbiddenError();
  } as Guard;
}
