// Live coverage of a story: started and ended by whoever may publish the story. While it runs, the story's page
// shows its entries newest first and readers' pages look for new ones; ended, it is an ordinary story that keeps
// its entries (and the times its coverage ran).
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError } from '../errors.ts';
import type { Actor } from '../content/actor.ts';
import { requireArticle } from '../content/articles.ts';
import { checkArticleAccess } from '../content/article_rules.ts';

export interface Coverage {
  articleId: number;
  startedAt: string;
  endedAt: string | null;
  /** true while the coverage runs */
  live: boolean;
}

/** The story's coverage, or null when it was never live. */
export async function getCoverage(db: Db, articleId: number): Promise<Coverage | null> {
  const r = await db.selectFrom('live_coverage').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return r ? { articleId: r.article_id, startedAt: r.started_at, endedAt: r.ended_at, live: r.ended_at === null } : null;
}

/** The stories covered live right now (their cards say so). */
export async function liveArticleIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('live_coverage').select('article_id').where('ended_at', 'is', null).execute()).map((r) => r.article_id);
}

/** The article as the live rules see it, after checking the actor may publish it (entries go public at once). */
export async function liveArticle(ctx: AppContext, actor: Actor, articleId: number) {
  const a = await requireArticle(ctx.db, articleId);
  await checkArticleAccess(ctx, actor, a, 'publish');
  return a;
}

/** Starts (or restarts, after an end) the story's live coverage. */
export async function startCoverage(ctx: AppContext, actor: Actor, articleId: number): Promise<Coverage> {
  const a = await liveArticle(ctx, actor, articleId);
  if (a.status === 'archived') throw new ConflictError('This story is archived: restore it before covering it live');
  const now = ctx.clock.now().toISOString();
  const current = await getCoverage(ctx.db, articleId);
  if (current?.live) return current;
  if (current) await ctx.db.updateTable('live_coverage').set({ ended_at: null }).where('article_id', '=', articleId).execute();
  else await ctx.db.insertInto('live_coverage').values({ article_id: articleId, started_at: now, ended_at: null, started_by: actor.userId }).execute();
  await ctx.events.emit('article.changed', { articleId, slug: a.slug, reason: 'live' });
  return (await getCoverage(ctx.db, articleId))!;
}

/** Ends the coverage: the story stays, with its entries, as an ordinary story. */
export async function endCoverage(ctx: AppContext, actor: Actor, articleId: number): Promise<Coverage> {
  const a = await liveArticle(ctx, actor, articleId);
  const current = await getCoverage(ctx.db, articleId);
  if (!current) throw new ConflictError('This story is not covered live');
  if (!current.live) return current;
  await ctx.db.updateTable('live_coverage').set({ ended_at: ctx.clock.now().toISOString() }).where('article_id', '=', articleId).execute();
  await ctx.events.emit('article.changed', { articleId, slug: a.slug, reason: 'live' });
  return (await getCoverage(ctx.db, articleId))!;
}
