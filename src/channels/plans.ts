// What the editor chose to announce when a story goes out ("Send alert", "Post to channels"): kept beside the story
// until it is first published (now, or at its scheduled time), then carried out once; for a story already out the
// editor announces it at once (announceStory).
import type { AppContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { ALERT_TEXT_MAX, createAlert } from './alerts.ts';
import { queueStoryPosts } from './posting.ts';
import { storyContent } from './story.ts';
import { articleExists } from '../content/reading.ts';

export interface AnnouncePlan {
  alert: boolean;
  /** the alert's text; '' = the story's headline */
  alertText: string;
  channels: boolean;
}

const NONE: AnnouncePlan = { alert: false, alertText: '', channels: false };

function checkText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > ALERT_TEXT_MAX) throw new ValidationError('alertText', `the alert's text must be at most ${ALERT_TEXT_MAX} characters`);
  return t;
}

/** The story's plan ("nothing" when none was made). */
export async function getPlan(ctx: AppContext, articleId: number): Promise<AnnouncePlan & { done: boolean }> {
  const r = await ctx.db.selectFrom('channel_plans').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return r ? { alert: !!r.alert, alertText: r.alert_text, channels: !!r.channels, done: r.done_at !== null } : { ...NONE, done: false };
}

/** Sets what happens when the story is first published. */
export async function setPlan(ctx: AppContext, articleId: number, plan: AnnouncePlan): Promise<AnnouncePlan & { done: boolean }> {
  if (!(await articleExists(ctx.db, articleId))) throw new NotFoundError('No such article');
  const row = { alert: plan.alert ? 1 : 0, alert_text: checkText(plan.alertText), channels: plan.channels ? 1 : 0 };
  await ctx.db.insertInto('channel_plans').values({ article_id: articleId, ...row, done_at: null })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute();
  return getPlan(ctx, articleId);
}

/** Alerts readers and/or queues channel posts for a published story now. */
export async function announceStory(ctx: AppContext, articleId: number, plan: AnnouncePlan, actorId: number | null): Promise<{ alertId: number | null; posts: number }> {
  const content = await storyContent(ctx, articleId);
  if (!content) throw new NotFoundError('Only a published story can be announced');
  const text = checkText(plan.alertText) || content.headline;
  const alertId = plan.alert
    ? await createAlert(ctx, { language: content.language, text: text.length > ALERT_TEXT_MAX ? `${text.slice(0, ALERT_TEXT_MAX - 1)}…` : text, url: content.url, sectionId: content.sectionId, articleId }, actorId)
    : null;
  const posts = plan.channels ? await queueStoryPosts(ctx, articleId) : 0;
  return { alertId, posts };
}

/** On a story's first publication: carries out its plan once. */
export async function carryOutPlan(ctx: AppContext, articleId: number): Promise<void> {
  const now = ctx.clock.now().toISOString();
  // Claimed by one conditional update, so two instances hearing the same event carry it out once.
  const claimed = await ctx.db.updateTable('channel_plans').set({ done_at: now }).where('article_id', '=', articleId).where('done_at', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return;
  const plan = await getPlan(ctx, articleId);
  if (plan.alert || plan.channels) await announceStory(ctx, articleId, plan, null);
}
