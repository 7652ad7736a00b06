// `khabar backup FILE` and `khabar restore FILE`: one gzipped tar archive (node-tar) holding a consistent snapshot
// of the database (src/db/snapshot.ts), the media folder and the process secret, described by backup.json
// (docs/backup-format.md). A restore unpacks and checks everything aside before it changes anything, refuses a
// database with content unless forced, and swaps the database in whole.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { isPostgresUrl, type Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { openDatabase } from '../db/index.ts';
import { checkSqliteFile, dumpedSchema, replaceSqlite, restorePostgres, snapshotPostgres, snapshotSqlite, SnapshotError } from '../db/snapshot.ts';
import { fileDigest } from './khabar_format.ts';
import { holdsContent } from '../importers/khabar_import.ts';

export const BACKUP_FORMAT = 'khabar-backup';
export const BACKUP_VERSION = 1;
const MANIFEST = 'backup.json';
const SECRET = 'secret.key';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the schema the dump holds */
  schema?: string;
  database: { file: string; bytes: number; sha256: string };
  secret: string;
  media: string;
}

/** A backup that cannot be made or restored, with what is wrong. */
export class BackupError extends Error {}

/** Writes the backup archive `file` (which must not exist yet). */
export async function makeBackup(ctx: AppContext, file: string): Promise<BackupManifest> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${file} already exists: name a new file for the backup.`);
  const work = join(dirname(target), `.${target.split(/[\\/]/).pop()}.partial-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    let schema: string | undefined;
    const dbFile = ctx.dialect === 'postgres' ? 'database.pgdump' : 'database.sqlite';
    if (ctx.dialect === 'postgres') {
      schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db)).rows[0].s;
      await snapshotPostgres(ctx.config.databaseUrl, schema, join(work, dbFile));
    } else await snapshotSqlite(ctx.config.databaseUrl, join(work, dbFile));
    writeFileSync(join(work, SECRET), `${ctx.secret}\n`, { mode: 0o600 });
    // Media files are written whole under new names and never changed after: a copy of the folder is consistent
    // with a database snapshot taken just before it (a picture added meanwhile is an unused file, not a gap).
    if (existsSync(ctx.config.mediaDir)) cpSync(ctx.config.mediaDir, join(work, 'media'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
    else mkdirSync(join(work, 'media'));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: ctx.clock.now().toISOString(), dialect: ctx.dialect, ...(schema ? { schema } : {}),
      database: { file: dbFile, ...(await fileDigest(join(work, dbFile))) }, secret: SECRET, media: 'media',
    };
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await tar.c({ gzip: true, file: `${target}.partial`, cwd: work, portable: true }, [MANIFEST, dbFile, SECRET, 'media']);
    await rename(`${target}.partial`, target);
    return manifest;
  } catch (err) {
    await rm(`${target}.partial`, { force: true });
    if (err instanceof SnapshotError) throw new BackupError(err.message);
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface RestoreOptions {
  /** replace a database that has content */
  force?: boolean;
  /** PostgreSQL: where the restored schema is looked for content before (tests); default the dump's own schema */
  schema?: string;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  /** a note for the person restoring (e.g. KHABAR_SECRET differs from the backed-up secret) */
  notes: string[];
}

/** Puts the backup `file` in place of this instance's database, media and secret. No server may be running on it. */
export async function restoreBackup(config: Config, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file.`);
  mkdirSync(config.dataDir, { recursive: true });
  const work = join(config.dataDir, `.restore-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  try {
    try {
      await tar.x({ file, cwd: work, strict: true, preservePaths: false });
    } catch (err) {
      throw new BackupError(`${file} is damaged or cut short, or is not a Khabar backup (${(err as Error).message}). Nothing was changed.`);
    }
    const manifest = readBackupManifest(work, file, config);
    const dbPath = join(work, manifest.database.file);
    const got = existsSync(dbPath) ? await fileDigest(dbPath) : null;
    if (!got || got.sha256 !== manifest.database.sha256) throw new BackupError(`${file}: its database copy (${manifest.database.file}) is missing or damaged. Nothing was changed.`);
    const notes: string[] = [];
    if (manifest.dialect === 'sqlite') {
      try {
        checkSqliteFile(dbPath);
      } catch (err) {
        throw new BackupError(`${file}: ${(err as Error).message}. Nothing was changed.`);
      }
      if (existsSync(config.databaseUrl)) await refuseContent(config.databaseUrl, undefined, opts.force);
      replaceSqlite(dbPath, config.databaseUrl);
    } else await restorePg(config, dbPath, opts);
    if (existsSync(join(work, 'media'))) cpSync(join(work, 'media'), config.mediaDir, { recursive: true });
    const secret = readFileSync(join(work, SECRET), 'utf8').trim();
    if (config.secret && config.secret !== secret) notes.push('KHABAR_SECRET differs from the secret in the backup: staff two-factor sign-in set up before the backup needs the backed-up secret (its file is not written while KHABAR_SECRET is set).');
    else if (!config.secret) writeFileSync(join(config.dataDir, SECRET), `${secret}\n`, { mode: 0o600 });
    return { manifest, notes };
  } catch (err) {
    if (err instanceof SnapshotError) throw new BackupError(`${err.message} Nothing was changed.`);
    throw err;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readBackupManifest(work: string, file: string, config: Config): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(readFileSync(join(work, MANIFEST), 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new BackupError(`${file} is not a Khabar backup (it has no readable ${MANIFEST}). Nothing was changed.`);
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Khabar backup (its format is ${JSON.stringify(m.format ?? null)}). Nothing was changed.`);
  if (m.version !== BACKUP_VERSION) throw new BackupError(`${file}: backup format version ${JSON.stringify(m.version ?? null)}; this Khabar restores version ${BACKUP_VERSION}. Nothing was changed.`);
  const here = isPostgresUrl(config.databaseUrl) ? 'postgres' : 'sqlite';
  if (m.dialect !== here || !m.database?.file || !/^database\.(sqlite|pgdump)$/.test(m.database.file)) {
    throw new BackupError(`${file} is a backup of a ${m.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database and this Khabar uses ${here === 'postgres' ? 'PostgreSQL' : 'SQLite'}: restore it on the same kind, or move with khabar export json / import khabar. Nothing was changed.`);
  }
  return m as BackupManifest;
}

async function refuseContent(url: string, schema: string | undefined, force = false): Promise<void> {
  const { db, close } = openDatabase(url, schema ? { schema } : {});
  try {
    const table = await holdsContent(db);
    if (table && !force) throw new BackupError(`This database already has content (table ${table} has rows): restore replaces it only with --force. Nothing was changed.`);
  } finally {
    await close();
  }
}

/** Restores the dump into its schema; the schema there before is kept aside until the dump is in, and put back if it fails. */
async function restorePg(config: Config, dump: string, opts: RestoreOptions): Promise<void> {
  const dumped = await dumpedSchema(dump);
  if (!dumped) throw new BackupError('The database copy in the backup cannot be read by pg_restore. Nothing was changed.');
  await refuseContent(config.databaseUrl, opts.schema ?? dumped.schema, opts.force);
  const { db, close } = openDatabase(config.databaseUrl);
  const aside = `${dumped.schema}_before_restore`;
  const name = sql.id(dumped.schema);
  try {
    const exists = (await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${dumped.schema}`.execute(db)).rows[0].n > 0;
    await sql`drop schema if exists ${sql.id(aside)} cascade`.execute(db);
    if (exists) await sql`alter schema ${name} rename to ${sql.id(aside)}`.execute(db);
    try {
      if (!dumped.creates) await sql`create schema ${name}`.execute(db);
      await restorePostgres(config.databaseUrl, dump);
    } catch (err) {
      await sql`drop schema if exists ${name} cascade`.execute(db);
      if (exists) await sql`alter schema ${sql.id(aside)} rename to ${name}`.execute(db);
      throw err;
    }
    if (exists) await sql`drop schema ${sql.id(aside)} cascade`.execute(db);
  } finally {
    await close();
  }
}
