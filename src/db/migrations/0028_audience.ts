// Audience figures counted on the server (src/audience): raw page views for a few days, their hourly and daily
// totals for good, the hours whose totals are out of date, the day's random salt for visitor ids, the readers' most
// read lists and the newsroom's choices about them. No address and no user agent is ever stored.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('audience_views'))
    .addColumn('viewed_at', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('section_id', 'integer')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('ref_group', 'text', (c) => c.notNull())
    .addColumn('ref_host', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('audience_views_hour').on('audience_views').columns(['hour']).execute();
  await db.schema.createIndex('audience_views_day').on('audience_views').columns(['day']).execute();
  await db.schema.createIndex('audience_views_at').on('audience_views').columns(['viewed_at']).execute();
  // a view of a story by two authors counts for each of them
  await db.schema.createTable('audience_view_authors')
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audience_view_authors_hour').on('audience_view_authors').columns(['hour']).execute();
  await db.schema.createIndex('audience_view_authors_day').on('audience_view_authors').columns(['day']).execute();
  for (const [table, period, type] of [['audience_hourly', 'hour', 'integer'], ['audience_daily', 'day', 'text']] as const) {
    await db.schema.createTable(table)
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn(period, type, (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addColumn('visitors', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['dim', period, 'key'])
      .execute();
  }
  // a story's own figures (dim 'article' or 'article_ref', its keys) over any days, read from the index alone
  await db.schema.createIndex('audience_daily_key').on('audience_daily').columns(['dim', 'key', 'day', 'views', 'visitors']).execute();
  await db.schema.createIndex('audience_daily_cover').on('audience_daily').columns(['dim', 'day', 'key', 'views', 'visitors']).execute();
  await db.schema.createTable('audience_stale_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rolled_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rolled_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createTable('audience_stale_hours')
    .addColumn('hour', 'integer', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('audience_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('audience_most_read')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audience_most_read_pk', ['language', 'rank'])
    .execute();
  await db.schema.createTable('audience_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audience_settings', 'audience_most_read', 'audience_salts', 'audience_stale_hours', 'audience_stale_days', 'audience_daily', 'audience_hourly', 'audience_view_authors', 'audience_views']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
