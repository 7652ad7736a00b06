// Each picture's placeholder colour (its dominant colour as #rrggbb, worked out once by sharp when it is taken in),
// drawn behind the image while it loads on a slow connection. Pictures taken in before this migration get theirs
// from fillPlaceholders (src/media/placeholder.ts) on the server's start; '' means "not yet known".
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').addColumn('placeholder', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('placeholder').execute();
}
