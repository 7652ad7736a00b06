// One table for every key the newsroom issues: api_keys gains a kind ('content': a Content API key, khk_...;
// 'aggregator': an aggregator's feed key, kha_..., with the licence statement its feed carries) and takes in the
// aggregators' rows. Each aggregator's usage moves with it to its new id; every key keeps working (only hashes move).
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

interface KeyRow {
  id: number;
  name: string;
  licence: string;
  prefix: string;
  key_hash: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface UsageRow { aggregator_id: number; day: string; requests: number; items: number }

/** The tables this migration reads and writes, in either state. */
export interface KeyTables {
  api_keys: KeyRow & { kind: string };
  aggregators: KeyRow;
  aggregator_usage: UsageRow;
  aggregator_usage_moved: UsageRow;
}
type Db = Kysely<KeyTables>;
type KeyTable = 'api_keys' | 'aggregators';
type UsageTable = 'aggregator_usage' | 'aggregator_usage_moved';

/** The per-day usage table, its aggregator column pointing at `parent` (PostgreSQL keeps a key's name through a
 * rename, so each direction names its key differently from the table it replaces). */
function usageTable(db: Kysely<unknown>, name: string, parent: string, key: string) {
  return db.schema.createTable(name)
    .addColumn('aggregator_id', 'integer', (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint(key, ['aggregator_id', 'day']);
}

/** Copies the keys of `from` into `to` (new ids), then the usage of each under its new id. */
async function moveKeys(db: Db, keys: KeyRow[], to: KeyTable, usage: UsageRow[], usageTo: UsageTable): Promise<void> {
  for (const { id: oldId, ...k } of keys) {
    const row = to === 'api_keys' ? { ...k, kind: 'aggregator' } : k;
    const { id } = await db.insertInto(to).values(row as KeyRow & { kind: string }).returning('id').executeTakeFirstOrThrow();
    const days = usage.filter((u) => u.aggregator_id === oldId).map((u) => ({ ...u, aggregator_id: id }));
    if (days.length) await db.insertInto(usageTo).values(days).execute();
  }
}

const KEY_COLUMNS = ['id', 'name', 'licence', 'prefix', 'key_hash', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('kind', 'text', (c) => c.notNull().defaultTo('content')).execute();
  await db.schema.alterTable('api_keys').addColumn('licence', 'text', (c) => c.notNull().defaultTo('')).execute();
  await usageTable(db, 'aggregator_usage_moved', 'api_keys', 'aggregator_usage_by_key_pk').execute();
  const k = db as unknown as Db;
  const keys = await k.selectFrom('aggregators').select(KEY_COLUMNS).orderBy('id').execute();
  await moveKeys(k, keys, 'api_keys', await k.selectFrom('aggregator_usage').selectAll().execute(), 'aggregator_usage_moved');
  await db.schema.dropTable('aggregator_usage').execute();
  await db.schema.dropTable('aggregators').execute();
  await db.schema.alterTable('aggregator_usage_moved').renameTo('aggregator_usage').execute();
  await db.schema.createIndex('api_keys_kind').on('api_keys').columns(['kind', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
  await usageTable(db, 'aggregator_usage_moved', 'aggregators', 'aggregator_usage_pk').execute();
  // The key hashes are unique in each table: the aggregators' keys leave api_keys before they are written again.
  const k = db as unknown as Db;
  const moved = await k.selectFrom('api_keys').select(KEY_COLUMNS).where('kind', '=', 'aggregator').orderBy('id').execute();
  const usage = await k.selectFrom('aggregator_usage').selectAll().execute();
  await db.schema.dropTable('aggregator_usage').execute();
  await k.deleteFrom('api_keys').where('kind', '=', 'aggregator').execute();
  await moveKeys(k, moved, 'aggregators', usage, 'aggregator_usage_moved');
  await db.schema.alterTable('aggregator_usage_moved').renameTo('aggregator_usage').execute();
  await db.schema.dropIndex('api_keys_kind').ifExists().execute();
  await db.schema.alterTable('api_keys').dropColumn('licence').execute();
  await db.schema.alterTable('api_keys').dropColumn('kind').execute();
}
