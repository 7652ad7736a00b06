// Articles: create and edit (every save is a revision), and move through draft -> review -> scheduled ->
// published -> archived. Bodies are sanitized on the way in.
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database, Db } from '../db/schema.ts';
import type { ArticleStatus } from './tables.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { actorCan } from './actor_rules.ts';
import { optionalId, optionalText, optionalUrl, requiredText, slugFrom } from './fields.ts';
import { countWords, plainText, sanitizeBody, slugify } from './sanitize.ts';
import { ensureTags } from './tags.ts';
import { getRevision, listRevisions, recordRevision, type RevisionFields } from './revisions.ts';
import type { Actor } from './actor.ts';
import { checkArticleShape, type ArticleInput } from './article_input.ts';
import { translationGroupOf } from './translations.ts';
import { getSettings } from './settings.ts';
import { latinLetters } from './slug_latin.ts';

export type { ArticleInput };
export type { Actor };

type Row = Database['articles'];
type Columns = Partial<{ [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K] }>;

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

async function requireArticle(db: Db, id: number) {
  const a = await getArticle(db, id);
  if (!a) throw new NotFoundError('Article not found');
  return a;
}

function snapshot(a: NonNullable<Awaited<ReturnType<typeof getArticle>>>): RevisionFields {
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

/** Saves changes as a new revision (an autosave replaces the author's previous autosave). A changed slug keeps
 * the old one so its links answer with a redirect. */
export async function updateArticle(ctx: AppContext, id: number, patch: Partial<ArticleInput>, actor: Actor,
  opts: { autosave?: boolean } = {}): Promise<void> {
  const before = await requireArticle(ctx.db, id);
  const v = checkInput(patch, true);
  await checkReferences(ctx.db, v.columns, v.authorIds, actor, before);
  const newSlug = v.columns.slug && v.columns.slug !== before.slug ? v.columns.slug : null;
  if (newSlug && (await slugTaken(ctx.db, newSlug, id))) throw new ConflictError('Another article already uses this slug', 'slug');
  const tagIds = v.tags ? await ensureTags(ctx, v.tags, actor.newTags ?? true) : undefined;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('articles').set({ ...v.columns, updated_at: now }).where('id', '=', id).execute();
    if (newSlug) {
      await trx.deleteFrom('article_slugs').where('slug', '=', newSlug).execute();
      await trx.insertInto('article_slugs').values({ slug: before.slug, article_id: id, created_at: now })
        .onConflict((oc) => oc.column('slug').doNothing()).execute();
    }
    await writeLinks(trx, id, tagIds, v.authorIds);
  });
  const after = await requireArticle(ctx.db, id);
  await recordRevision(ctx, after, snapshot(after), actor, opts.autosave ? 'autosave' : 'edited');
  await ctx.events.emit('article.changed', { articleId: id, slug: after.slug, reason: 'edited' });
}

async function setStatus(ctx: AppContext, id: number, from: readonly ArticleStatus[], set: Columns, reason: string): Promise<void> {
  const a = await requireArticle(ctx.db, id);
  if (!from.includes(a.status)) throw new ConflictError(`An article that is ${a.status} cannot be ${reason}`, 'status');
  await ctx.db.updateTable('articles').set({ ...set, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  await ctx.events.emit('article.changed', { articleId: id, slug: a.slug, reason });
  if (set.status === 'published') await ctx.events.emit('article.published', { articleId: id, slug: a.slug });
}

export function submitForReview(ctx: AppContext, id: number, _actor: Actor): Promise<void> {
  return setStatus(ctx, id, ['draft'], { status: 'review' }, 'submitted for review');
}

/** Publishes now; an article published before keeps its first publication time. */
export async function publishArticle(ctx: AppContext, id: number, _actor: Actor, at?: Date): Promise<void> {
  const a = await requireArticle(ctx.db, id);
  if (!a.headline.trim()) throw new ValidationError('headline', 'headline is required before publishing');
  const when = (at ?? ctx.clock.now()).toISOString();
  await setStatus(ctx, id, ['draft', 'review', 'scheduled', 'archived'], { status: 'published', published_at: a.published_at ?? when, scheduled_at: null }, 'published');
}

/** Schedules publication at a future time; the job runner publishes it then. */
export async function scheduleArticle(ctx: AppContext, id: number, at: Date, _actor: Actor): Promise<void> {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new ValidationError('at', 'at must be a date and time');
  if (at.getTime() <= ctx.clock.now().getTime()) throw new ValidationError('at', 'the scheduled time must be in the future');
  await setStatus(ctx, id, ['draft', 'review', 'scheduled'], { status: 'scheduled', scheduled_at: at.toISOString() }, 'scheduled');
}

export function unpublishArticle(ctx: AppContext, id: number, _actor: Actor): Promise<void> {
  return setStatus(ctx, id, ['published', 'scheduled', 'review'], { status: 'draft', scheduled_at: null }, 'unpublished');
}

/** Archives: the public page answers 410 Gone. */
export function archiveArticle(ctx: AppContext, id: number, _actor: Actor): Promise<void> {
  return setStatus(ctx, id, ['draft', 'review', 'scheduled', 'published'], { status: 'archived', scheduled_at: null }, 'archived');
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

/** Makes an earlier revision the current text (recorded as a new revision). */
export async function restoreRevision(ctx: AppContext, articleId: number, revisionId: number, actor: Actor): Promise<void> {
  const r = await getRevision(ctx.db, revisionId);
  if (!r || r.article_id !== articleId) throw new NotFoundError('Revision not found');
  const f = r.fields;
  await updateArticle(ctx, articleId, {
    headline: r.headline, standfirst: r.standfirst, bodyHtml: r.body_html, sectionId: f.sectionId, tags: f.tags, authorIds: f.authorIds,
    heroMediaId: f.heroMediaId, heroCaption: f.heroCaption, heroCredit: f.heroCredit, heroAlt: f.heroAlt, language: f.language,
    commentsOpen: f.commentsOpen, noSyndication: f.noSyndication, sourceId: f.sourceId, sourceUrl: f.sourceUrl,
    // revisions kept before the SEO fields existed restore them empty (headline and standfirst stand in)
    seoTitle: f.seoTitle ?? '', seoDescription: f.seoDescription ?? '',
  }, actor);
  await ctx.db.updateTable('article_revisions').set({ note: `restored from revision ${revisionId}` })
    .where('article_id', '=', articleId).where('id', '=', (await listRevisions(ctx.db, articleId))[0].id).execute();
}
