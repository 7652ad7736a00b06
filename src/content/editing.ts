// A person's work on an article in the newsroom app. A draft (or a story in review, or an archived one) is saved in
// place, as before. A published or scheduled story is not: its saves and autosaves go to its working copy, and what
// readers see changes only when someone allowed to publish presses Update (article_moves.ts). Revisions record each
// manual save and a checkpoint of the typing every few minutes.
import type { AppContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { ArticleInput } from './article_input.ts';
import { allowedMoves, checkArticleAccess, type ArticleAction } from './article_rules.ts';
import { CHANGED_MEANWHILE, checkHeroFor, getArticle, prepareChange, requireArticle, snapshot, updateArticle, type ArticleRecord } from './article_store.ts';
import { checkHeroAlt } from './hero_alt.ts';
import { diffTexts, getRevision, listRevisions, recordRevision } from './revisions.ts';
import { reviewOf } from './reviews.ts';
import { getSettings } from './settings.ts';
import { applied, getWorkingCopy, inputOf, KEEPS_LIVE_VERSION, overlaid, type EditedText } from './working_copy.ts';
import { audit } from '../auth/audit.ts';

/** The live article, if the actor may do `action` to it: NotFoundError when there is none, ForbiddenError when not theirs. */
export async function articleFor(ctx: AppContext, actor: Actor, id: number, action: ArticleAction): Promise<ArticleRecord> {
  const a = await getArticle(ctx.db, id);
  if (!a) throw new NotFoundError('Article not found');
  await checkArticleAccess(ctx, actor, a, action);
  return a;
}

/** The article as its editor shows it (the working copy over the live version), with the moves this person may make
 * and the latest review round (who submitted it, the note it was sent back with). */
export async function articleForEditing(ctx: AppContext, actor: Actor, id: number) {
  const a = await articleFor(ctx, actor, id, 'view');
  const wc = await getWorkingCopy(ctx.db, id);
  const view = await overlaid(ctx.db, a, wc);
  // the site's time zone: the editor's schedule field and dates follow it
  const timeZone = (await getSettings(ctx.db)).timeZone;
  return { ...view, moves: await allowedMoves(ctx, actor, a, wc !== null), review: await reviewOf(ctx.db, id), time_zone: timeZone };
}

function textOf(a: ArticleRecord): EditedText {
  return { headline: a.headline, standfirst: a.standfirst, body_html: a.body_html, fields: snapshot(a) };
}

/** Saves a person's change. Made from an older version than the one stored (`baseUpdatedAt`), it is refused with
 * 409 and nothing is written. Returns the article as the editor now shows it. */
export async function saveArticle(ctx: AppContext, id: number, patch: Partial<ArticleInput>, actor: Actor,
  opts: { autosave?: boolean; baseUpdatedAt?: string } = {}): Promise<void> {
  const live = await articleFor(ctx, actor, id, 'edit');
  if (!KEEPS_LIVE_VERSION.includes(live.status)) {
    await updateArticle(ctx, id, patch, actor, opts);
    return;
  }
  const { translationOf, ...rest } = patch;
  // the translation link is no text readers see change: it is made at once
  if (translationOf !== undefined) await updateArticle(ctx, id, { translationOf }, actor);
  const wc = await getWorkingCopy(ctx.db, id);
  const stamp = wc?.updated_at ?? live.updated_at;
  if (opts.baseUpdatedAt && opts.baseUpdatedAt !== stamp && translationOf === undefined) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
  const current = wc ?? textOf(live);
  await checkHeroFor(ctx, { hero_media_id: current.fields.heroMediaId, hero_alt: current.fields.heroAlt }, rest);
  const p = await prepareChange(ctx, { ...live, slug: current.fields.slug }, rest, actor);
  const next = applied(current, p.columns, rest.tags, p.authorIds);
  const now = ctx.clock.now().toISOString();
  const row = { headline: next.headline, standfirst: next.standfirst, body_html: next.body_html, fields: JSON.stringify(next.fields), updated_by: actor.userId, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    if (wc) {
      // the expected version is in the WHERE: of two saves made from the same version, one is written
      const r = await trx.updateTable('article_working_copies').set(row).where('article_id', '=', id).where('updated_at', '=', wc.updated_at).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
    } else {
      const r = await trx.insertInto('article_working_copies').values({ article_id: id, ...row, created_by: actor.userId, created_at: now })
        .onConflict((oc) => oc.column('article_id').doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
    }
    await recordRevision(ctx, { id, ...next }, next.fields, actor, opts.autosave ? 'autosave' : 'edited', trx);
  });
}

/** Drops a published story's unpublished changes: its editor shows the live version again. */
export async function discardChanges(ctx: AppContext, id: number, actor: Actor, baseUpdatedAt?: string): Promise<void> {
  const a = await articleFor(ctx, actor, id, 'edit');
  const wc = await getWorkingCopy(ctx.db, id);
  if (!wc) throw new ConflictError('This article has no unpublished changes to discard', 'status');
  if (baseUpdatedAt && baseUpdatedAt !== wc.updated_at) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('article_working_copies').where('article_id', '=', id).where('updated_at', '=', wc.updated_at).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
    await audit(ctx, { actorId: actor.userId, action: 'article.discard_changes', subject: `article:${id}`, detail: { slug: a.slug, headline: a.headline }, ip: actor.ip }, trx);
  });
}

/** What Update would make public: the words changed from the live version to the working copy, and which other
 * fields differ. */
export async function unpublishedChanges(ctx: AppContext, actor: Actor, id: number) {
  const a = await articleFor(ctx, actor, id, 'view');
  const wc = await getWorkingCopy(ctx.db, id);
  if (!wc) return { changes: null };
  const live = snapshot(a);
  const fields = (Object.keys(wc.fields) as (keyof typeof live)[]).filter((k) => JSON.stringify(wc.fields[k] ?? null) !== JSON.stringify(live[k] ?? null));
  return { changes: { ...diffTexts(a, wc), fields, since: wc.created_at, updatedAt: wc.updated_at } };
}

/** Makes an earlier revision the text being edited (for a published story: its working copy, public on Update). */
export async function restoreRevision(ctx: AppContext, articleId: number, revisionId: number, actor: Actor): Promise<void> {
  const r = await getRevision(ctx.db, revisionId);
  if (!r || r.article_id !== articleId) throw new NotFoundError('Revision not found');
  const a = await requireArticle(ctx.db, articleId);
  if (r.fields.heroMediaId) await checkHeroAlt(ctx.db, r.fields.heroMediaId, r.fields.heroAlt);
  // the revision's slug stays out: a restore changes the words, not the address readers know
  const { slug: _slug, ...input } = inputOf(r);
  await saveArticle(ctx, a.id, input, actor);
  const last = (await listRevisions(ctx.db, articleId))[0];
  await ctx.db.updateTable('article_revisions').set({ note: `restored from revision ${revisionId}` }).where('id', '=', last.id).execute();
}
