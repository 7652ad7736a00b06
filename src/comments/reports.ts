// Readers reporting a comment: one report per address per comment; enough reports send it back to the queue.
import type { AppContext } from '../context.ts';
import { getCommentSettings } from './settings.ts';
import { CommentRefusedError } from './messages.ts';
import { normalizeIp } from './network.ts';

/** Records a reader's report; returns the comment's article slug for the way back. */
export async function reportComment(ctx: AppContext, commentId: number, ip: string, reason = ''): Promise<{ articleSlug: string }> {
  const c = await ctx.db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['comments.id', 'comments.status', 'comments.article_id', 'articles.slug']).where('comments.id', '=', commentId).executeTakeFirst();
  if (c?.status !== 'approved') throw new CommentRefusedError(404, 'comments.report_missing');
  const s = await getCommentSettings(ctx.db);
  const at = ctx.clock.now().toISOString();
  const inserted = await ctx.db.insertInto('comment_reports').values({ comment_id: c.id, ip: normalizeIp(ip), reason: reason.slice(0, 500), created_at: at })
    .onConflict((oc) => oc.columns(['comment_id', 'ip']).doNothing()).returning('id').execute();
  if (inserted.length === 0) return { articleSlug: c.slug };
  const held = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('comments').set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', c.id).returning(['report_count', 'status']).executeTakeFirstOrThrow();
    if (row.report_count < s.reportsToHold || row.status !== 'approved') return false;
    await trx.updateTable('comments').set({ status: 'pending', updated_at: at }).where('id', '=', c.id).execute();
    await trx.insertInto('comment_decisions').values({ comment_id: c.id, action: 'reported', from_status: 'approved', to_status: 'pending', actor_id: null,
      note: `${row.report_count} reader reports`, created_at: at }).execute();
    return true;
  });
  await ctx.events.emit('comment.changed', { articleId: c.article_id, commentId: c.id, status: held ? 'pending' : c.status });
  return { articleSlug: c.slug };
}
