// One-time links: the owner's setup link, invitations and password resets. The link carries a random token;
// the table keeps its hash. Using a link marks it used in the same statement that checks it, so a link works once.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import type { Role } from './capabilities.ts';
import type { AuthLinkKind } from './tables.ts';
import { ValidationError } from '../errors.ts';
import { hashToken, newToken } from './tokens.ts';

export const LINK_LIFETIME_MS: Record<AuthLinkKind, number> = { setup: 24 * 3600_000, invite: 7 * 24 * 3600_000, reset: 3600_000 };
const PATHS: Record<AuthLinkKind, string> = { setup: '/admin/setup', invite: '/admin/invitation', reset: '/admin/reset' };

export interface NewLink {
  kind: AuthLinkKind;
  email?: string | null;
  role?: Role | null;
  name?: string;
  userId?: number | null;
  createdBy?: number | null;
  /** where the link points (default: the configured public address) */
  origin?: string;
}

/** Stores a link and returns its id, token and full URL (the token appears nowhere else). */
export async function createLink(ctx: AppContext, input: NewLink): Promise<{ id: number; token: string; url: string; expiresAt: string }> {
  const token = newToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[input.kind]).toISOString();
  const { id } = await ctx.db.insertInto('auth_links').values({
    token_hash: hashToken(token), kind: input.kind, email: input.email ?? null, role: input.role ?? null, name: input.name ?? '',
    user_id: input.userId ?? null, created_by: input.createdBy ?? null, created_at: now.toISOString(), expires_at: expiresAt, used_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { id, token, url: `${input.origin ?? ctx.config.publicUrl}${PATHS[input.kind]}?token=${token}`, expiresAt };
}

const INVALID: Record<AuthLinkKind, string> = {
  setup: 'This setup link is not valid any more; restart the server to print a new one',
  invite: 'This invitation is not valid any more; ask for a new one',
  reset: 'This reset link is not valid any more; ask for a new one',
};

/** The unused, unexpired link for a token, without using it; null when there is none. */
export async function peekLink(ctx: AppContext, kind: AuthLinkKind, token: unknown) {
  if (typeof token !== 'string' || token.length > 100) return null;
  return (await ctx.db.selectFrom('auth_links').selectAll().where('token_hash', '=', hashToken(token)).where('kind', '=', kind)
    .where('used_at', 'is', null).where('expires_at', '>', ctx.clock.now().toISOString()).executeTakeFirst()) ?? null;
}

/** Uses a link once; throws a ValidationError on `token` when it is unknown, used, revoked or expired. */
export async function consumeLink(ctx: AppContext, kind: AuthLinkKind, token: unknown) {
  const link = await peekLink(ctx, kind, token);
  if (!link) throw new ValidationError('token', INVALID[kind]);
  const r = await ctx.db.updateTable('auth_links').set({ used_at: ctx.clock.now().toISOString() })
    .where('id', '=', link.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new ValidationError('token', INVALID[kind]);
  return link;
}

/** Puts a link back when what it was for failed (a weak password, say), so the person can try again. */
export async function releaseLink(ctx: AppContext, id: number): Promise<void> {
  await ctx.db.updateTable('auth_links').set({ used_at: null }).where('id', '=', id).execute();
}

/** Voids every open link of a kind (for one email or user when given). */
export async function voidLinks(ctx: AppContext, kind: AuthLinkKind, opts: { email?: string; userId?: number; id?: number } = {}): Promise<number> {
  let q = ctx.db.updateTable('auth_links').set({ used_at: ctx.clock.now().toISOString() }).where('kind', '=', kind).where('used_at', 'is', null);
  if (opts.email) q = q.where('email', '=', opts.email);
  if (opts.userId) q = q.where('user_id', '=', opts.userId);
  if (opts.id) q = q.where('id', '=', opts.id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** Open invitations, newest first. */
export async function listOpenInvitations(db: Db, now: Date) {
  return db.selectFrom('auth_links').select(['id', 'email', 'role', 'name', 'created_by', 'created_at', 'expires_at'])
    .where('kind', '=', 'invite').where('used_at', 'is', null).where('expires_at', '>', now.toISOString()).orderBy('id', 'desc').execute();
}

/** Deletes links that expired more than a day ago (used ones are kept that long too, for the audit trail's sake). */
export async function purgeOldLinks(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString();
  const r = await ctx.db.deleteFrom('auth_links').where('expires_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
