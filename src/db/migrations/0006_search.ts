// Site search (src/search): on SQLite an FTS5 table, on PostgreSQL a table with a tsvector under a GIN index.
// Both start empty; the runtime fills them from the published articles when this migration has just run.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema.createTable('search_documents')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('standfirst', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('people', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
    return;
  }
  // remove_diacritics 2 folds Latin accents the same way src/search/normalise.ts does for queries.
  await sql`create virtual table search_fts using fts5(section_id unindexed, language unindexed, published_at unindexed,
    headline, standfirst, body, people, tags, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await db.schema.dropTable('search_documents').ifExists().execute();
  else await sql`drop table if exists search_fts`.execute(db);
}
