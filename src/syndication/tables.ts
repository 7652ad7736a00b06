// Row types of the syndication tables (migration 0008); the sources table itself is content's (src/content/tables.ts).
import type { Generated } from 'kysely';

export const POLL_OUTCOMES = ['ok', 'not_modified', 'failed', 'busy'] as const;
export type PollOutcome = (typeof POLL_OUTCOMES)[number];

export interface SourcePollsTable {
  id: Generated<number>;
  source_id: number;
  started_at: string;
  outcome: PollOutcome;
  http_status: number | null;
  items_seen: number;
  items_new: number;
  items_failed: number;
  duration_ms: number;
  reason: string;
}

/** imported: an article was made; duplicate: the same story came from elsewhere; failed: see reason */
export type ItemOutcome = 'imported' | 'duplicate' | 'failed';

export interface SyndicatedItemsTable {
  id: Generated<number>;
  source_id: number;
  /** the feed's id/guid for the item, or its link */
  item_key: string;
  canonical_url: string;
  original_url: string;
  title: string;
  /** simhash of the story's text, 16 hex digits */
  fingerprint: string;
  outcome: ItemOutcome;
  reason: string;
  article_id: number | null;
  duplicate_of: number | null;
  section_id: number | null;
  section_why: string;
  created_at: string;
}

/** One editor's correction: a story's words (JSON array) filed under a section. */
export interface SectionLessonsTable {
  id: Generated<number>;
  section_id: number;
  words: string;
  created_at: string;
}

/** One aggregator's pulls on one day (UTC, YYYY-MM-DD; the aggregator is its key, api_keys.id of kind 'aggregator'): feed requests answered and stories served. */
export interface AggregatorUsageTable {
  aggregator_id: number;
  day: string;
  requests: number;
  items: number;
}

export interface SyndicationTables {
  aggregator_usage: AggregatorUsageTable;
  section_lessons: SectionLessonsTable;
  source_polls: SourcePollsTable;
  syndicated_items: SyndicatedItemsTable;
}
