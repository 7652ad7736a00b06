// The audit log: who signed in, published, deleted, changed a role or a setting, and when.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';

export interface AuditEntry {
  /** the staff member who acted; null for Khabar itself (the job runner, a failed sign-in by a stranger) */
  actorId: number | null;
  /** what happened, e.g. "signin", "article.publish", "user.role" */
  action: string;
  /** what it happened to, e.g. "article:12", "user:3", "settings" */
  subject?: string;
  /** a small JSON object; never secrets */
  detail?: Record<string, unknown>;
  ip?: string;
}

/** Appends one entry to the audit log (in the caller's transaction when given, so the entry and the change it
 * records are written together or not at all). */
export async function audit(ctx: AppContext, e: AuditEntry, db: Db = ctx.db): Promise<void> {
  await db.insertInto('audit_log').values({
    actor_id: e.actorId, action: e.action.slice(0, 100), subject: (e.subject ?? '').slice(0, 200), detail: JSON.stringify(e.detail ?? {}),
    ip: (e.ip ?? '').slice(0, 64), created_at: ctx.clock.now().toISOString(),
  }).execute();
}

export interface AuditFilter {
  limit?: number;
  offset?: number;
  action?: string;
  actorId?: number;
  subject?: string;
  /** on or after this day, YYYY-MM-DD (UTC) */
  from?: string;
  /** on or before this day, YYYY-MM-DD (UTC) */
  to?: string;
}

/** Entries newest first, each with the actor's current name (null for Khabar itself). */
export async function listAudit(db: Db, f: AuditFilter = {}) {
  let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.action', 'audit_log.subject', 'audit_log.detail',
      'audit_log.ip', 'audit_log.created_at']);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.subject) q = q.where('audit_log.subject', '=', f.subject);
  // Times are stored as ISO 8601 UTC text, so a day's bounds compare as text on both databases.
  if (f.from) q = q.where('audit_log.created_at', '>=', `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where('audit_log.created_at', '<=', `${f.to}T23:59:59.999Z`);
  const rows = await q.orderBy('audit_log.id', 'desc').limit(Math.min(Math.max(f.limit ?? 50, 1), 200)).offset(Math.max(f.offset ?? 0, 0)).execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
