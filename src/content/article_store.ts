// Articles as stored: create, change in place (every save is a revision), delete, publish what is due, corrections.
// Bodies are sanitized on the way in. The moves between statuses are in article_moves.ts, a person's editing (the
// working copy of a published story) in editing.ts; articles.ts gathers them for callers.
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database, Db } from '../db/schema.ts';
import type { ArticleStatus } from './tables.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { actorCan } from './article_rules.ts';
import { optionalId, optionalText, optionalUrl, requiredText, slugFrom } from './fields.ts';
import { countWords, plainText, sanitizeBody, slugify } from './sanitize.ts';
import { ensureTags } from './tags.ts';
import { recordRevision, type RevisionFields } from './revisions.ts';
import { checkArticleAccess } from './article_rules.ts';
import { checkHeroAlt } from './hero_alt.ts';
import type { Actor } from './actor.ts';
import { checkArticleShape, type ArticleInput } from './article_input.ts';
import { translationGroupOf } from './translations.ts';
import { getSettings } from './settings.ts';
import { latinLetters } from './slug_latin.ts';

export type { ArticleInput };
export type { Actor };

type Row = Database['articles'];
export type Columns = Partial<{ [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K] }>;

interface Checked {
  columns: Columns;
  tags?: string[];
  authorIds?: number[];
}

function checkInput(input: Partial<ArticleInput>, partial: boolean): Checked {
  checkArticleShape(input, partial);
  const c: Columns = {};
  if (!partial || input.headline !== undefined) c.headline = requiredText('headline', input.headline, 300);
  if (input.slug !== undefined && input.slug !== '') c.slug = slugFrom('slug', input.slug, '');
  if (!partial || input.standfirst !== undefined) c.standfirst = optionalText('standfirst', input.standfirst, 1000);
  if (!partial || input.bodyHtml !== undefined) {
    c.body_html = sanitizeBody(input.bodyHtml ?? '');
    c.body_text = plainText(c.body_html);
    c.word_count = countWords(c.body_text);
  }
  if (input.sectionId !== undefined) c.section_id = optionalId('sectionId', input.sectionId);
  if (input.heroMediaId !== undefined) c.hero_media_id = optionalId('heroMediaId', input.heroMediaId);
  if (!partial || input.heroCaption !== undefined) c.hero_caption = optionalText('heroCaption', input.heroCaption, 500);
  if (!partial || input.heroCredit !== undefined) c.hero_credit = optionalText('heroCredit', input.heroCredit, 200);
  if (!partial || input.heroAlt !== undefined) c.hero_alt = optionalText('heroAlt', input.heroAlt, 500);
  if (!partial || input.seoTitle !== undefined) c.seo_title = optionalText('seoTitle', input.seoTitle, 120);
  if (!partial || input.seoDescription !== undefined) c.seo_description = optionalText('seoDescription', input.seoDescription, 300);
  if (!partial || input.language !== undefined) {
    c.language = input.language ?? 'en';
  }
  if (input.commentsOpen !== undefined) c.comments_open = input.commentsOpen ? 1 : 0;
  if (input.noSyndication !== undefined) c.no_syndication = input.noSyndication ? 1 : 0;
  if (input.sourceId !== undefined) c.source_id = optionalId('sourceId', input.sourceId);
  if (input.sourceUrl !== undefined) c.source_url = optionalUrl('sourceUrl', input.sourceUrl) || null;
  if (input.translationOf !== undefined) c.translation_group = optionalId('translationOf', input.translationOf);
  const out: Checked = { columns: c };
  if (input.tags !== undefined) out.tags = input.tags;
  if (input.authorIds !== undefined) {
    out.authorIds = input.authorIds;
    if (new Set(out.authorIds).size !== out.authorIds.length) throw new ValidationError('authorIds', 'authorIds lists a person twice');
  }
  return out;
}

async function slugTaken(db: Db | Transaction<Database>, slug: string, exceptId: number | null): Promise<boolean> {
  const a = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  if (a && a.id !== exceptId) return true;
  const old = await db.selectFrom('article_slugs').select('article_id').where('slug', '=', slug).executeTakeFirst();
  return !!old && old.article_id !== exceptId;
}

async function freeSlug(db: Db, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const s = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, s, null))) return s;
  }
  throw new ConflictError('Could not find a free slug; please give one', 'slug');
}

type Before = { source_id: number | null; source_url: string | null; translation_group: number | null; id: number } | null;

async function checkReferences(db: Db, c: Columns, authorIds: number[] | undefined, actor: Actor, before: Before): Promise<void> {
  const exists = async (table: 'sections' | 'media' | 'sources' | 'people', id: number) =>
    !!(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
  if (c.section_id && !(await exists('sections', c.section_id))) throw new ValidationError('sectionId', 'sectionId names no section');
  if (c.hero_media_id && !(await exists('media', c.hero_media_id))) throw new ValidationError('heroMediaId', 'heroMediaId names no media');
  if (c.source_id && !(await exists('sources', c.source_id))) throw new ValidationError('sourceId', 'sourceId names no source');
  for (const id of authorIds ?? []) if (!(await exists('people', id))) throw new ValidationError('authorIds', `authorIds: no person with id ${id}`);
  // A source's credit and its address (the page's canonical link) speak for a partner: sources.manage sets them.
  const newSource = c.source_id !== undefined && (c.source_id ?? null) !== (before?.source_id ?? null);
  const newSourceUrl = c.source_url !== undefined && (c.source_url ?? null) !== (before?.source_url ?? null);
  if ((newSource || newSourceUrl) && !actorCan(actor, 'sources.manage')) {
    throw new ForbiddenError(`Only someone who manages syndication sources may credit a source or give the original's address (${newSource ? 'sourceId' : 'sourceUrl'})`);
  }
  if (c.translation_group) c.translation_group = await translationGroupOf(db, c.translation_group, actor, before);
}

async function writeLinks(trx: Transaction<Database>, articleId: number, tagIds?: number[], authorIds?: number[]): Promise<void> {
  if (tagIds) {
    await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: articleId, tag_id }))).execute();
  }
  if (authorIds) {
    await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    if (authorIds.length) await trx.insertInto('article_authors').values(authorIds.map((person_id, position) => ({ article_id: articleId, person_id, position }))).execute();
  }
}

export type ArticleRecord = Awaited<ReturnType<typeof getArticle>> & object;

/** One article with its tags and ordered author ids, or null. */
export async function getArticle(db: Db, id: number) {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const tags = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.slug']).where('article_tags.article_id', '=', id).orderBy('tags.name').execute();
  const authors = await db.selectFrom('article_authors').select('person_id').where('article_id', '=', id).orderBy('position').execute();
  return { ...row, tags, authorIds: authors.map((a) => a.person_id) };
}

/** The article, or a NotFoundError. */
export async function requireArticle(db: Db, id: number): Promise<ArticleRecord> {
  const a = await getArticle(db, id);
  if (!a) throw new NotFoundError('Article not found');
  return a;
}

/** The fields a revision keeps besides headline, standfirst and body. */
export function snapshot(a: ArticleRecord): RevisionFields {
  return {
    slug: a.slug, sectionId: a.section_id, tags: a.tags.map((t) => t.name), authorIds: a.authorIds, heroMediaId: a.hero_media_id,
    heroCaption: a.hero_caption, heroCredit: a.hero_credit, heroAlt: a.hero_alt, language: a.language,
    commentsOpen: a.comments_open === 1, noSyndication: a.no_syndication === 1, sourceId: a.source_id, sourceUrl: a.source_url,
    seoTitle: a.seo_title, seoDescription: a.seo_description,
  };
}

/** The slug a headline gives, in its script or in Latin letters as the site asks. */
async function headlineSlug(ctx: AppContext, headline: string): Promise<string> {
  const latin = (await getSettings(ctx.db)).slugScript === 'latin';
  return slugify(latin ? latinLetters(headline) : headline) || 'article';
}

/** Creates a draft and its first revision; returns the new id. */
export async function createArticle(ctx: AppContext, input: ArticleInput, actor: Actor): Promise<number> {
  const v = checkInput(input, false);
  await checkReferences(ctx.db, v.columns, v.authorIds, actor, null);
  const base = v.columns.slug ?? (await headlineSlug(ctx, v.columns.headline ?? ''));
  if (v.columns.slug && (await slugTaken(ctx.db, base, null))) throw new ConflictError('Another article already uses this slug', 'slug');
  const slug = v.columns.slug ?? (await freeSlug(ctx.db, base));
  const tagIds = v.tags ? await ensureTags(ctx, v.tags, actor.newTags ?? true) : undefined;
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('articles').values({
      headline: v.columns.headline!, slug, standfirst: v.columns.standfirst ?? '', body_html: v.columns.body_html ?? '',
      body_text: v.columns.body_text ?? '', word_count: v.columns.word_count ?? 0, section_id: v.columns.section_id ?? null,
      hero_media_id: v.columns.hero_media_id ?? null, hero_caption: v.columns.hero_caption ?? '', hero_credit: v.columns.hero_credit ?? '',
      hero_alt: v.columns.hero_alt ?? '', seo_title: v.columns.seo_title ?? '', seo_description: v.columns.seo_description ?? '', language: v.columns.language ?? 'en', comments_open: v.columns.comments_open ?? 1,
      no_syndication: v.columns.no_syndication ?? 0,
      source_id: v.columns.source_id ?? null, source_url: v.columns.source_url ?? null, translation_group: v.columns.translation_group ?? null, status: 'draft', created_by: actor.userId,
      created_at: now, updated_at: now, published_at: null, scheduled_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await writeLinks(trx, id, tagIds, v.authorIds);
    return id;
  });
  const a = await requireArticle(ctx.db, id);
  await recordRevision(ctx, a, snapshot(a), actor, 'created');
  await ctx.events.emit('article.changed', { articleId: id, slug, reason: 'created' });
  return id;
}

/** A change checked and made ready to write: validated columns, tag ids, a new slug (null: the slug stays). */
export interface PreparedChange {
  columns: Columns;
  tagIds?: number[];
  authorIds?: number[];
  newSlug: string | null;
}

/** Checks a change to an article (fields, references, a free slug, tags the actor may name) without writing it. */
export async function prepareChange(ctx: AppContext, before: ArticleRecord, patch: Partial<ArticleInput>, actor: Actor): Promise<PreparedChange> {
  const v = checkInput(patch, true);
  await checkReferences(ctx.db, v.columns, v.authorIds, actor, before);
  const newSlug = v.columns.slug && v.columns.slug !== before.slug ? v.columns.slug : null;
  if (newSlug && (await slugTaken(ctx.db, newSlug, before.id))) throw new ConflictError('Another article already uses this slug', 'slug');
  const tagIds = v.tags ? await ensureTags(ctx, v.tags, actor.newTags ?? true) : undefined;
  return { columns: v.columns, tagIds, authorIds: v.authorIds, newSlug };
}

/** Writes a prepared change inside the caller's transaction, only if the article is still as `expect` says (its
 * status and the time it was last changed): the expected state is in the WHERE and the row count is checked, so of
 * two changes made from the same version exactly one is written; the other throws a ConflictError (and the caller's
 * transaction rolls back). A changed slug keeps the old one so its links answer with a redirect. */
export async function writeChange(trx: Transaction<Database>, before: ArticleRecord, p: PreparedChange, set: Columns, now: string,
  expect: { status: ArticleStatus; updatedAt: string }): Promise<void> {
  const r = await trx.updateTable('articles').set({ ...p.columns, ...set, updated_at: now }).where('id', '=', before.id)
    .where('status', '=', expect.status).where('updated_at', '=', expect.updatedAt).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
  if (p.newSlug) {
    await trx.deleteFrom('article_slugs').where('slug', '=', p.newSlug).execute();
    await trx.insertInto('article_slugs').values({ slug: before.slug, article_id: before.id, created_at: now })
      .onConflict((oc) => oc.column('slug').doNothing()).execute();
  }
  await writeLinks(trx, before.id, p.tagIds, p.authorIds);
}

/** What a person reads when their change was made from an older version than the one stored. */
export const CHANGED_MEANWHILE = 'Someone else changed this article after you opened it. Your text is kept here; reload to see theirs.';

/** Changes the article as stored, as a new revision: the path of Khabar itself (importers, syndication, the demo)
 * and of settings that take effect at once (comments open or closed). A person's edit of a published or scheduled
 * story goes through saveArticle (editing.ts), which keeps it in the working copy until Update. An autosave
 * replaces the author's previous one while that is younger than a checkpoint's span. */
export async function updateArticle(ctx: AppContext, id: number, patch: Partial<ArticleInput>, actor: Actor,
  opts: { autosave?: boolean; baseUpdatedAt?: string } = {}): Promise<void> {
  const before = await requireArticle(ctx.db, id);
  await checkArticleAccess(ctx, actor, before, 'edit');
  if (opts.baseUpdatedAt && opts.baseUpdatedAt !== before.updated_at) throw new ConflictError(CHANGED_MEANWHILE, 'updatedAt');
  await checkHeroFor(ctx, before, patch);
  const p = await prepareChange(ctx, before, patch, actor);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await writeChange(trx, before, p, {}, now, { status: before.status, updatedAt: before.updated_at });
    const after = await requireArticle(trx, id);
    await recordRevision(ctx, after, snapshot(after), actor, opts.autosave ? 'autosave' : 'edited', trx);
  });
  await ctx.events.emit('article.changed', { articleId: id, slug: p.newSlug ?? before.slug, reason: 'edited' });
}

/** The hero-alt rule for a change that touches the hero (image or alt text). */
export async function checkHeroFor(ctx: AppContext, before: { hero_media_id: number | null; hero_alt: string }, patch: Partial<ArticleInput>): Promise<void> {
  if (patch.heroMediaId === undefined && patch.heroAlt === undefined) return;
  await checkHeroAlt(ctx.db, patch.heroMediaId !== undefined ? patch.heroMediaId : before.hero_media_id, patch.heroAlt ?? before.hero_alt);
}

/** Deletes an article; if it was ever public its address answers 410 Gone from then on. */
export async function deleteArticle(ctx: AppContext, id: number, _actor: Actor): Promise<void> {
  const a = await requireArticle(ctx.db, id);
  const oldSlugs = await ctx.db.selectFrom('article_slugs').select('slug').where('article_id', '=', id).execute();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (a.published_at) {
      for (const slug of [a.slug, ...oldSlugs.map((s) => s.slug)]) {
        await trx.insertInto('redirects').values({ from_path: `/articles/${slug}`, to_path: '', status_code: 410, created_at: now })
          .onConflict((oc) => oc.column('from_path').doNothing()).execute();
      }
    }
    await trx.deleteFrom('articles').where('id', '=', id).execute();
  });
  await ctx.events.emit('article.changed', { articleId: id, slug: a.slug, reason: 'deleted' });
}

/** Publishes every scheduled article whose time has come, each exactly once even with several instances. */
export async function publishDueArticles(ctx: AppContext): Promise<number[]> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db.selectFrom('articles').select(['id', 'slug', 'scheduled_at', 'published_at'])
    .where('status', '=', 'scheduled').where('scheduled_at', '<=', now).orderBy('scheduled_at').execute();
  const published: number[] = [];
  for (const a of due) {
    const r = await ctx.db.updateTable('articles')
      .set({ status: 'published', published_at: a.published_at ?? a.scheduled_at, scheduled_at: null, updated_at: now })
      .where('id', '=', a.id).where('status', '=', 'scheduled').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      published.push(a.id);
      await ctx.events.emit('article.changed', { articleId: a.id, slug: a.slug, reason: 'published' });
      await ctx.events.emit('article.published', { articleId: a.id, slug: a.slug });
    }
  }
  return published;
}

/** Adds a correction notice shown on the article page. */
export async function addCorrection(ctx: AppContext, id: number, body: string): Promise<number> {
  const text = requiredText('body', body, 2000);
  const a = await requireArticle(ctx.db, id);
  const now = ctx.clock.now().toISOString();
  const { id: cid } = await ctx.db.insertInto('article_corrections').values({ article_id: id, body: text, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.updateTable('articles').set({ updated_at: now }).where('id', '=', id).execute();
  await ctx.events.emit('article.changed', { articleId: id, slug: a.slug, reason: 'corrected' });
  return cid;
}

export async function listCorrections(db: Db, articleId: number) {
  return db.selectFrom('article_corrections').selectAll().where('article_id', '=', articleId).orderBy('created_at').execute();
}
