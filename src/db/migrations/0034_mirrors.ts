// Mirrors (src/mirrors): the newsroom's signing key and other mirror settings, and the places the public site is
// copied to (an S3-compatible bucket, an SFTP host, a git remote) with what was last pushed and checked there.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('mirror_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('mirrors'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_url', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('files', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pushed_manifest', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_push_at', 'text')
    .addColumn('last_check_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['mirrors', 'mirror_settings']) await db.schema.dropTable(t).ifExists().execute();
}
