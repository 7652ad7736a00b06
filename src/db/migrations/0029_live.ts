// Live coverage (src/live): which stories are running live (when the coverage started and ended) and their
// entries, each with its time, author, sanitized text, pictures and links; a corrected entry keeps when it was
// changed, a deleted one when it was removed (readers see that it was).
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('live_coverage')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('started_by', 'integer')
    .execute();
  await withId(db, db.schema.createTable('live_entries'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('media_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('live_entries_article').on('live_entries').columns(['article_id', 'posted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_entries').ifExists().execute();
  await db.schema.dropTable('live_coverage').ifExists().execute();
}
