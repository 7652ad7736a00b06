// Review: who submitted an article for review and when, and the note an editor wrote when sending it back.
// One row per article (the latest round); the writer sees the note in the editor until they submit again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('article_reviews')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('submitted_by', 'integer')
    .addColumn('submitted_at', 'text')
    .addColumn('sent_back_by', 'integer')
    .addColumn('sent_back_at', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_reviews').ifExists().execute();
}
