// Site search on PostgreSQL over a large archive: each search_documents row keeps only its ids, filters and
// pointers in the table itself, the texts and the tsvector going to TOAST. A row was about 2 KB (four to a page),
// so finding a word's matches through the GIN index, or walking the newest stories, read a page for nearly every
// story; narrow rows put about 40 to a page. The table is written again under the new setting (rows updated in
// place would leave it as many pages as before; VACUUM FULL cannot run inside the migration's transaction).
// SQLite: nothing.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create table search_documents_narrow (like search_documents including defaults including constraints)
    with (toast_tuple_target = 128)`.execute(db);
  // The filters stay in the row: with so low a target PostgreSQL would move even a 25-byte date out, and the walk
  // checks dates on every story it passes (5 s for a dated filter over 100,000 stories).
  for (const column of ['language', 'published_at']) {
    await sql`alter table search_documents_narrow alter column ${sql.ref(column)} set storage plain`.execute(db);
  }
  await sql`insert into search_documents_narrow select * from search_documents`.execute(db);
  await sql`drop table search_documents`.execute(db);
  await sql`alter table search_documents_narrow rename to search_documents`.execute(db);
  await sql`alter table search_documents add constraint search_documents_pkey primary key (article_id)`.execute(db);
  await sql`alter table search_documents add constraint search_documents_article_id_fkey foreign key (article_id)
    references articles (id) on delete cascade`.execute(db);
  await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  await sql`analyze search_documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table search_documents reset (toast_tuple_target)`.execute(db);
}
