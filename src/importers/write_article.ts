// Writing one imported story, whatever it came from (WordPress, Ghost): a free slug, the article row with its
// original dates and stage, its byline and tags, a first revision, and 301s from its old addresses when readers
// may see it. Runs inside the item's transaction.
import type { Db } from '../db/schema.ts';
import type { ArticleStatus } from '../content/tables.ts';
import { countWords, plainText } from '../content/sanitize.ts';
import { storeRedirects } from '../content/imported.ts';
import type { ImportRun } from './run.ts';

export interface ImportedArticle {
  /** the slug it had (already made a Khabar slug); a taken one gets -2, -3... */
  slug: string;
  headline: string;
  standfirst: string;
  /** sanitized */
  bodyHtml: string;
  sectionId: number | null;
  tagIds: number[];
  authorIds: number[];
  heroMediaId: number | null;
  /** the hero's words when the source gives them with the story (else the media library's) */
  heroText?: { alt: string; caption: string };
  language: string;
  status: ArticleStatus;
  createdAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  featured: boolean;
  /** earlier slugs, answered at /articles/<old> too */
  oldSlugs: string[];
  /** the old site's addresses, stored as 301s when the story is public or scheduled */
  oldPaths: string[];
}

async function freeArticleSlug(trx: Db, base: string): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const s = n === 1 ? base : `${base}-${n}`;
    const a = await trx.selectFrom('articles').select('id').where('slug', '=', s).executeTakeFirst();
    const old = a ? a : await trx.selectFrom('article_slugs').select('article_id').where('slug', '=', s).executeTakeFirst();
    if (!old) return s;
  }
  throw new Error(`no free slug near "${base}"`);
}

/** Writes the story; returns its id and slug. Warnings (a taken slug or address) are reported against `label`. */
export async function writeArticle(run: ImportRun, trx: Db, label: string, a: ImportedArticle): Promise<{ id: number; slug: string }> {
  const slug = await freeArticleSlug(trx, a.slug);
  if (slug !== a.slug) run.warn(label, `the address /articles/${a.slug} is taken; it is /articles/${slug}`);
  const hero = a.heroMediaId ? await trx.selectFrom('media').select(['alt', 'caption', 'credit']).where('id', '=', a.heroMediaId).executeTakeFirst() : undefined;
  const now = run.ctx.clock.now().toISOString();
  const bodyText = plainText(a.bodyHtml);
  const { id } = await trx.insertInto('articles').values({
    slug, headline: a.headline, standfirst: a.standfirst, body_html: a.bodyHtml, body_text: bodyText, word_count: countWords(bodyText),
    section_id: a.sectionId, hero_media_id: hero ? a.heroMediaId : null, hero_caption: (hero && a.heroText?.caption) || hero?.caption || '',
    hero_credit: hero?.credit ?? '', hero_alt: (hero && a.heroText?.alt) || hero?.alt || '', language: a.language, comments_open: 1, source_id: null, source_url: null, status: a.status, created_by: null,
    created_at: a.createdAt, updated_at: now, published_at: a.publishedAt, scheduled_at: a.scheduledAt, featured: a.featured ? 1 : 0,
  }).returning('id').executeTakeFirstOrThrow();
  const authorIds = [...new Set(a.authorIds)];
  if (authorIds.length) await trx.insertInto('article_authors').values(authorIds.map((person_id, position) => ({ article_id: id, person_id, position }))).execute();
  const tagIds = [...new Set(a.tagIds)];
  if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: id, tag_id }))).execute();
  await trx.insertInto('article_revisions').values({
    article_id: id, headline: a.headline, standfirst: a.standfirst, body_html: a.bodyHtml, created_by: null, created_at: now, note: 'imported',
    fields: JSON.stringify({ slug, sectionId: a.sectionId, tags: [], authorIds, heroMediaId: hero ? a.heroMediaId : null }),
  }).execute();
  for (const old of a.oldSlugs) {
    if (old && old !== slug) await trx.insertInto('article_slugs').values({ slug: old, article_id: id, created_at: now }).onConflict((oc) => oc.column('slug').doNothing()).execute();
  }
  // Only a story readers may see gets its old addresses; a private one must not be found through them.
  if (a.status === 'published' || a.status === 'scheduled') {
    const taken = await storeRedirects(trx, a.oldPaths, `/articles/${encodeURIComponent(slug)}`, now);
    if (taken.length) run.warn(label, `old address${taken.length > 1 ? 'es' : ''} ${taken.join(', ')} already lead elsewhere; left as they were`);
  }
  return { id, slug };
}
