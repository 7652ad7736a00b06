// Who is asking, for the handlers of guarded endpoints (the guard has run), and the audit entry they write.
import type { FastifyRequest } from 'fastify';
import { audit } from '../auth/audit.ts';
import { can } from '../auth/capabilities.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../content/actor.ts';
import { UnauthorizedError } from '../errors.ts';
import type { StaffUser } from '../http/staff_session.ts';

/** The signed-in staff member. */
export function staffOf(req: FastifyRequest): StaffUser {
  if (!req.staff) throw new UnauthorizedError();
  return req.staff;
}

/** The staff member as the content service sees them: naming a tag that does not exist needs tags.manage, and
 * the role decides what the content rules let them reach. */
export function actorOf(req: FastifyRequest): Actor {
  const staff = staffOf(req);
  return { userId: staff.id, newTags: can(staff.role, 'tags.manage'), role: staff.role };
}

/** Writes an audit-log entry for the signed-in staff member. */
export function auditBy(ctx: AppContext, req: FastifyRequest, action: string, target: { type: string; id?: number | string | null },
  detail: Record<string, unknown> = {}): Promise<void> {
  const subject = target.id === undefined || target.id === null ? target.type : `${target.type}:${target.id}`;
  return audit(ctx, { actorId: req.staff?.id ?? null, action, subject, detail, ip: req.ip });
}
