// Site search on PostgreSQL over a large archive: each search_documents row keeps only its ids, filters and
// pointers in the table itself, the texts and the tsvector going to TOAST. A row was about 2 KB (four to a page),
// so finding a word's matches through the GIN index, or walking the newest stories, read a page for nearly every
// story; narrow rows put 40 to a page. Existing rows are written again under the new setting. SQLite: nothing.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
  await sql`update search_documents set body = body`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table search_documents reset (toast_tuple_target)`.execute(db);
}
