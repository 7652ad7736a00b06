// The review queue of partner stories: what came in, from whom, the section chosen and why; an editor's change
// of section is both applied and learnt (src/syndication/classify.ts).
import type { AppContext } from '../context.ts';
import { archiveArticle, publishArticle, updateArticle, type Actor } from '../content/articles.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { learnSection } from './classify.ts';

/** Partner stories waiting for an editor, oldest first. */
export async function reviewQueue(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('syndicated_items as i')
    .innerJoin('articles as a', 'a.id', 'i.article_id')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .leftJoin('sections as sec', 'sec.id', 'a.section_id')
    .select(['i.id', 'i.article_id', 'a.headline', 'a.status', 'i.original_url', 's.id as source_id', 's.name as source_name', 'sec.slug as section',
      'i.section_why', 'a.original_byline', 'a.original_published_at', 'i.created_at'])
    .where('a.status', '=', 'review').orderBy('i.id').limit(500).execute();
  return rows.map((r) => ({
    id: r.id, articleId: r.article_id as number, headline: r.headline, originalUrl: r.original_url, source: { id: r.source_id, name: r.source_name },
    section: r.section ?? null, why: r.section_why, byline: r.original_byline, originallyPublishedAt: r.original_published_at, receivedAt: r.created_at,
  }));
}

/** The article of a story still waiting in the queue (a decided one is not decided again from here). */
async function articleOfItem(ctx: AppContext, itemId: number): Promise<number> {
  const item = await ctx.db.selectFrom('syndicated_items as i').innerJoin('articles as a', 'a.id', 'i.article_id')
    .select(['a.id', 'a.status']).where('i.id', '=', itemId).executeTakeFirst();
  if (!item) throw new NotFoundError('Partner story not found');
  if (item.status !== 'review') throw new ConflictError(`This story is no longer waiting for review (it is ${item.status})`, 'status');
  return item.id;
}

/** Publishes a partner story waiting for review (it leaves the queue). */
export async function approveItem(ctx: AppContext, itemId: number, actor: Actor): Promise<number> {
  const articleId = await articleOfItem(ctx, itemId);
  await publishArticle(ctx, articleId, actor);
  return articleId;
}

/** Turns a partner story down: its article is archived, never shown (it leaves the queue). */
export async function rejectItem(ctx: AppContext, itemId: number, actor: Actor): Promise<number> {
  const articleId = await articleOfItem(ctx, itemId);
  await archiveArticle(ctx, articleId, actor);
  return articleId;
}

/** Files the item's story under `sectionId` and teaches the classifier that its words belong there. */
export async function correctSection(ctx: AppContext, itemId: number, sectionId: number, actor: Actor): Promise<void> {
  const item = await ctx.db.selectFrom('syndicated_items as i').innerJoin('articles as a', 'a.id', 'i.article_id')
    .select(['a.id', 'a.headline', 'a.body_text']).where('i.id', '=', itemId).executeTakeFirst();
  if (!item) throw new NotFoundError('Partner story not found');
  await updateArticle(ctx, item.id, { sectionId }, actor);
  const at = ctx.clock.now().toISOString();
  await learnSection(ctx.db, sectionId, `${item.headline}\n${item.body_text}`, at);
  await ctx.db.updateTable('syndicated_items').set({ section_id: sectionId, section_why: 'chosen by an editor' }).where('id', '=', itemId).execute();
}
