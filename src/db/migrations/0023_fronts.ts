// Curated fronts: the stories an editor pins on a front (a language's home page or a section's page in a language),
// the lead or a top story in the editor's order, each until a time or until removed; and the breaking-news strip of
// each language (a line and a link, with an end time) shown on every page in that language.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('front_pins'))
    // 'home:en', 'home:fa', 'section:3:en' (src/content/fronts.ts)
    .addColumn('front', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // 'lead' or 'top'
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('pinned_until', 'text')
    .addColumn('pinned_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('front_pins_front_article', ['front', 'article_id'])
    .execute();
  await db.schema.createIndex('front_pins_until').on('front_pins').column('pinned_until').execute();
  await db.schema.createTable('breaking_news')
    .addColumn('language', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('breaking_news').ifExists().execute();
  await db.schema.dropTable('front_pins').ifExists().execute();
}
