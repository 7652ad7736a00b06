// A person's name in each of the site's languages ({"fa": "فریده نوری", "ps": "فریده نوري"}): a Dari byline reads in
// Dari letters. Empty for everyone before this migration: their one name shows in every language, as before.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('names').execute();
}
