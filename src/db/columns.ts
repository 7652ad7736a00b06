// Column helpers so one migration reads the same on SQLite and PostgreSQL.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from './index.ts';

/** Adds an auto-incrementing integer primary key named id. */
export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
