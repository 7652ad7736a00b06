// A published or scheduled article's unpublished changes: the working copy kept beside the live version. Saves
// and autosaves of such an article write here; the public page, feeds, the Content API, sitemaps and search keep
// reading `articles` until someone allowed to publish presses Update, which moves the copy into the article.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('article_working_copies')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    // JSON: the other editable fields, as a revision keeps them (slug, section, tags, bylines, hero, SEO ...)
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_working_copies').ifExists().execute();
}
