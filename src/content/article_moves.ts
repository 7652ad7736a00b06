// An article's moves: submit for review, send back, publish, update (make the unpublished changes public),
// schedule, unpublish, archive. Each is one transaction: the status, the working copy folded into the article,
// the revision, the review round and the audit entry are written together, with the state the move was made from
// (status and version) in the UPDATE's WHERE and the row count checked, as publishDueArticles does. Of two people
// pressing Publish or Update at once exactly one succeeds; the other gets a ConflictError and nothing is half-done.
import type { AppContext } from '../context.ts';
import { audit } from '../auth/audit.ts';
import { can } from '../auth/capabilities.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { checkArticleAccess, type ArticleAction } from './article_rules.ts';
import { CHANGED_MEANWHILE, prepareChange, requireArticle, snapshot, writeChange, type Columns, type PreparedChange } from './article_store.ts';
import { requiredText } from './fields.ts';
import { checkHeroAlt } from './hero_alt.ts';
import { recordRevision } from './revisions.ts';
import { closeReview, noteSentBack, noteSubmitted } from './reviews.ts';
import type { ArticleStatus } from './tables.ts';
import { getWorkingCopy, inputOf } from './working_copy.ts';

type MoveName = 'submit' | 'send_back' | 'publish' | 'update' | 'schedule' | 'unpublish' | 'archive';

interface Rule {
  from: readonly ArticleStatus[];
  action: ArticleAction;
  /** "An article that is draft cannot be <verb>" */
  verb: string;
  audit: string;
  /** the note of the revision the move writes (none: no revision) */
  revision?: string;
  /** whether the move takes the working copy into the article (the person pressing it sees that text) */
  folds: boolean;
}

const RULES: Record<MoveName, Rule> = {
  submit: { from: ['draft'], action: 'edit', verb: 'submitted for review', audit: 'article.submit', folds: false },
  send_back: { from: ['review'], action: 'publish', verb: 'sent back', audit: 'article.send_back', folds: false },
  publish: { from: ['draft', 'review', 'scheduled', 'archived'], action: 'publish', verb: 'published', audit: 'article.publish', revision: 'published', folds: true },
  update: { from: ['published', 'scheduled'], action: 'publish', verb: 'updated', audit: 'article.update', revision: 'updated', folds: true },
  schedule: { from: ['draft', 'review', 'scheduled'], action: 'publish', verb: 'scheduled', audit: 'article.schedule', revision: 'scheduled', folds: true },
  unpublish: { from: ['published', 'scheduled', 'review'], action: 'publish', verb: 'unpublished', audit: 'article.unpublish', folds: true },
  archive: { from: ['draft', 'review', 'scheduled', 'published'], action: 'publish', verb: 'archived', audit: 'article.archive', folds: true },
};

interface MoveOptions {
  /** the version the person saw (the editor's updatedAt): a change made since answers 409 */
  baseUpdatedAt?: string;
  /** what else the audit entry records (the scheduled time, the note) */
  detail?: Record<string, unknown>;
  /** a hero image needs alt text before it goes public (the newsroom app's rule; a partner's story from syndication
   *  comes with the partner's pictures as they are) */
  heroAlt?: boolean;
}

async function move(ctx: AppContext, id: number, actor: Actor, name: MoveName, set: (a: { published_at: string | null }, now: string) => Columns,
  opts: MoveOptions = {}, during?: (db: Parameters<typeof noteSubmitted>[0], now: string) => Promise<void>): Promise<void> {
  const rule = RULES[name];
  const a = await requireArticle(ctx.db, id);
  await checkArticleAccess(ctx, actor, a, rule.action);
  if (!rule.from.includes(a.status)) {
    throw new ConflictError(name === 'publish' && a.status === 'published' ? 'This article is already published: press Update to make your changes public'
      : `An article that is ${a.status} cannot be ${rule.verb}`, 'status');
  }
  const wc = rule.folds ? await getWorkingCopy(ctx.db, id) : null;
  if (name === 'update' && !wc) throw new ConflictError('This article has no unpublished changes: there is nothing to update', 'status');
  if (opts.baseUpdatedAt && opts.baseUpdatedAt !== (wc?.updated_at ?? a.updated_at)) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
  const p: PreparedChange = wc ? await prepareChange(ctx, a, inputOf(wc), actor) : { columns: {}, newSlug: null };
  if (name === 'publish' || name === 'update' || name === 'schedule') {
    if (!(p.columns.headline ?? a.headline).trim()) throw new ValidationError('headline', 'headline is required before publishing');
    if (opts.heroAlt) await checkHeroAlt(ctx.db, p.columns.hero_media_id !== undefined ? p.columns.hero_media_id : a.hero_media_id, p.columns.hero_alt ?? a.hero_alt);
  }
  const now = ctx.clock.now().toISOString();
  const after = await ctx.db.transaction().execute(async (trx) => {
    await writeChange(trx, a, p, set(a, now), now, { status: a.status, updatedAt: a.updated_at });
    if (wc) {
      const r = await trx.deleteFrom('article_working_copies').where('article_id', '=', id).where('updated_at', '=', wc.updated_at).executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
    }
    await during?.(trx, now);
    const stored = await requireArticle(trx, id);
    if (rule.revision) await recordRevision(ctx, stored, snapshot(stored), actor, rule.revision, trx);
    if (actor.userId !== null) {
      await audit(ctx, { actorId: actor.userId, action: rule.audit, subject: `article:${id}`,
        detail: { slug: stored.slug, headline: stored.headline, ...opts.detail }, ip: actor.ip }, trx);
    }
    return stored;
  });
  await ctx.events.emit('article.changed', { articleId: id, slug: after.slug, reason: rule.verb });
  // a newly public story (not an update of one) is news for feeds' listeners, webhooks and alerts
  if (after.status === 'published' && a.status !== 'published') await ctx.events.emit('article.published', { articleId: id, slug: after.slug });
  if (p.newSlug && a.slug !== after.slug) await ctx.events.emit('article.changed', { articleId: id, slug: a.slug, reason: 'address changed' });
}

/** A draft goes to the editors' review queue (who submitted it, and when, are kept). */
export function submitForReview(ctx: AppContext, id: number, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  return move(ctx, id, actor, 'submit', () => ({ status: 'review' }), opts, (db, now) => noteSubmitted(db, id, actor.userId, now));
}

/** An editor returns a story in review to its writer, with a note the writer sees in the editor. */
export async function sendBack(ctx: AppContext, id: number, note: string, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  const text = requiredText('note', note, 2000);
  if (actor.role && !can(actor.role, 'articles.publish_any')) throw new ForbiddenError('Only an editor sends a story back to its writer');
  return move(ctx, id, actor, 'send_back', () => ({ status: 'draft' }), { ...opts, detail: { note: text } }, (db, now) => noteSentBack(db, id, actor.userId, now, text));
}

/** Publishes now (with its unpublished changes, if any); an article published before keeps its first publication time. */
export function publishArticle(ctx: AppContext, id: number, actor: Actor, at?: Date, opts: MoveOptions = {}): Promise<void> {
  return move(ctx, id, actor, 'publish', (a, now) => ({ status: 'published', published_at: a.published_at ?? (at?.toISOString() ?? now), scheduled_at: null }), opts,
    (db) => closeReview(db, id));
}

/** Update: a published (or scheduled) story's unpublished changes become its live version. */
export function updatePublished(ctx: AppContext, id: number, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  return move(ctx, id, actor, 'update', () => ({}), opts);
}

/** Schedules publication at a future time; the job runner publishes it then. */
export async function scheduleArticle(ctx: AppContext, id: number, at: Date, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new ValidationError('at', 'at must be a date and time');
  if (at.getTime() <= ctx.clock.now().getTime()) throw new ValidationError('at', 'the scheduled time must be in the future');
  return move(ctx, id, actor, 'schedule', () => ({ status: 'scheduled', scheduled_at: at.toISOString() }), { ...opts, detail: { at: at.toISOString() } },
    (db) => closeReview(db, id));
}

/** Back to draft: its address stops answering; unpublished changes become the draft's text. */
export function unpublishArticle(ctx: AppContext, id: number, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  return move(ctx, id, actor, 'unpublish', () => ({ status: 'draft', scheduled_at: null }), opts);
}

/** Archives: the public page answers 410 Gone. */
export function archiveArticle(ctx: AppContext, id: number, actor: Actor, opts: MoveOptions = {}): Promise<void> {
  return move(ctx, id, actor, 'archive', () => ({ status: 'archived', scheduled_at: null }), opts);
}
