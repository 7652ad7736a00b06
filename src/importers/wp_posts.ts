// WordPress posts become articles (status kept, private and password-protected ones never public, sticky ones
// featured), pages become static pages; each with its old addresses answering 301. One transaction per item.
import type { Db } from '../db/schema.ts';
import type { ArticleStatus } from '../content/tables.ts';
import { countWords, excerpt, plainText, sanitizeBody, slugify } from '../content/sanitize.ts';
import { importComments } from './wp_comments.ts';
import { wpTime } from './wp_dates.ts';
import { decodeSlug, importTerm, khabarSlug } from './wp_terms.ts';
import { postPaths, storeRedirects } from './wp_addresses.ts';
import { convertWordPressBody } from './wp_body.ts';
import { bodyImages, type WpSite } from './wp_media.ts';
import type { ImportRun } from './run.ts';
import type { WxrItem } from './wxr_reader.ts';

export interface ArticleState {
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  /** why a published post was kept from readers */
  held?: string;
}

/** Khabar's stage for a WordPress status: what was not public there is not public here. */
export function articleState(item: WxrItem, when: string): ArticleState {
  const status = item.status.trim();
  if (status === 'publish' && item.postPassword) return { status: 'draft', publishedAt: null, scheduledAt: null, held: 'password-protected; kept unpublished' };
  if (status === 'publish') return { status: 'published', publishedAt: when, scheduledAt: null };
  if (status === 'future') return { status: 'scheduled', publishedAt: null, scheduledAt: when };
  if (status === 'pending') return { status: 'review', publishedAt: null, scheduledAt: null };
  if (status === 'private') return { status: 'draft', publishedAt: null, scheduledAt: null, held: 'private; kept unpublished' };
  return { status: 'draft', publishedAt: null, scheduledAt: null };
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

function languageOf(site: WpSite, text: string): string {
  if (site.language !== 'en') return site.language;
  return ARABIC_SCRIPT.test(text) ? 'fa' : 'en';
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

const metaOf = (item: WxrItem, key: string) => item.meta.filter((m) => m.key === key).map((m) => m.value);

/** Converts a body, bringing its uploaded images into the media library first (outside the item's transaction). */
async function prepareBody(run: ImportRun, site: WpSite, item: WxrItem, label: string): Promise<string> {
  const raw = await bodyImages(run, site, item.content, label);
  const html = convertWordPressBody(raw, {
    galleryImage: (id) => site.galleryImage(id),
    warn: (m) => run.warn(label, m),
  });
  return sanitizeBody(html);
}

export async function importPost(run: ImportRun, site: WpSite, item: WxrItem, maxDepth: number): Promise<void> {
  const label = `post ${item.postId} "${item.title.trim().slice(0, 60)}"`;
  const existing = await run.mapped('post', item.postId);
  if (existing !== null) {
    run.count('articles', 'unchanged');
    // A newer export may bring comments the first run did not have.
    if (item.comments.length) await run.item('comments', `${label}, comments`, (trx) => importComments(run, trx, existing, label, item.comments, maxDepth));
    return;
  }
  if (item.status === 'trash' || item.status === 'auto-draft' || item.status === 'inherit') {
    run.count('articles', 'skipped');
    return;
  }
  const when = wpTime(item.postDateGmt, item.postDate) ?? run.ctx.clock.now().toISOString();
  const state = articleState(item, when);
  if (state.held) run.warn(label, state.held);
  let headline = item.title.replace(/\s+/g, ' ').trim();
  if (!headline) {
    headline = `Untitled ${item.postId}`;
    run.warn(label, `has no title; imported as "${headline}"`);
  } else if (headline.length > 300) {
    headline = headline.slice(0, 300);
    run.warn(label, 'title longer than 300 characters; shortened');
  }
  const body = await prepareBody(run, site, item, label);
  const bodyText = plainText(body);
  const standfirst = excerpt(plainText(sanitizeBody(item.excerpt)), 1000);
  const sectionTerm = item.terms.find((t) => t.domain === 'category');
  const tagTerms = item.terms.filter((t) => t.domain === 'post_tag');
  const sectionId = sectionTerm ? await importTerm(run, { kind: 'category', id: '', slug: sectionTerm.slug, parent: '', name: sectionTerm.name, description: '' }, true) : undefined;
  const tagIds = new Set<number>();
  for (const t of tagTerms) {
    const id = await importTerm(run, { kind: 'tag', id: '', slug: t.slug, parent: '', name: t.name, description: '' }, true);
    if (id !== undefined) tagIds.add(id);
  }
  const authorId = item.creator ? await run.mapped('author', item.creator.trim()) : null;
  if (item.creator && authorId === null) run.warn(label, `its author ${item.creator} is not among the export's authors`);
  const thumb = metaOf(item, '_thumbnail_id')[0];
  const heroId = thumb ? await run.mapped('attachment', thumb.trim()) : null;
  const wanted = slugify(decodeSlug(item.postName)) || slugify(headline) || `post-${item.postId}`;
  const oldSlugs = metaOf(item, '_wp_old_slug').map((s) => decodeSlug(s)).filter(Boolean);
  const now = run.ctx.clock.now().toISOString();
  const done = await run.item('articles', label, async (trx) => {
    const slug = await freeArticleSlug(trx, wanted);
    if (slug !== wanted) run.warn(label, `the address /articles/${wanted} is taken; it is /articles/${slug}`);
    const hero = heroId ? await trx.selectFrom('media').select(['alt', 'caption', 'credit']).where('id', '=', heroId).executeTakeFirst() : undefined;
    const { id } = await trx.insertInto('articles').values({
      slug, headline, standfirst, body_html: body, body_text: bodyText, word_count: countWords(bodyText), section_id: sectionId ?? null,
      hero_media_id: hero ? heroId : null, hero_caption: hero?.caption ?? '', hero_credit: hero?.credit ?? '', hero_alt: hero?.alt ?? '',
      language: languageOf(site, `${headline} ${bodyText.slice(0, 500)}`), comments_open: 1, source_id: null, source_url: null,
      status: state.status, created_by: null, created_at: when, updated_at: now, published_at: state.publishedAt, scheduled_at: state.scheduledAt,
      featured: item.isSticky.trim() === '1' ? 1 : 0,
    }).returning('id').executeTakeFirstOrThrow();
    if (authorId !== null) await trx.insertInto('article_authors').values({ article_id: id, person_id: authorId, position: 0 }).execute();
    if (tagIds.size) await trx.insertInto('article_tags').values([...tagIds].map((tag_id) => ({ article_id: id, tag_id }))).execute();
    await trx.insertInto('article_revisions').values({
      article_id: id, headline, standfirst, body_html: body, created_by: null, created_at: now, note: 'imported',
      fields: JSON.stringify({ slug, sectionId: sectionId ?? null, tags: [], authorIds: authorId === null ? [] : [authorId], heroMediaId: hero ? heroId : null }),
    }).execute();
    if (!hero && thumb) site.waitForHero(thumb.trim(), id);
    for (const old of oldSlugs) {
      const s = slugify(old);
      if (s && s !== slug) await trx.insertInto('article_slugs').values({ slug: s, article_id: id, created_at: now }).onConflict((oc) => oc.column('slug').doNothing()).execute();
    }
    // Only a story readers may see gets its old addresses; a private one must not be found through them.
    if (state.status === 'published' || state.status === 'scheduled') {
      const paths = postPaths({ link: item.link, postId: item.postId, slugs: [decodeSlug(item.postName), ...oldSlugs], date: item.postDate, kind: 'post' }, site.urls, site.prefix);
      const taken = await storeRedirects(trx, paths, `/articles/${encodeURIComponent(slug)}`, now);
      if (taken.length) run.warn(label, `old address${taken.length > 1 ? 'es' : ''} ${taken.join(', ')} already lead elsewhere; left as they were`);
    }
    await importComments(run, trx, id, label, item.comments, maxDepth, true);
    await run.remember(trx, 'post', item.postId, id);
    return { id, slug };
  });
  if (!done) return;
  run.count('articles', 'added');
  run.changedArticles.push({ articleId: done.id, slug: done.slug });
}

export async function importPage(run: ImportRun, site: WpSite, item: WxrItem): Promise<void> {
  const label = `page ${item.postId} "${item.title.trim().slice(0, 60)}"`;
  if ((await run.mapped('page', item.postId)) !== null) return run.count('pages', 'unchanged');
  if (item.status === 'trash' || item.status === 'auto-draft' || item.status === 'inherit') return run.count('pages', 'skipped');
  const state = articleState(item, wpTime(item.postDateGmt, item.postDate) ?? run.ctx.clock.now().toISOString());
  if (state.held) run.warn(label, state.held);
  const published = state.status === 'published';
  const title = (item.title.replace(/\s+/g, ' ').trim() || `Page ${item.postId}`).slice(0, 300);
  const body = await prepareBody(run, site, item, label);
  const wanted = khabarSlug(item.postName, title, `page-${item.postId}`);
  const now = run.ctx.clock.now().toISOString();
  const ok = await run.item('pages', label, async (trx) => {
    let slug = wanted;
    for (let n = 2; await trx.selectFrom('static_pages').select('id').where('slug', '=', slug).executeTakeFirst(); n++) slug = `${wanted}-${n}`;
    if (slug !== wanted) run.warn(label, `the address /pages/${wanted} is taken; it is /pages/${slug}`);
    const { id } = await trx.insertInto('static_pages').values({
      slug, title, body_html: body, language: languageOf(site, title), status: published ? 'published' : 'draft',
      created_at: state.publishedAt ?? now, updated_at: now, published_at: state.publishedAt,
    }).returning('id').executeTakeFirstOrThrow();
    if (published) {
      const paths = postPaths({ link: item.link, postId: item.postId, slugs: [decodeSlug(item.postName)], date: item.postDate, kind: 'page' }, site.urls, site.prefix);
      await storeRedirects(trx, paths, `/pages/${encodeURIComponent(slug)}`, now);
    }
    await run.remember(trx, 'page', item.postId, id);
    return id;
  });
  if (ok !== undefined) run.count('pages', 'added');
}
