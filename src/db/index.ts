// Opens the database: SQLite (default, WAL) or PostgreSQL when the URL says postgres://.
import { Kysely, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import type pgModule from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Db } from './schema.ts';
import { isPostgresUrl } from '../config.ts';
import { OwnSchemaPostgresDialect } from './pg_introspector.ts';
import { loadPackage } from '../load_later.ts';

export type DialectName = 'sqlite' | 'postgres';

let pgLoaded: typeof pgModule | null = null;

/** The PostgreSQL driver, loaded only by a process that uses PostgreSQL (a SQLite newsroom never holds it). */
function loadPg(): typeof pgModule {
  if (!pgLoaded) {
    pgLoaded = loadPackage<typeof pgModule>('pg');
    // COUNT(*) and BIGINT come back from pg as strings; our counts fit in a double.
    pgLoaded.types.setTypeParser(20, (v) => Number(v));
  }
  return pgLoaded;
}

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections at this moment (for /metrics) */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each run its own). */
  schema?: string;
  /** PostgreSQL: the most connections the pool opens (KHABAR_DB_POOL; 10 unless given) */
  poolSize?: number;
}

/** Opens a database from a SQLite path (or ":memory:") or a postgres:// URL. */
export function openDatabase(url: string, opts: OpenOptions = {}): OpenDatabase {
  if (isPostgresUrl(url)) {
    const pool = new (loadPg().Pool)({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: 'postgres', close: () => db.destroy(), poolStats };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const file = new SQLite(url);
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/** Kysely prepares every query anew; preparing costs more than running most of ours, so prepared statements are
 * kept by SQL text (least recently used dropped first). Safe because better-sqlite3 runs one statement at a time. */
function withStatementCache(file: SQLite.Database): { close(): void; prepare(sql: string): SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = file.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** True once a trivial query answers. */
export async function ping(db: Db): Promise<boolean> {
  await sql`select 1`.execute(db);
  return true;
}

export function dialectOf(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectName {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}
