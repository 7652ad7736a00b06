// The demo newsroom for tests, seeded once per run and per database (test/helpers/demo_store.ts) instead of
// once per test file: on SQLite every caller gets a copy of its own to change as it likes; on PostgreSQL
// callers share the one schema and only read it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createRuntime } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import { isEmpty, seedDemo } from '../../src/demo/seed.ts';
import { testConfig, type TestContext } from './context.ts';
import { sharedDemo, type DemoDialect, type DemoManifest } from './demo_store.ts';

export { DEMO_DIR_VARIABLE } from './demo_store.ts';

/** Hero illustrations the test demo draws (the newsroom's own demo draws more; two show the pool is shared). */
export const DEMO_IMAGE_POOL = 2;

/** Seeds an empty runtime's database with the demo at the manual clock's time. */
async function seedInto(config: ReturnType<typeof testConfig>, schema?: string): Promise<Pick<DemoManifest, 'articles' | 'seededAt'>> {
  const clock = new ManualClock();
  const runtime = await createRuntime(config, { clock, dbOptions: { schema } });
  try {
    if (!(await isEmpty(runtime.ctx.db))) throw new Error('the demo is seeded into an empty database only');
    const { articles } = await seedDemo(runtime.ctx, { imagePool: DEMO_IMAGE_POOL });
    return { articles, seededAt: clock.now().toISOString() };
  } finally {
    await runtime.close();
  }
}

async function pgQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function build(dialect: DemoDialect): (dir: string) => Promise<DemoManifest> {
  if (dialect === 'sqlite') {
    return async (dir) => {
      const dataDir = join(dir, 'data');
      rmSync(dataDir, { recursive: true, force: true });
      // Closing the runtime folds SQLite's write-ahead log into khabar.sqlite: the folder copies as it is.
      return { ...(await seedInto(testConfig(dataDir, join(dataDir, 'khabar.sqlite')), undefined)), dataDir };
    };
  }
  return async (dir) => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `demo_${randomBytes(6).toString('hex')}`;
    await pgQuery(`create schema ${schema}`);
    try {
      const dataDir = join(dir, 'data');
      return { ...(await seedInto(testConfig(dataDir, url), schema)), schema, dataDir };
    } catch (e) {
      await pgQuery(`drop schema ${schema} cascade`);
      throw e;
    }
  };
}

/** The run's demo newsroom on this database, built on first use. */
export function demoNewsroom(dialect: DemoDialect = 'sqlite'): Promise<DemoManifest> {
  return sharedDemo(dialect, build(dialect));
}

/** A new data folder holding a copy of the SQLite demo (khabar.sqlite and media/), e.g. for `khabar serve`.
 * The caller removes it. */
export async function copyDemo(): Promise<string> {
  const { dataDir } = await demoNewsroom('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-demo-'));
  cpSync(dataDir, dir, { recursive: true });
  return dir;
}

export interface DemoContext extends TestContext {
  /** stories the demo published */
  articles: number;
}

/**
 * A context over the demo newsroom with a manual clock at the time it was seeded. SQLite: a fresh copy, the
 * caller's to change. PostgreSQL: the run's shared schema, to read only.
 */
export async function makeDemoContext(dialect: DemoDialect): Promise<DemoContext> {
  const demo = await demoNewsroom(dialect);
  const clock = new ManualClock(demo.seededAt);
  // The pictures' bytes live in the data folder, beside the database.
  const copied = dialect === 'sqlite';
  const dir = copied ? await copyDemo() : demo.dataDir;
  try {
    const url = dialect === 'sqlite' ? join(dir, 'khabar.sqlite') : process.env.TEST_DATABASE_URL!;
    const runtime = await createRuntime(testConfig(dir, url), { clock, dbOptions: { schema: demo.schema } });
    return {
      ctx: runtime.ctx,
      clock,
      dir,
      databaseUrl: url,
      schema: demo.schema,
      articles: demo.articles,
      async close() {
        await runtime.close();
        if (copied) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (copied) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
