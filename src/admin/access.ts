// Route options that put the capability check in front of an Admin API route. The guard runs on request, before
// the body is parsed and validated, so a caller without a session learns nothing about the route's schema; for
// changes it also checks the CSRF token (header x-csrf-token).
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { requireCapability, type StaffUser } from '../auth/guard.ts';
import type { Capability } from '../auth/capabilities.ts';
import { audit } from '../auth/audit.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../content/articles.ts';
import { UnauthorizedError } from '../errors.ts';

/** The signed-in staff member's role must hold `cap` (and a change must carry the CSRF token). */
export function guarded(cap: Capability): { onRequest: onRequestHookHandler[] } {
  return { onRequest: [requireCapability(cap) as unknown as onRequestHookHandler] };
}

/** Reads and writes are guarded alike (the guard checks the CSRF token on every method that changes state). */
export const reads = guarded;
export const writes = guarded;

/** The signed-in staff member (the guard has run). */
export function staffOf(req: FastifyRequest): StaffUser {
  if (!req.staff) throw new UnauthorizedError();
  return req.staff;
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: staffOf(req).id };
}

/** Writes an audit-log entry for the signed-in staff member. */
export function auditBy(ctx: AppContext, req: FastifyRequest, action: string, target: { type: string; id?: number | string | null },
  detail: Record<string, unknown> = {}): Promise<void> {
  const subject = target.id === undefined || target.id === null ? target.type : `${target.type}:${target.id}`;
  return audit(ctx, { actorId: staffOf(req).id, action, subject, detail, ip: req.ip });
}
