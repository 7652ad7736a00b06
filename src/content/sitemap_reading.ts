// What search engines are told about: every published article's address and times, and the sections and authors
// that have any, in small rows (a sitemap can list 50,000 stories; cards with bylines and images would be wasteful).
import type { Db } from '../db/schema.ts';

export interface SitemapEntry {
  slug: string;
  /** newest updated_at of what the entry shows (the article itself, or the newest article of a section/author) */
  updated_at: string;
}

export interface NewsEntry extends SitemapEntry {
  headline: string;
  language: string;
  published_at: string;
}

const published = (db: Db) => db.selectFrom('articles').where('articles.status', '=', 'published');

/** How many published articles there are (for the number of article sitemaps). */
export async function countPublishedArticles(db: Db): Promise<number> {
  const r = await published(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of published articles, oldest first, so an article keeps its sitemap page as new ones are added. */
export async function publishedArticleEntries(db: Db, limit: number, offset: number): Promise<SitemapEntry[]> {
  return published(db).select(['articles.slug', 'articles.updated_at'])
    .orderBy('articles.published_at').orderBy('articles.id').limit(limit).offset(offset).execute();
}

/** Published articles whose publication time is at or after `since` (ISO), newest first. */
export async function recentNewsEntries(db: Db, since: string, limit: number): Promise<NewsEntry[]> {
  const rows = await published(db).select(['articles.slug', 'articles.updated_at', 'articles.headline', 'articles.language', 'articles.published_at'])
    .where('articles.published_at', '>=', since).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? r.updated_at }));
}

/** Sections with at least one published article, with the newest change among them. */
export async function sectionEntries(db: Db): Promise<SitemapEntry[]> {
  return published(db).innerJoin('sections', 'sections.id', 'articles.section_id')
    .select((eb) => ['sections.slug', eb.fn.max('articles.updated_at').as('updated_at')])
    .groupBy('sections.slug').orderBy('sections.slug').execute() as Promise<SitemapEntry[]>;
}

/** Authors with at least one published article, with the newest change among them. */
export async function authorEntries(db: Db): Promise<SitemapEntry[]> {
  return published(db).innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
    .innerJoin('people', 'people.id', 'article_authors.person_id')
    .select((eb) => ['people.slug', eb.fn.max('articles.updated_at').as('updated_at')])
    .groupBy('people.slug').orderBy('people.slug').execute() as Promise<SitemapEntry[]>;
}
