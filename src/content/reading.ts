// What readers see: published articles with everything a page shows about them, in lists and one by one.
import { publishedTranslations } from './translations.ts';
import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/schema.ts';
import { plainText } from './sanitize.ts';
import { getWorkingCopy } from './working_copy.ts';
import { mediaForPages } from '../media/media_rows.ts';


export interface MediaView {
  id: number;
  storage_key: string;
  width: number;
  height: number;
  variants: string;
  alt: string;
  caption: string;
  credit: string;
  /** #rrggbb drawn while the picture loads; '' when not known */
  placeholder: string;
}

export interface Byline {
  id: number;
  slug: string;
  name: string;
  bio: string;
  role_label: string;
  photo: MediaView | null;
}

export interface ArticleCard {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  language: string;
  published_at: string;
  updated_at: string;
  section: { id: number; slug: string; name: string } | null;
  hero: MediaView | null;
  hero_alt: string;
  authors: Byline[];
}

export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  personId?: number;
  /** inclusive ISO lower bound and exclusive upper bound on published_at */
  from?: string;
  to?: string;
  excludeIds?: number[];
  /** only stories written in this language */
  language?: string;
  /** only the newsroom's own stories that may go to aggregators: none marked not for syndication, no partner's story */
  forSyndication?: boolean;
}

function publishedQuery(db: Db, f: ListFilter) {
  let q = db.selectFrom('articles').where('articles.status', '=', 'published');
  if (f.sectionId) q = q.where('articles.section_id', '=', f.sectionId);
  if (f.tagId) q = q.where('articles.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag_id', '=', f.tagId));
  if (f.personId) q = q.where('articles.id', 'in', db.selectFrom('article_authors').select('article_id').where('person_id', '=', f.personId));
  if (f.from) q = q.where('articles.published_at', '>=', f.from);
  if (f.to) q = q.where('articles.published_at', '<', f.to);
  if (f.language) q = q.where('articles.language', '=', f.language);
  if (f.excludeIds?.length) q = q.where('articles.id', 'not in', f.excludeIds);
  if (f.forSyndication) q = q.where('articles.no_syndication', '=', 0).where('articles.source_id', 'is', null);
  return q;
}

async function mediaByIds(db: Db, ids: number[]): Promise<Map<number, MediaView>> {
  if (!ids.length) return new Map();
  const rows = await mediaForPages(db, ids);
  return new Map(rows.map((m) => [m.id, m]));
}

/** A person's name in a language: the one the newsroom gave for it, else their name. */
export function nameIn(person: { name: string; names: string }, lang: string): string {
  try {
    const v = (JSON.parse(person.names) as Record<string, unknown>)[lang];
    return typeof v === 'string' && v.trim() ? v : person.name;
  } catch {
    return person.name;
  }
}

/** Ordered bylines of each article (each in its article's language), with photos. */
async function bylines(db: Db, articles: { id: number; language: string }[]): Promise<Map<number, Byline[]>> {
  const out = new Map<number, Byline[]>();
  if (!articles.length) return out;
  const languageOf = new Map(articles.map((a) => [a.id, a.language]));
  const rows = await db.selectFrom('article_authors').innerJoin('people', 'people.id', 'article_authors.person_id')
    .select(['article_authors.article_id', 'people.id', 'people.slug', 'people.name', 'people.names', 'people.bio', 'people.role_label', 'people.photo_media_id'])
    .where('article_authors.article_id', 'in', articles.map((a) => a.id)).orderBy('article_authors.article_id').orderBy('article_authors.position').execute();
  const photos = await mediaByIds(db, rows.map((r) => r.photo_media_id).filter((x): x is number => x !== null));
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    // A story's byline in its own language: the person's name as written in it, when the newsroom gave one.
    list.push({ id: r.id, slug: r.slug, name: nameIn(r, languageOf.get(r.article_id) ?? ''), bio: r.bio, role_label: r.role_label, photo: r.photo_media_id ? photos.get(r.photo_media_id) ?? null : null });
    out.set(r.article_id, list);
  }
  return out;
}

/** Turns article rows into cards: section, hero image and bylines fetched in three queries for the whole list. */
async function toCards(db: Db, rows: { id: number; slug: string; headline: string; standfirst: string; language: string; published_at: string | null;
  updated_at: string; section_id: number | null; hero_media_id: number | null; hero_alt: string }[]): Promise<ArticleCard[]> {
  if (!rows.length) return [];
  const sectionIds = [...new Set(rows.map((r) => r.section_id).filter((x): x is number => x !== null))];
  const sections = sectionIds.length ? await db.selectFrom('sections').select(['id', 'slug', 'name']).where('id', 'in', sectionIds).execute() : [];
  const sectionMap = new Map(sections.map((s) => [s.id, s]));
  const heroes = await mediaByIds(db, rows.map((r) => r.hero_media_id).filter((x): x is number => x !== null));
  const authors = await bylines(db, rows);
  return rows.map((r) => ({
    id: r.id, slug: r.slug, headline: r.headline, standfirst: r.standfirst, language: r.language,
    published_at: r.published_at ?? r.updated_at, updated_at: r.updated_at,
    section: r.section_id ? sectionMap.get(r.section_id) ?? null : null,
    hero: r.hero_media_id ? heroes.get(r.hero_media_id) ?? null : null, hero_alt: r.hero_alt,
    authors: authors.get(r.id) ?? [],
  }));
}

const CARD_COLUMNS = ['articles.id', 'articles.slug', 'articles.headline', 'articles.standfirst', 'articles.language', 'articles.published_at',
  'articles.updated_at', 'articles.section_id', 'articles.hero_media_id', 'articles.hero_alt'] as const;

/** A page of published articles, newest first, with the total count for pagination. */
export async function listPublished(db: Db, f: ListFilter, limit: number, offset = 0): Promise<{ items: ArticleCard[]; total: number }> {
  const [rows, count] = await Promise.all([
    publishedQuery(db, f).select(CARD_COLUMNS).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).offset(offset).execute(),
    publishedQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toCards(db, rows), total: Number(count.n) };
}

/** Cards for published articles by id, in the order asked (search results); ids not published are left out. */
export async function publishedCards(db: Db, ids: number[]): Promise<ArticleCard[]> {
  if (!ids.length) return [];
  const rows = await publishedQuery(db, {}).select(CARD_COLUMNS).where('articles.id', 'in', ids).execute();
  const cards = new Map((await toCards(db, rows)).map((c) => [c.id, c]));
  return ids.flatMap((id) => cards.get(id) ?? []);
}

/** Published stories' standfirst and plain text as written (ZWNJ, letter forms and digits as the author typed them),
 * by id: what a search result's snippet is cut from. */
export async function publishedTexts(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'standfirst', 'body_text']).where('status', '=', 'published').where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `${r.standfirst ?? ''} ${r.body_text ?? ''}`]));
}

const RELATED_CANDIDATES = 40;

/** Related stories: those sharing the most tags first, then the same section, newest first; never the article itself. */
export async function relatedArticles(db: Db, article: { id: number; section_id: number | null }, limit: number): Promise<ArticleCard[]> {
  const ownTags = (await db.selectFrom('article_tags').select('tag_id').where('article_id', '=', article.id).execute()).map((r) => r.tag_id);
  if (!ownTags.length && !article.section_id) return [];
  const rows = await db.selectFrom('articles').select(CARD_COLUMNS)
    .where('articles.status', '=', 'published').where('articles.id', '!=', article.id)
    .where((eb) => eb.or([
      ...(article.section_id ? [eb('articles.section_id', '=', article.section_id)] : []),
      ...(ownTags.length ? [eb('articles.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag_id', 'in', ownTags))] : []),
    ]))
    .orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(RELATED_CANDIDATES).execute();
  const shared = new Map<number, number>();
  if (ownTags.length && rows.length) {
    const links = await db.selectFrom('article_tags').select('article_id').where('tag_id', 'in', ownTags)
      .where('article_id', 'in', rows.map((r) => r.id)).execute();
    for (const l of links) shared.set(l.article_id, (shared.get(l.article_id) ?? 0) + 1);
  }
  // Array.prototype.sort is stable, so equal scores keep the newest-first order.
  const score = (r: { id: number; section_id: number | null }) => 2 * (shared.get(r.id) ?? 0) + (r.section_id === article.section_id ? 1 : 0);
  return toCards(db, [...rows].sort((a, b) => score(b) - score(a)).slice(0, limit));
}

export type ArticlePage = NonNullable<Awaited<ReturnType<typeof findArticleBySlug>>>;

/** Everything the article page shows, for any status (the page decides what to show), or null. */
export async function findArticleBySlug(db: Db, slug: string) {
  return articlePage(db, await db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst());
}

/** As findArticleBySlug, by id (a draft preview names its article by id). */
export async function findArticleById(db: Db, id: number) {
  return articlePage(db, await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst());
}

/** An article as its preview shows it: a published or scheduled story with unpublished changes shows the working
 * copy (text, hero, section and SEO fields) laid over its live version; tags and bylines are the live ones. */
export async function findPreviewArticle(db: Db, id: number) {
  const a = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  const wc = a ? await getWorkingCopy(db, id) : null;
  if (!a || !wc) return articlePage(db, a);
  const f = wc.fields;
  return articlePage(db, {
    ...a, headline: wc.headline, standfirst: wc.standfirst, body_html: wc.body_html, body_text: plainText(wc.body_html), section_id: f.sectionId,
    hero_media_id: f.heroMediaId, hero_caption: f.heroCaption, hero_credit: f.heroCredit, hero_alt: f.heroAlt, seo_title: f.seoTitle ?? '',
    seo_description: f.seoDescription ?? '', updated_at: wc.updated_at,
  });
}

async function articlePage(db: Db, a: Selectable<Database['articles']> | undefined) {
  if (!a) return null;
  const [cards, tags, corrections, source, translations] = await Promise.all([
    toCards(db, [a]),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select(['tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', '=', a.id).orderBy('tags.name').execute(),
    db.selectFrom('article_corrections').select(['id', 'body', 'created_at']).where('article_id', '=', a.id).orderBy('created_at').execute(),
    a.source_id ? db.selectFrom('sources').selectAll().where('id', '=', a.source_id).executeTakeFirst() : Promise.resolve(undefined),
    publishedTranslations(db, a),
  ]);
  const logo = source?.logo_media_id ? (await mediaByIds(db, [source.logo_media_id])).get(source.logo_media_id) ?? null : null;
  return { ...a, card: cards[0], tags, corrections, source: source ? { ...source, logo } : null, translations };
}

/** The current slug of an article that used to have this one, or null. */
export async function currentSlugFor(db: Db, oldSlug: string): Promise<string | null> {
  const r = await db.selectFrom('article_slugs').innerJoin('articles', 'articles.id', 'article_slugs.article_id')
    .select('articles.slug').where('article_slugs.slug', '=', oldSlug).executeTakeFirst();
  return r?.slug ?? null;
}

export async function mediaById(db: Db, id: number | null): Promise<MediaView | null> {
  if (!id) return null;
  return (await mediaByIds(db, [id])).get(id) ?? null;
}

/** Publication times of the published articles in [from, to), oldest first (for an archive's month list). */
export async function publishedTimes(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db.selectFrom('articles').select('published_at').where('status', '=', 'published')
    .where('published_at', '>=', from).where('published_at', '<', to).orderBy('published_at').execute();
  return rows.map((r) => r.published_at).filter((x): x is string => x !== null);
}

/** Whether there is a story with this id (in any status). */
export async function articleExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst());
}

/** A story's body as plain text ('' when there is none): what a channel post or a summary quotes. */
export async function bodyTextOf(db: Db, id: number): Promise<string> {
  return (await db.selectFrom('articles').select('body_text').where('id', '=', id).executeTakeFirst())?.body_text ?? '';
}

/** Whether any story in the language was published before the time (ISO). */
export async function publishedBefore(db: Db, language: string, before: string): Promise<boolean> {
  return !!(await db.selectFrom('articles').select('id').where('status', '=', 'published').where('language', '=', language)
    .where('published_at', '<', before).limit(1).executeTakeFirst());
}
