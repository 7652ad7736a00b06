// The live domain's tables (migration 0029): only src/live reads and writes them.
import type { Generated } from 'kysely';

export interface LiveTables {
  /** a story that is (or was) covered live: ended_at null while the coverage runs */
  live_coverage: { article_id: number; started_at: string; ended_at: string | null; started_by: number | null };
  live_entries: {
    id: Generated<number>;
    article_id: number;
    /** the staff member who wrote it (null when Khabar did), and their name as it was then */
    author_id: number | null;
    author_name: Generated<string>;
    /** sanitized like an article's body */
    body_html: string;
    body_text: string;
    /** JSON: the media library's pictures shown with it, in order */
    media_ids: Generated<string>;
    /** JSON: addresses of posts and videos elsewhere, shown as links (never embedded: no third-party request) */
    links: Generated<string>;
    /** 1: a key entry, listed among the highlights at the top */
    key: Generated<number>;
    posted_at: string;
    corrected_at: string | null;
    deleted_at: string | null;
  };
}
