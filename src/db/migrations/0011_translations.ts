// Articles linked as translations of each other: each translation names its group (the id of the story it was
// translated from); an article without a group is a group of its own. No foreign key: deleting the original
// keeps its translations linked to each other.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('translation_group', 'integer').execute();
  await db.schema.createIndex('articles_translation_group').on('articles').column('translation_group').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_translation_group').ifExists().execute();
  await db.schema.alterTable('articles').dropColumn('translation_group').execute();
}
