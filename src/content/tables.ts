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
  /** the id of the story this one is a translation of (its translation group); null: a group of its own */
  translation_group: Generated<number | null>;
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

export interface ContentTables {
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
  redirects: RedirectsTable;
}
