// An article's own words for search engines and social cards: an SEO title and description, used by the public
// page for <title>, the meta description and Open Graph when set ('' means "use the headline and standfirst").
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('seo_title', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('seo_description', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('seo_description').execute();
  await db.schema.alterTable('articles').dropColumn('seo_title').execute();
}
