// The article facts comments depend on: whether it is public, and whether its comments are open.
import type { Db } from '../db/schema.ts';
import type { SiteSettings } from '../content/settings.ts';
import type { CommentSettings } from './settings.ts';
import { CommentRefusedError } from './messages.ts';
import { articleBrief } from '../content/article_brief.ts';

export interface CommentableArticle {
  id: number;
  slug: string;
  language: string;
  comments_open: number;
  published_at: string | null;
}

/** A published article by id, or a 404 refusal. */
export async function openArticle(db: Db, id: number): Promise<CommentableArticle> {
  const a = await articleBrief(db, { id });
  if (a?.status !== 'published') throw new CommentRefusedError(404, 'comments.error.article', 'article_id');
  return a;
}

/** What the comment pages name an article by: id, address and language (any status), or null. */
export async function articleForComments(db: Db, by: { id: number } | { slug: string }): Promise<{ id: number; slug: string; language: string } | null> {
  const a = await articleBrief(db, by);
  return a ? { id: a.id, slug: a.slug, language: a.language } : null;
}

/** Open unless comments are off site-wide, closed on the article, or the article is older than the site's limit. */
export function commentsOpen(a: Pick<CommentableArticle, 'comments_open' | 'published_at'>, s: CommentSettings,
  site: Pick<SiteSettings, 'commentsCloseAfterDays'>, now: Date): boolean {
  if (!s.enabled || a.comments_open !== 1) return false;
  if (site.commentsCloseAfterDays !== null && a.published_at) {
    return now.getTime() - Date.parse(a.published_at) < site.commentsCloseAfterDays * 86400_000;
  }
  return true;
}
