// One feed item -> one article (or a recorded reason why not): fetch the page, extract and clean the story,
// catch duplicates by URL and by text, pick the section, re-host images, and file it for review (or publish it
// when the source's agreement allows). Every outcome is a syndicated_items row, so no item is tried twice.
import type { AppContext } from '../context.ts';
import { createArticle, publishArticle, submitForReview } from '../content/articles.ts';
import { plainText, sanitizeBody } from '../content/sanitize.ts';
import type { SourcesTable } from '../content/tables.ts';
import type { Selectable } from 'kysely';
import { FetchFailure, safeFetch } from './fetcher.ts';
import { extractStory, type Extracted } from './extract.ts';
import { claimStory } from './import_claims.ts';
import { canonicalUrl, fingerprint, sameStory } from './dedupe.ts';
import { chooseSection } from './classify.ts';
import { rehostBodyImages, rehostImage } from './images.ts';
import type { FeedItem } from './feed_items.ts';
import type { ItemOutcome } from './tables.ts';
import { noteOriginalCredit } from '../content/partner_sources.ts';

export type Source = Selectable<SourcesTable>;

/** How far back near-duplicate texts are compared. */
const RECENT_ITEMS = 2000;

async function record(ctx: AppContext, source: Source, item: FeedItem, outcome: ItemOutcome, extra: Partial<{ canonical: string; title: string; fingerprint: string; reason: string; articleId: number; duplicateOf: number; sectionId: number | null; why: string }>) {
  await ctx.db.insertInto('syndicated_items').values({
    source_id: source.id, item_key: item.key.slice(0, 2000), canonical_url: extra.canonical ?? canonicalUrl(item.url), original_url: item.url.slice(0, 2000),
    title: (extra.title ?? item.title).slice(0, 300), fingerprint: extra.fingerprint ?? '', outcome, reason: (extra.reason ?? '').slice(0, 500),
    article_id: extra.articleId ?? null, duplicate_of: extra.duplicateOf ?? null, section_id: extra.sectionId ?? null, section_why: extra.why ?? '',
    created_at: ctx.clock.now().toISOString(),
  }).execute();
  return outcome;
}

async function duplicateByUrl(ctx: AppContext, urls: string[]): Promise<number | null> {
  const row = await ctx.db.selectFrom('syndicated_items').select('id').where('canonical_url', 'in', urls).where('outcome', '=', 'imported').executeTakeFirst();
  return row?.id ?? null;
}

async function duplicateByText(ctx: AppContext, print: string): Promise<number | null> {
  if (!print) return null;
  const recent = await ctx.db.selectFrom('syndicated_items').select(['id', 'fingerprint']).where('outcome', '=', 'imported').where('fingerprint', '!=', '')
    .orderBy('id', 'desc').limit(RECENT_ITEMS).execute();
  return recent.find((r) => sameStory(r.fingerprint, print))?.id ?? null;
}

/** Brings in one item; returns what became of it. Never throws for the partner's faults. */
export async function importItem(ctx: AppContext, source: Source, item: FeedItem): Promise<ItemOutcome> {
  const canonical = canonicalUrl(item.url);
  const earlier = await duplicateByUrl(ctx, [canonical]);
  if (earlier) return record(ctx, source, item, 'duplicate', { duplicateOf: earlier, reason: 'same address as an earlier story' });
  let page: string;
  let finalUrl: string;
  try {
    const res = await safeFetch(ctx, item.url, { accept: 'text/html,application/xhtml+xml' });
    if (res.status !== 200) return record(ctx, source, item, 'failed', { reason: `the page answered ${res.status}` });
    page = res.text();
    finalUrl = res.url;
  } catch (e) {
    return record(ctx, source, item, 'failed', { reason: e instanceof FetchFailure ? e.message : 'the page could not be fetched' });
  }
  const story = extractStory(page, finalUrl);
  if (!story) return record(ctx, source, item, 'failed', { reason: 'no story found on the page' });
  const pageCanonical = story.canonical ? canonicalUrl(story.canonical) : canonical;
  const body = sanitizeBody(story.html);
  const text = plainText(body);
  const print = fingerprint(text);
  // From here until the row that records it, the story is claimed: a partner polled at the same time that carries it
  // waits, then finds it imported (import_claims.ts).
  const claim = await claimStory(ctx.db, [canonical, pageCanonical], print, async () => {
    const sameUrl = await duplicateByUrl(ctx, [canonical, pageCanonical]);
    if (sameUrl) return { duplicateOf: sameUrl, reason: 'same address as an earlier story' };
    const sameText = await duplicateByText(ctx, print);
    return sameText ? { duplicateOf: sameText, reason: 'the same text as an earlier story' } : null;
  });
  if ('duplicate' in claim) return record(ctx, source, item, 'duplicate', { canonical: pageCanonical, fingerprint: print, ...claim.duplicate });
  try {
    return await importClaimed(ctx, source, item, story, { body, text, print, pageCanonical });
  } finally {
    claim.release();
  }
}

/** The rest of an import, once the story is claimed: section, images, the article, and the row that records it. */
async function importClaimed(ctx: AppContext, source: Source, item: FeedItem, story: Extracted, { body, text, print, pageCanonical }: { body: string; text: string; print: string; pageCanonical: string }): Promise<ItemOutcome> {
  const title = (item.title || story.title).trim().slice(0, 300) || source.name;
  const section = await chooseSection(ctx.db, source, { categories: item.categories, text: `${title}\n${text}` });
  const credit = source.name;
  const hero = story.leadImage ? await rehostImage(ctx, story.leadImage, { credit }) : null;
  // The lead image is the hero: a copy of it at the top of the body would show it twice.
  const bodyWithoutHero = story.leadImage ? body.replace(new RegExp(`<figure>\\s*<img[^>]*src="${story.leadImage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>[\\s\\S]*?</figure>`), '') : body;
  const bodyHtml = sanitizeBody(await rehostBodyImages(ctx, bodyWithoutHero, credit));
  const articleId = await createArticle(ctx, {
    headline: title, bodyHtml, sectionId: section.sectionId, language: source.language, sourceId: source.id, sourceUrl: item.url.slice(0, 2000),
    heroMediaId: hero?.id ?? null, heroCredit: hero ? credit : '', commentsOpen: false,
  }, { userId: null, newTags: false });
  await noteOriginalCredit(ctx.db, articleId, story.byline || item.authors.join(', '), item.published ?? story.published);
  if (source.auto_publish) await publishArticle(ctx, articleId, { userId: null });
  else await submitForReview(ctx, articleId, { userId: null });
  return record(ctx, source, item, 'imported', { canonical: pageCanonical, title, fingerprint: print, articleId, sectionId: section.sectionId, why: section.why });
}
