// Syndication: what a partner source needs to be polled and its stories attributed, each poll's record, every
// item seen (for dedupe across sources and polls, and the review queue's "why"), and an article's original
// byline/date and its "not for syndication" flag. SQLite adds one column per ALTER TABLE.
import type { Kysely } from 'kysely';
import { withId } from '../columns.ts';

type Column = [name: string, type: 'text' | 'integer', nullable: boolean, fallback?: string | number];

const SOURCE_COLUMNS: Column[] = [
  ['language', 'text', false, 'en'],
  ['auto_publish', 'integer', false, 0],
  ['licence', 'text', false, ''],
  ['section_id', 'integer', true],
  // JSON: {"partner category": "our-section-slug"}
  ['category_map', 'text', false, '{}'],
  // JSON: [{"words": ["election"], "section": "politics"}]
  ['rules', 'text', false, '[]'],
  ['canonical_to_original', 'integer', false, 0],
  ['poll_minutes', 'integer', false, 60],
  ['etag', 'text', true],
  ['last_modified', 'text', true],
  ['next_poll_at', 'text', true],
  ['failures', 'integer', false, 0],
];

const ARTICLE_COLUMNS: Column[] = [
  ['original_byline', 'text', false, ''],
  ['original_published_at', 'text', true],
  ['no_syndication', 'integer', false, 0],
];

async function addColumns(db: Kysely<unknown>, table: string, columns: Column[]): Promise<void> {
  for (const [name, type, nullable, fallback] of columns) {
    await db.schema.alterTable(table).addColumn(name, type, (c) => {
      let col = nullable ? c : c.notNull();
      if (fallback !== undefined) col = col.defaultTo(fallback);
      return col;
    }).execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'sources', SOURCE_COLUMNS);
  await addColumns(db, 'articles', ARTICLE_COLUMNS);

  await withId(db, db.schema.createTable('source_polls'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('source_polls_source').on('source_polls').columns(['source_id', 'started_at']).execute();

  await withId(db, db.schema.createTable('syndicated_items'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull())
    .addColumn('original_url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('duplicate_of', 'integer')
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('section_why', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('syndicated_items_source_key', ['source_id', 'item_key'])
    .execute();
  await db.schema.createIndex('syndicated_items_canonical').on('syndicated_items').column('canonical_url').execute();

  // What editors taught the section classifier: the words of a story and the section they put it in.
  await withId(db, db.schema.createTable('section_lessons'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('section_lessons').ifExists().execute();
  await db.schema.dropTable('syndicated_items').ifExists().execute();
  await db.schema.dropTable('source_polls').ifExists().execute();
  for (const [name] of ARTICLE_COLUMNS) await db.schema.alterTable('articles').dropColumn(name).execute();
  for (const [name] of SOURCE_COLUMNS) await db.schema.alterTable('sources').dropColumn(name).execute();
}
