// Blocking a commenter by email, address or network; later comments from them are filed as spam silently.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { CommentBlockKind } from './tables.ts';
import type { Moderator } from './moderation.ts';
import { networkOf, parseIp, parseNetwork } from './network.ts';

const KINDS: readonly CommentBlockKind[] = ['email', 'ip', 'network'];

function normalize(kind: CommentBlockKind, value: string): string | null {
  if (kind === 'email') return /^[^\s@]+@[^\s@]+$/.test(value.trim()) && value.length <= 254 ? value.trim().toLowerCase() : null;
  if (kind === 'ip') return parseIp(value);
  return parseNetwork(value);
}

/** Adds a block; returns its id. */
export async function addBlock(ctx: AppContext, input: { kind: unknown; value: unknown; note?: unknown }, actor: Moderator): Promise<number> {
  const kind = input.kind as CommentBlockKind;
  if (!KINDS.includes(kind)) throw new ValidationError('kind', 'kind must be email, ip or network');
  if (typeof input.value !== 'string') throw new ValidationError('value', 'value must be text');
  const value = normalize(kind, input.value);
  if (!value) throw new ValidationError('value', kind === 'network' ? 'value must be an IPv4 /24 or IPv6 /64 network' : `value must be a valid ${kind}`);
  const note = typeof input.note === 'string' ? input.note.slice(0, 500) : '';
  const rows = await ctx.db.insertInto('comment_blocks').values({ kind, value, note, created_by: actor.userId, created_at: ctx.clock.now().toISOString() })
    .onConflict((oc) => oc.columns(['kind', 'value']).doNothing()).returning('id').execute();
  if (rows.length === 0) throw new ConflictError(`That ${kind} is already blocked`, 'value');
  return rows[0].id;
}

/** Blocks the email, address or network a comment came from. */
export async function blockCommentSender(ctx: AppContext, commentId: number, kind: CommentBlockKind, actor: Moderator): Promise<number> {
  const c = await ctx.db.selectFrom('comments').select(['author_email', 'ip']).where('id', '=', commentId).executeTakeFirst();
  if (!c) throw new NotFoundError('No such comment');
  if (kind === 'email' && !c.author_email) throw new ValidationError('kind', 'This comment has no email to block');
  const value = kind === 'email' ? c.author_email! : kind === 'ip' ? c.ip : networkOf(c.ip);
  return addBlock(ctx, { kind, value, note: `from comment ${commentId}` }, actor);
}

export async function removeBlock(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.deleteFrom('comment_blocks').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new NotFoundError('No such block');
}

export function listBlocks(db: Db) {
  return db.selectFrom('comment_blocks').selectAll().orderBy('id', 'desc').limit(1000).execute();
}
