// Alerts and channels: readers' web push subscriptions (only what a push needs: the push service's address, the
// browser's keys, the language and an optional section), the alerts the newsroom sends with one delivery row per
// subscription (the figures are counted from them), the posts to the newsroom's Telegram channels and Mastodon
// account (with the id the API gave, so an edit updates the same post), what the editor chose to announce when a
// story goes out, and the settings with their sealed secrets and the VAPID keys.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('channel_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('push_subscriptions'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('push_subscriptions_language').on('push_subscriptions').columns(['language', 'section_id']).execute();
  await withId(db, db.schema.createTable('push_alerts'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer')
    .addColumn('article_id', 'integer')
    .addColumn('entry_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('push_alerts_status').on('push_alerts').columns(['status', 'id']).execute();
  await db.schema.createTable('push_deliveries')
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('push_alerts.id').onDelete('cascade'))
    .addColumn('subscription_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('push_deliveries_pk', ['alert_id', 'subscription_id'])
    .execute();
  await db.schema.createIndex('push_deliveries_due').on('push_deliveries').columns(['status', 'next_at']).execute();
  await withId(db, db.schema.createTable('channel_posts'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('remote_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('edit_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addUniqueConstraint('channel_posts_once', ['channel', 'subject'])
    .execute();
  await db.schema.createIndex('channel_posts_due').on('channel_posts').columns(['status', 'next_at']).execute();
  await db.schema.createTable('channel_plans')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('alert', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('channels', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['channel_plans', 'channel_posts', 'push_deliveries', 'push_alerts', 'push_subscriptions', 'channel_settings']) await db.schema.dropTable(t).execute();
}
