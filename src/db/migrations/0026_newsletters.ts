// Newsletters: lists, subscribers and their subscriptions (with consent dates), sends and their send log (one row
// per send and subscriber, the key that makes a resumed or shared send reach each reader once), bounces and the
// suppression list, click counts (only when the newsroom turns them on), and the newsletter settings.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('newsletter_lists'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('descriptions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('section_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('digest_time', 'text', (c) => c.notNull().defaultTo('07:00'))
    .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_digest_at', 'text')
    .addColumn('next_digest_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('newsletter_subscribers'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('form'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('newsletter_subscriptions')
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('consent_ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'list_id'])
    .execute();
  await db.schema.createIndex('newsletter_subscriptions_list').on('newsletter_subscriptions').columns(['list_id', 'status']).execute();
  await withId(db, db.schema.createTable('newsletter_sends'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('newsletter_sends_status').on('newsletter_sends').columns(['status', 'scheduled_at']).execute();
  await db.schema.createTable('newsletter_send_log')
    .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('claimed_until', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('newsletter_send_log_pk', ['send_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('newsletter_send_log_status').on('newsletter_send_log').columns(['send_id', 'status']).execute();
  await db.schema.createIndex('newsletter_send_log_subscriber').on('newsletter_send_log').column('subscriber_id').execute();
  await withId(db, db.schema.createTable('newsletter_bounces'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('send_id', 'integer')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('newsletter_bounces_email').on('newsletter_bounces').columns(['email', 'created_at']).execute();
  await db.schema.createTable('newsletter_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('newsletter_clicks')
    .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('newsletter_clicks_pk', ['send_id', 'url'])
    .execute();
  await db.schema.createTable('newsletter_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['newsletter_settings', 'newsletter_clicks', 'newsletter_suppressions', 'newsletter_bounces', 'newsletter_send_log', 'newsletter_sends',
    'newsletter_subscriptions', 'newsletter_subscribers', 'newsletter_lists']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
