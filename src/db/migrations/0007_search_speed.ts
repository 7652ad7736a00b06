// Site search that stays fast over a large archive. On SQLite the FTS5 table is made again without the filter
// columns, which FTS5 could only read by loading each matching story's whole row; the filters move to
// search_facets, a plain table read by primary key. The new table starts empty and the runtime fills it from the
// published articles on start, as after 0006. PostgreSQL keeps its table: its filters are plain columns already.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`drop table if exists search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(headline, standfirst, body, people, tags,
    tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await db.schema.createTable('search_facets')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('section_id', 'integer')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await db.schema.dropTable('search_facets').ifExists().execute();
  await sql`drop table if exists search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(section_id unindexed, language unindexed, published_at unindexed,
    headline, standfirst, body, people, tags, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
}
