// The moderation queue: approve, spam, trash and restore (singly or in bulk), edit text, counts and lists.
// Every decision is recorded with who and when; approve and spam teach the classifier.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { likePattern } from '../content/article_search.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { COMMENT_STATUSES, type CommentStatus } from './tables.ts';
import type { PhaseResult } from './phases/types.ts';
import { getCommentSettings } from './settings.ts';
import { bodyHash } from './fold.ts';
import { learn } from './classifier.ts';

export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore';
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'spam', 'trash', 'restore'];

/** Who decided: a staff user's id (null for the system). */
export interface Moderator {
  userId: number | null;
}

const TARGET: Record<Exclude<ModerationAction, 'restore'>, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash' };
const MAX_BULK = 500;

/** Applies one action to the given comments; returns how many changed status. */
export async function moderateComments(ctx: AppContext, ids: number[], action: ModerationAction, actor: Moderator): Promise<{ changed: number[] }> {
  if (!MODERATION_ACTIONS.includes(action)) throw new ValidationError('action', `action must be one of ${MODERATION_ACTIONS.join(', ')}`);
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_BULK || !ids.every((id) => Number.isInteger(id) && id > 0)) {
    throw new ValidationError('ids', `ids must be a list of 1 to ${MAX_BULK} comment ids`);
  }
  const rows = await ctx.db.selectFrom('comments').select(['id', 'status', 'article_id', 'body', 'author_name']).where('id', 'in', [...new Set(ids)]).execute();
  if (rows.length === 0) throw new NotFoundError('No such comments');
  const at = ctx.clock.now().toISOString();
  const changed: { id: number; articleId: number; status: CommentStatus }[] = [];
  for (const c of rows) {
    const to = action === 'restore' ? await restoredStatus(ctx.db, c.id, c.status) : TARGET[action];
    if (to === c.status) continue;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('comments').set({ status: to, updated_at: at, ...(to === 'approved' ? { report_count: 0 } : {}) }).where('id', '=', c.id).execute();
      await trx.insertInto('comment_decisions').values({ comment_id: c.id, action, from_status: c.status, to_status: to, actor_id: actor.userId, note: '', created_at: at }).execute();
      if (to === 'approved' || to === 'spam') await learn(trx, c.id, to === 'spam' ? 'spam' : 'ham', `${c.author_name}\n${c.body}`);
    });
    changed.push({ id: c.id, articleId: c.article_id, status: to });
  }
  for (const c of changed) await ctx.events.emit('comment.changed', { articleId: c.articleId, commentId: c.id, status: c.status });
  return { changed: changed.map((c) => c.id) };
}

/** Out of trash or spam: back to where it was before, or pending when it was never anywhere else. */
async function restoredStatus(db: Db, id: number, current: CommentStatus): Promise<CommentStatus> {
  if (current !== 'trash' && current !== 'spam') return current;
  const last = await db.selectFrom('comment_decisions').select('from_status').where('comment_id', '=', id).where('to_status', '=', current)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  const before = last?.from_status as CommentStatus | null | undefined;
  return before && before !== 'trash' && before !== 'spam' ? before : 'pending';
}

/** Replaces a comment's text (kept plain text); the old text is kept in the decision record. */
export async function editComment(ctx: AppContext, id: number, body: unknown, actor: Moderator): Promise<void> {
  const s = await getCommentSettings(ctx.db);
  if (typeof body !== 'string') throw new ValidationError('body', 'body must be text');
  const text = body.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if ([...text].length < s.bodyMin || [...text].length > s.bodyMax) throw new ValidationError('body', `body must be ${s.bodyMin} to ${s.bodyMax} characters`);
  const c = await ctx.db.selectFrom('comments').select(['id', 'body', 'status', 'article_id']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('No such comment');
  if (c.body === text) return;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set({ body: text, body_hash: bodyHash(text), edited_at: at, updated_at: at }).where('id', '=', id).execute();
    await trx.insertInto('comment_decisions').values({ comment_id: id, action: 'edit', from_status: c.status, to_status: c.status, actor_id: actor.userId,
      note: JSON.stringify({ before: c.body }), created_at: at }).execute();
  });
  await ctx.events.emit('comment.changed', { articleId: c.article_id, commentId: id, status: c.status });
}

export interface CommentFilter {
  status?: CommentStatus;
  articleId?: number;
  /** only comments readers reported */
  reported?: boolean;
  /** words in the comment, the commenter's name or email, or the article's headline */
  q?: string;
  limit?: number;
  offset?: number;
}

/** Comments for moderators, newest first, with the private fields and the reasons behind the score. */
export async function listComments(db: Db, f: CommentFilter = {}) {
  if (f.status !== undefined && !COMMENT_STATUSES.includes(f.status)) throw new ValidationError('status', `status must be one of ${COMMENT_STATUSES.join(', ')}`);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  let q = db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id')
    .selectAll('comments').select(['articles.headline as article_headline', 'articles.slug as article_slug']);
  if (f.status) q = q.where('comments.status', '=', f.status);
  if (f.articleId) q = q.where('comments.article_id', '=', f.articleId);
  if (f.reported) q = q.where('comments.report_count', '>', 0);
  const words = f.q?.trim();
  if (words) {
    const p = likePattern(words);
    q = q.where((eb) => eb.or([
      sql<boolean>`lower(comments.body) like ${p} escape '!'`, sql<boolean>`lower(comments.author_name) like ${p} escape '!'`,
      sql<boolean>`lower(coalesce(comments.author_email, '')) like ${p} escape '!'`, sql<boolean>`lower(articles.headline) like ${p} escape '!'`,
    ]));
  }
  const rows = await q.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(limit).offset(Math.max(f.offset ?? 0, 0)).execute();
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as PhaseResult[] }));
}

/** One comment with its decision history and reports, for moderators. */
export async function getCommentForModeration(db: Db, id: number) {
  const [c] = await listOne(db, id);
  if (!c) throw new NotFoundError('No such comment');
  const decisions = await db.selectFrom('comment_decisions').selectAll().where('comment_id', '=', id).orderBy('id').execute();
  const reports = await db.selectFrom('comment_reports').select(['id', 'reason', 'created_at']).where('comment_id', '=', id).orderBy('id').execute();
  return { ...c, decisions, reports };
}

async function listOne(db: Db, id: number) {
  const rows = await db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id')
    .selectAll('comments').select(['articles.headline as article_headline', 'articles.slug as article_slug']).where('comments.id', '=', id).execute();
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as PhaseResult[] }));
}

/** How many comments are in each status, and how many published ones readers reported. */
export async function countComments(db: Db, articleId?: number): Promise<Record<CommentStatus | 'reported', number>> {
  let q = db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
  if (articleId) q = q.where('article_id', '=', articleId);
  const rows = await q.execute();
  let r = db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('report_count', '>', 0).where('status', '=', 'approved');
  if (articleId) r = r.where('article_id', '=', articleId);
  const reported = await r.executeTakeFirstOrThrow();
  const out = { pending: 0, approved: 0, spam: 0, trash: 0, reported: Number(reported.n) };
  for (const row of rows) if (row.status in out) out[row.status as CommentStatus] = Number(row.n);
  return out;
}
