// The staff session of a request, shared by the Admin API and the sign-in pages: the live session (looked up once
// per request) and request.staff for a full sign-in.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffUser } from '../auth/users.ts';
import { findSession, SESSION_COOKIE, type LiveSession } from '../auth/sessions.ts';

export type { StaffUser };

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

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

/** onRequest hook: sets request.staff from a fully signed-in session cookie (null otherwise); readers without the
 *  cookie cost nothing. */
async function loadStaff(req: FastifyRequest): Promise<void> {
  req.staff = null;
  if (!req.cookies?.[SESSION_COOKIE]) return;
  const s = await sessionOf(req);
  if (s?.stage === 'full') req.staff = { id: s.user_id, name: s.name, email: s.email, role: s.role };
}


/** Registers request.staff and the hook that reads the session cookie, for every route of the app. */
export async function staffSessions(app: FastifyInstance): Promise<void> {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', loadStaff);
}
// Not encapsulated: request.staff and the session hook apply to every route of the app.
(staffSessions as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
