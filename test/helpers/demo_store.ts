// Where a test run keeps its one demo newsroom per database, and the lock that lets the first test file that
// needs it build it while the others wait and then copy it. scripts/test.ts names the folder (DEMO_DIR_VARIABLE)
// and removes it after the run; a file run on its own keeps the demo in a folder of its own process.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The environment variable naming the run's folder for the shared demo newsroom. */
export const DEMO_DIR_VARIABLE = 'KHABAR_TEST_DEMO_DIR';

export type DemoDialect = 'sqlite' | 'postgres';

export interface DemoManifest {
  /** stories the demo published */
  articles: number;
  /** the demo's "now" (ISO): contexts over a copy start their clock here */
  seededAt: string;
  /** the data folder: media/ and, on SQLite, khabar.sqlite (the folder a copy takes) */
  dataDir: string;
  /** PostgreSQL: the schema in TEST_DATABASE_URL that holds it */
  schema?: string;
}

let ownRoot: string | undefined;

function root(): string {
  const named = process.env[DEMO_DIR_VARIABLE];
  if (named) return named;
  if (!ownRoot) {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-test-demo-'));
    ownRoot = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // A PostgreSQL demo made outside scripts/test.ts is dropped when this process runs out of work.
    process.once('beforeExit', () => void dropSharedDemo(dir).catch(() => undefined));
  }
  return ownRoot;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build lock (a folder, created atomically) or answers false; a lock whose holder died is cleared. */
function take(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let holder = 0;
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // The holder has made the folder and not yet written its pid: it is alive.
    }
    if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/**
 * The run's demo newsroom on this database: built by `build` (into the folder it is given) in the first process
 * that asks, then read from its manifest by every other. There is no time limit on a build: waiters look every
 * 100 ms until the manifest appears or the lock is freed (the builder failed: the next one tries).
 */
export async function sharedDemo(dialect: DemoDialect, build: (dir: string) => Promise<DemoManifest>): Promise<DemoManifest> {
  const dir = join(root(), dialect);
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'demo.json');
  const lock = join(dir, 'lock');
  for (;;) {
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as DemoManifest;
    if (!take(lock)) {
      await pause(100);
      continue;
    }
    try {
      if (existsSync(manifest)) continue;
      const made = await build(dir);
      writeFileSync(`${manifest}.tmp`, JSON.stringify(made));
      renameSync(`${manifest}.tmp`, manifest);
      return made;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Drops the PostgreSQL demo schema a run made (scripts/test.ts calls it after the run). */
export async function dropSharedDemo(runDir: string): Promise<void> {
  const manifest = join(runDir, 'postgres', 'demo.json');
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !existsSync(manifest)) return;
  const { schema } = JSON.parse(readFileSync(manifest, 'utf8')) as DemoManifest;
  if (!schema || !/^demo_[0-9a-f]+$/.test(schema)) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
