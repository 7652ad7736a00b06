// The Admin API's guard, run on request (before the body is read or validated) by every endpoint: who is signed in,
// at which stage, whether their role holds the endpoint's capability, and the CSRF check of every change.
import type { FastifyRequest } from 'fastify';
import { can, type Capability } from '../auth/capabilities.ts';
import type { SessionStage } from '../auth/tables.ts';
import type { LiveSession } from '../auth/sessions.ts';
import { ForbiddenError, KhabarError, UnauthorizedError } from '../errors.ts';
import { checkCsrf } from '../http/csrf.ts';
import { sessionOf } from '../http/staff_session.ts';

/** Who may call an endpoint: a capability (full sign-in), any staff member at these session stages, or anyone
 *  ('none': sign-in, setup, links; the CSRF check still applies to changes). */
export type Access = { capability: Capability } | { stages: readonly SessionStage[] } | 'none';

/** The onRequest hook of an endpoint: 401 without a fitting session, 403 without the capability or the CSRF token. */
export function guardFor(access: Access) {
  return async function guard(req: FastifyRequest): Promise<void> {
    if (access !== 'none') {
      const stages = 'stages' in access ? access.stages : (['full'] as const);
      const s = await sessionOf(req);
      if (!s || !stages.includes(s.stage)) {
        if (s?.stage === 'enroll') throw new KhabarError(403, 'two_factor_setup_required', 'Set up two-factor authentication before continuing');
        throw new UnauthorizedError();
      }
      if (s.stage === 'full') req.staff = staffOfSession(s);
      if ('capability' in access && !can(s.role, access.capability)) throw new ForbiddenError();
    }
    await checkCsrf(req);
  };
}

function staffOfSession(s: LiveSession) {
  return { id: s.user_id, name: s.name, email: s.email, role: s.role };
}
