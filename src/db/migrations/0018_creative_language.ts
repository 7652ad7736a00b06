// A house ad speaks one language, or none: a slot on a Dari page shows the Dari creatives, falling back to the
// language-neutral ones (null, as every creative made before this migration is, so they keep showing everywhere).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ad_creatives').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ad_creatives').dropColumn('language').execute();
}
