// The working copy of a published or scheduled article: the text and fields its editor shows, kept beside the live
// version (the `articles` row, which readers, feeds, the Content API, sitemaps and search read) until Update.
import type { Db } from '../db/schema.ts';
import type { ArticleInput } from './article_input.ts';
import type { ArticleRecord, Columns } from './article_store.ts';
import type { RevisionFields } from './revisions.ts';
import type { ArticleStatus } from './tables.ts';

/** The statuses whose saves go to a working copy (a draft, a story in review or an archived one is saved in place). */
export const KEEPS_LIVE_VERSION: readonly ArticleStatus[] = ['published', 'scheduled'];

export interface EditedText {
  headline: string;
  standfirst: string;
  body_html: string;
  fields: RevisionFields;
}

export interface WorkingCopy extends EditedText {
  article_id: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

/** The article's working copy, or null when it has no unpublished changes. */
export async function getWorkingCopy(db: Db, articleId: number): Promise<WorkingCopy | null> {
  const r = await db.selectFrom('article_working_copies').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return r ? { ...r, fields: JSON.parse(r.fields) as RevisionFields } : null;
}

/** The ids of those articles that have unpublished changes. */
export async function withWorkingCopies(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('article_working_copies').select('article_id').where('article_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.article_id));
}

/** The change that makes an article read as the snapshot (a working copy or a revision) does. */
export function inputOf(s: EditedText): Partial<ArticleInput> {
  const f = s.fields;
  return {
    headline: s.headline, standfirst: s.standfirst, bodyHtml: s.body_html, slug: f.slug, sectionId: f.sectionId, tags: f.tags, authorIds: f.authorIds,
    heroMediaId: f.heroMediaId, heroCaption: f.heroCaption, heroCredit: f.heroCredit, heroAlt: f.heroAlt, language: f.language,
    commentsOpen: f.commentsOpen, noSyndication: f.noSyndication ?? false, sourceId: f.sourceId, sourceUrl: f.sourceUrl,
    // snapshots kept before the SEO fields existed give them empty (headline and standfirst stand in)
    seoTitle: f.seoTitle ?? '', seoDescription: f.seoDescription ?? '',
  };
}

/** The snapshot with a checked change applied (columns as the content service validated them). */
export function applied(s: EditedText, c: Columns, tags: string[] | undefined, authorIds: number[] | undefined): EditedText {
  const f: RevisionFields = { ...s.fields };
  if (c.slug !== undefined) f.slug = c.slug;
  if (c.section_id !== undefined) f.sectionId = c.section_id;
  if (c.hero_media_id !== undefined) f.heroMediaId = c.hero_media_id;
  if (c.hero_caption !== undefined) f.heroCaption = c.hero_caption;
  if (c.hero_credit !== undefined) f.heroCredit = c.hero_credit;
  if (c.hero_alt !== undefined) f.heroAlt = c.hero_alt;
  if (c.seo_title !== undefined) f.seoTitle = c.seo_title;
  if (c.seo_description !== undefined) f.seoDescription = c.seo_description;
  if (c.language !== undefined) f.language = c.language;
  if (c.comments_open !== undefined) f.commentsOpen = c.comments_open === 1;
  if (c.no_syndication !== undefined) f.noSyndication = c.no_syndication === 1;
  if (c.source_id !== undefined) f.sourceId = c.source_id;
  if (c.source_url !== undefined) f.sourceUrl = c.source_url;
  if (tags !== undefined) f.tags = tags;
  if (authorIds !== undefined) f.authorIds = authorIds;
  return { headline: c.headline ?? s.headline, standfirst: c.standfirst ?? s.standfirst, body_html: c.body_html ?? s.body_html, fields: f };
}

/** The article as its editor shows it: the live record with the working copy's text and fields laid over it. */
export async function overlaid(db: Db, a: ArticleRecord, wc: WorkingCopy | null) {
  if (!wc) return { ...a, live_updated_at: a.updated_at, changes: null };
  const f = wc.fields;
  const tags = f.tags.length
    ? await db.selectFrom('tags').select(['id', 'name', 'slug']).where('name', 'in', f.tags).orderBy('name').execute()
    : [];
  return {
    ...a, headline: wc.headline, standfirst: wc.standfirst, body_html: wc.body_html, slug: f.slug, section_id: f.sectionId, tags, authorIds: f.authorIds,
    hero_media_id: f.heroMediaId, hero_caption: f.heroCaption, hero_credit: f.heroCredit, hero_alt: f.heroAlt, language: f.language,
    comments_open: f.commentsOpen ? 1 : 0, no_syndication: f.noSyndication ? 1 : 0, source_id: f.sourceId, source_url: f.sourceUrl,
    seo_title: f.seoTitle ?? '', seo_description: f.seoDescription ?? '',
    // the version the editor's next save is made from: the working copy's
    updated_at: wc.updated_at, live_updated_at: a.updated_at,
    changes: { since: wc.created_at, by: wc.created_by, updatedAt: wc.updated_at, updatedBy: wc.updated_by },
  };
}
