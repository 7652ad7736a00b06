// Reader comments, their moderation history and reports, blocks, and the bot defence's shared state
// (spent proof-of-work solutions, rate-limit hits, classifier counts).
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('comments'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('comments_article_status').on('comments').columns(['article_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_email_created').on('comments').columns(['author_email', 'created_at']).execute();
  await db.schema.createIndex('comments_ip_created').on('comments').columns(['ip', 'created_at']).execute();
  await db.schema.createIndex('comments_created').on('comments').column('created_at').execute();

  await withId(db, db.schema.createTable('comment_decisions'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_id', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_decisions_comment').on('comment_decisions').column('comment_id').execute();

  await withId(db, db.schema.createTable('comment_reports'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('comment_reports_once', ['comment_id', 'ip'])
    .execute();

  await withId(db, db.schema.createTable('comment_blocks'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('comment_blocks_once', ['kind', 'value'])
    .execute();

  await db.schema.createTable('comment_pow_used')
    .addColumn('challenge_id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_pow_used_expires').on('comment_pow_used').column('expires_at').execute();

  await withId(db, db.schema.createTable('comment_rate_hits'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_rate_hits_key').on('comment_rate_hits').columns(['key', 'created_at']).execute();
  await db.schema.createIndex('comment_rate_hits_created').on('comment_rate_hits').column('created_at').execute();

  await db.schema.createTable('comment_classifier_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ham', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('comment_classifier_docs')
    .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['comment_classifier_docs', 'comment_classifier_words', 'comment_rate_hits', 'comment_pow_used', 'comment_blocks',
    'comment_reports', 'comment_decisions', 'comments']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
