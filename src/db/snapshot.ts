// A consistent copy of the whole database while the site runs, and putting one back: SQLite's online backup API
// (better-sqlite3's backup()), or
// PostgreSQL's pg_dump / pg_restore when those programs are installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { childEnvironment, isPostgresUrl } from '../config.ts';

/** A snapshot that could not be made or put back, with words a person can act on. */
export class SnapshotError extends Error {}

/** Copies the SQLite database at `path` into `dest` (a new file) while other processes may write to it. */
export async function snapshotSqlite(path: string, dest: string): Promise<void> {
  if (!existsSync(path)) throw new SnapshotError(`There is no database at ${path} (KHABAR_DATA_DIR or DATABASE_URL names another?).`);
  const file = new SQLite(path, { fileMustExist: true });
  try {
    file.pragma('busy_timeout = 5000');
    // After the first step, the rest in one step: SQLite starts a backup again whenever another connection writes
    // between two steps, and small steps under steady writes would never end. One step reads one snapshot (WAL
    // lets the writers go on meanwhile).
    await file.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    file.close();
  }
  // The copy is one file: its pages are whole in it, with no write-ahead log beside it.
  const copy = new SQLite(dest);
  try {
    const ok = copy.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new SnapshotError(`The copy of the database did not pass SQLite's check: ${String(ok)}`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Checks a SQLite file from a backup: it opens and passes SQLite's own check. */
export function checkSqliteFile(path: string): void {
  let file: SQLite.Database | null = null;
  try {
    file = new SQLite(path, { readonly: true, fileMustExist: true });
    const ok = file.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new SnapshotError(`its database does not pass SQLite's check (${String(ok)})`);
  } catch (err) {
    if (err instanceof SnapshotError) throw err;
    throw new SnapshotError(`its database cannot be read: ${(err as Error).message}`);
  } finally {
    file?.close();
  }
}

/** Puts a checked SQLite file in the place of the database at `path` (no server may have it open). */
export function replaceSqlite(file: string, path: string): void {
  for (const extra of ['-wal', '-shm', '-journal']) rmSync(`${path}${extra}`, { force: true });
  renameSync(file, path);
}

/** True when pg_dump and pg_restore can be run here. */
export function havePgTools(): boolean {
  return ['pg_dump', 'pg_restore'].every((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);
}

/** Runs a PostgreSQL client program on the database at `url`. The password goes in the environment, not the
 * arguments: it never shows in the process list. */
function run(program: string, args: string[], url: string): Promise<string> {
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, `--dbname=${address.href}`], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnvironment(password ? { PGPASSWORD: password } : {}) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4000) err += d.toString();
    });
    child.once('error', (e) => reject(new SnapshotError(`${program} could not be started: ${e.message}`)));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new SnapshotError(`${program} failed (exit code ${code}): ${err.trim()}`))));
  });
}

const NO_TOOLS = 'pg_dump and pg_restore are not installed here (the PostgreSQL client programs, e.g. apt-get install postgresql-client): a PostgreSQL backup needs them. khabar export json DIR works without them.';

/** pg_dump of one schema (custom format) into `dest`. */
export async function snapshotPostgres(url: string, schema: string, dest: string): Promise<void> {
  if (!isPostgresUrl(url)) throw new SnapshotError('Not a PostgreSQL address.');
  if (!havePgTools()) throw new SnapshotError(NO_TOOLS);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${dest}`], url);
}

/** The schema a dump was made from, and whether the dump creates it itself (pg_dump leaves out `public`). */
export async function dumpedSchema(dump: string): Promise<{ schema: string; creates: boolean } | null> {
  if (!havePgTools()) throw new SnapshotError(NO_TOOLS);
  const list = spawnSync('pg_restore', ['--list', dump], { encoding: 'utf8' });
  if (list.status !== 0) return null;
  const created = /^\d+; \d+ \d+ SCHEMA - (\S+) /m.exec(list.stdout);
  const table = /^\d+; \d+ \d+ TABLE (\S+) /m.exec(list.stdout);
  const schema = created?.[1] ?? table?.[1];
  return schema ? { schema, creates: !!created } : null;
}

/** pg_restore of a dump made by snapshotPostgres into the (emptied) schema it was made from. */
export async function restorePostgres(url: string, dump: string): Promise<void> {
  if (!havePgTools()) throw new SnapshotError(NO_TOOLS);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dump], url);
}
