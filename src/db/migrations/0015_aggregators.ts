// Syndication out: aggregators (partners who carry our stories), each with a licence statement and a key of its
// own (only its SHA-256 is kept, as for Content API keys), and how much each pulls per day. Syndication in: a
// source may be a partner's list page rather than a feed; `list_selector` names its story links (CSS), '' to guess.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('aggregators'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createTable('aggregator_usage')
    .addColumn('aggregator_id', 'integer', (c) => c.notNull().references('aggregators.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('aggregator_usage_pk', ['aggregator_id', 'day'])
    .execute();
  await db.schema.alterTable('sources').addColumn('list_selector', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').dropColumn('list_selector').execute();
  await db.schema.dropTable('aggregator_usage').ifExists().execute();
  await db.schema.dropTable('aggregators').ifExists().execute();
}
