// Which domain owns each table: only that folder of src/ names the table in a query (Kysely's builder or raw SQL).
// Another domain reads or writes it by calling the owner's functions, in the caller's transaction when it needs one.
// src/db (migrations, the schema walkers) and the generic export/import of every table name none of them literally.
// Checked by scripts/table_owners.ts (npm run deps) and test/structure/table_owners.test.ts.

export const TABLE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  content: ['settings', 'people', 'sections', 'tags', 'sources', 'articles', 'article_authors', 'article_tags', 'article_corrections',
    'article_revisions', 'article_slugs', 'article_working_copies', 'article_reviews', 'redirects', 'static_pages', 'front_pins', 'breaking_news'],
  auth: ['users', 'sessions', 'auth_links', 'recovery_codes', 'auth_throttle', 'audit_log', 'auth_settings', 'api_keys'],
  comments: ['comments', 'comment_decisions', 'comment_reports', 'comment_blocks', 'comment_pow_used', 'comment_rate_hits',
    'comment_classifier_words', 'comment_classifier_docs'],
  media: ['media'],
  ads: ['ad_slots', 'ad_creatives'],
  jobs: ['job_leases'],
  importers: ['import_map'],
  search: ['search_documents', 'search_facets', 'search_fts'],
  syndication: ['aggregator_usage', 'section_lessons', 'source_polls', 'syndicated_items'],
  newsletters: ['newsletter_lists', 'newsletter_subscribers', 'newsletter_subscriptions', 'newsletter_sends', 'newsletter_send_log',
    'newsletter_bounces', 'newsletter_suppressions', 'newsletter_clicks', 'newsletter_settings'],
  audience: ['audience_views', 'audience_view_authors', 'audience_hourly', 'audience_daily', 'audience_stale_hours', 'audience_stale_days',
    'audience_salts', 'audience_most_read', 'audience_settings'],
  live: ['live_coverage', 'live_entries'],
  channels: ['channel_settings', 'push_subscriptions', 'push_alerts', 'push_deliveries', 'channel_posts', 'channel_plans'],
  mirrors: ['mirror_settings', 'mirrors'],
};

/** Folders that name tables of every domain: the database layer itself (migrations, snapshots, the schema walkers). */
export const EVERY_TABLE = ['db'];

/** Crossings that remain to be moved into the owner, each file and table named: a new crossing fails the check, and
 * one moved away must leave this list (the check fails on a stale entry too). Reads only; the reason says why it waits. */
export const KNOWN_CROSSINGS: readonly { file: string; table: string; reason: string }[] = [
  ...['moderation.ts', 'reports.ts', 'thread.ts'].map((f) => ({ file: `src/comments/${f}`, table: 'articles', reason: 'a moderation list or thread joins its story\'s headline and address in one query (a read)' })),
  { file: 'src/content/reviews.ts', table: 'users', reason: 'the review queue joins the submitter\'s and sender\'s names in one query (a read)' },
  ...['articles', 'sources', 'sections'].map((table) => ({ file: 'src/syndication/queue.ts', table, reason: 'the syndication queue joins each item\'s story, partner and section in one query (a read)' })),
  // The importers write in each item's transaction; people, sections, tags, pages and redirects go through
  // content/imported.ts already, the articles and comments are still to move there.
  ...[['ghost.ts', 'media'], ['wp_comments.ts', 'comments'], ['wp_comments.ts', 'comment_decisions'], ['wp_media.ts', 'articles'],
    ['write_article.ts', 'articles'], ['write_article.ts', 'article_slugs'], ['write_article.ts', 'media'], ['write_article.ts', 'article_authors'],
    ['write_article.ts', 'article_tags'], ['write_article.ts', 'article_revisions']]
    .map(([f, table]) => ({ file: `src/importers/${f}`, table, reason: 'an imported item is written in its own transaction' })),
];

/** The owning folder of a table, or undefined for a table nobody owns. */
export function ownerOf(table: string): string | undefined {
  for (const [owner, tables] of Object.entries(TABLE_OWNERS)) if (tables.includes(table)) return owner;
  return undefined;
}
