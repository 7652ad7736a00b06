// Row types of the content model. Timestamps are ISO 8601 UTC text, booleans 0/1, JSON as text:
// the same values on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  role_label: string;
  photo_media_id: number | null;
  email: string | null;
  created_at: string;
  /** JSON: the person's name by language ({"fa": "..."}); the name above in any other */
  names: Generated<string>;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
  parent_id: number | null;
  created_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface SourcesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  site_url: string;
  logo_media_id: number | null;
  feed_url: string | null;
  created_at: string;
  /** the rest is syndication (src/syndication): how the partner's stories come in */
  language: Generated<string>;
  auto_publish: Generated<number>;
  licence: Generated<string>;
  section_id: number | null;
  /** JSON object: partner category -> our section slug */
  category_map: Generated<string>;
  /** JSON array of {words, section}: per-source classification rules */
  rules: Generated<string>;
  /** 1 when the agreement asks for a canonical link to the partner's page */
  canonical_to_original: Generated<number>;
  poll_minutes: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  /** failed polls in a row (back-off grows with it) */
  failures: Generated<number>;
  /** for a source whose address is a list page, not a feed: the CSS selector of its story links ('' to guess) */
  list_selector: Generated<string>;
}

/** The stages of an article, in order; the one list the service, the Admin API's schemas and the views use. */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  standfirst: string;
  body_html: string;
  body_text: string;
  hero_media_id: number | null;
  hero_caption: string;
  hero_credit: string;
  hero_alt: string;
  section_id: number | null;
  status: ArticleStatus;
  language: string;
  comments_open: number;
  source_id: number | null;
  source_url: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
  word_count: number;
  /** 1 for a story the newsroom pins (WordPress's sticky posts come in featured) */
  featured: Generated<number>;
  /** a partner story's byline and first publication as the partner gave them */
  original_byline: Generated<string>;
  original_published_at: string | null;
  /** 1: left out of the syndication feeds offered to partners and aggregators */
  no_syndication: Generated<number>;
  /** the id of the story this one is a translation of (its translation group); null: a group of its own */
  translation_group: Generated<number | null>;
  /** the article's own title and description for search engines and social cards ('' : headline, standfirst) */
  seo_title: Generated<string>;
  seo_description: Generated<string>;
}

export interface ArticleAuthorsTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  body: string;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  headline: string;
  standfirst: string;
  body_html: string;
  /** JSON snapshot of the other editable fields (section, tags, authors, hero...) */
  fields: string;
  created_by: number | null;
  created_at: string;
  note: string;
}

/** A published or scheduled article's unpublished changes (migration 0021): what its editor shows, kept beside the
 * live version in `articles` until Update. The other editable fields are JSON, as a revision keeps them. */
export interface ArticleWorkingCopiesTable {
  article_id: number;
  headline: string;
  standfirst: string;
  body_html: string;
  fields: string;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

/** The latest review round of an article (migration 0022): who submitted it and when; who sent it back, with the note. */
export interface ArticleReviewsTable {
  article_id: number;
  submitted_by: number | null;
  submitted_at: string | null;
  sent_back_by: number | null;
  sent_back_at: string | null;
  note: Generated<string>;
}

export interface ArticleSlugsTable {
  slug: string;
  article_id: number;
  created_at: string;
}

export interface RedirectsTable {
  id: Generated<number>;
  from_path: string;
  to_path: string;
  status_code: number;
  created_at: string;
}

/** A simple page at its own address (/pages/about): about, contact, corrections policy. */
export interface StaticPagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body_html: string;
  language: string;
  status: 'draft' | 'published';
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** A story an editor pinned on a front (src/content/fronts.ts). */
export interface FrontPinsTable {
  id: Generated<number>;
  /** 'home:en', 'section:3:fa' */
  front: string;
  article_id: number;
  place: 'lead' | 'top';
  position: number;
  /** ISO time the pin ends; null: until removed */
  pinned_until: string | null;
  pinned_by: number | null;
  created_at: string;
}

/** A language's breaking-news strip: a line and a link on every page in that language until ends_at. */
export interface BreakingNewsTable {
  language: string;
  text: string;
  url: string;
  ends_at: string;
  set_by: number | null;
  updated_at: string;
}

export interface ContentTables {
  front_pins: FrontPinsTable;
  breaking_news: BreakingNewsTable;
  static_pages: StaticPagesTable;
  settings: SettingsTable;
  people: PeopleTable;
  sections: SectionsTable;
  tags: TagsTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_corrections: ArticleCorrectionsTable;
  article_revisions: ArticleRevisionsTable;
  article_slugs: ArticleSlugsTable;
  article_working_copies: ArticleWorkingCopiesTable;
  article_reviews: ArticleReviewsTable;
  redirects: RedirectsTable;
}
