// WordPress posts become articles (status kept, private and password-protected ones never public, sticky ones
// featured), pages become static pages; each with its old addresses answering 301. One transaction per item.
import type { ArticleStatus } from '../content/tables.ts';
import { excerpt, plainText, sanitizeBody, slugify } from '../content/sanitize.ts';
import { writeArticle } from './write_article.ts';
import { writeStaticPage } from './write_page.ts';
import { importComments } from './wp_comments.ts';
import { wpTime } from './wp_dates.ts';
import { decodeSlug, importTerm, khabarSlug } from './wp_terms.ts';
import { postPaths } from './wp_addresses.ts';
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
  const standfirst = excerpt(plainText(sanitizeBody(item.excerpt)), 1000);
  const sectionTerm = item.terms.find((t) => t.domain === 'category');
  const sectionId = sectionTerm ? await importTerm(run, { kind: 'category', id: '', slug: sectionTerm.slug, parent: '', name: sectionTerm.name, description: '' }, true) : undefined;
  const tagIds: number[] = [];
  for (const t of item.terms.filter((t) => t.domain === 'post_tag')) {
    const id = await importTerm(run, { kind: 'tag', id: '', slug: t.slug, parent: '', name: t.name, description: '' }, true);
    if (id !== undefined) tagIds.push(id);
  }
  const authorId = item.creator ? await run.mapped('author', item.creator.trim()) : null;
  if (item.creator && authorId === null) run.warn(label, `its author ${item.creator} is not among the export's authors`);
  const thumb = metaOf(item, '_thumbnail_id')[0]?.trim();
  const heroId = thumb ? await run.mapped('attachment', thumb) : null;
  const oldSlugs = metaOf(item, '_wp_old_slug').map((s) => decodeSlug(s)).filter(Boolean);
  const done = await run.item('articles', label, async (trx) => {
    const written = await writeArticle(run, trx, label, {
      slug: slugify(decodeSlug(item.postName)) || slugify(headline) || `post-${item.postId}`, headline, standfirst, bodyHtml: body,
      sectionId: sectionId ?? null, tagIds, authorIds: authorId === null ? [] : [authorId], heroMediaId: heroId,
      language: languageOf(site, `${headline} ${plainText(body).slice(0, 500)}`), status: state.status, createdAt: when,
      publishedAt: state.publishedAt, scheduledAt: state.scheduledAt, featured: item.isSticky.trim() === '1',
      oldSlugs: oldSlugs.map((s) => slugify(s)).filter(Boolean),
      oldPaths: postPaths({
        link: item.link, postId: item.postId, slugs: [decodeSlug(item.postName), ...oldSlugs], date: item.postDate, kind: 'post',
        category: decodeSlug(item.terms.find((t) => t.domain === 'category')?.slug ?? ''), author: item.creator.trim(),
      }, site.urls, site.prefix, run.opts.permalinks),
    });
    if (!heroId && thumb) site.waitForHero(thumb, written.id);
    await importComments(run, trx, written.id, label, item.comments, maxDepth, true);
    await run.remember(trx, 'post', item.postId, written.id);
    return written;
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
  await writeStaticPage(run, label, {
    oldId: item.postId, slug: khabarSlug(item.postName, title, `page-${item.postId}`), title, bodyHtml: body, language: languageOf(site, title),
    published, publishedAt: state.publishedAt,
    oldPaths: postPaths({ link: item.link, postId: item.postId, slugs: [decodeSlug(item.postName)], date: item.postDate, kind: 'page' }, site.urls, site.prefix),
  });
}
