// Test contexts: every integration test runs once per database (SQLite always; PostgreSQL when
// TEST_DATABASE_URL is set, each context in a schema of its own that is dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { createRuntime } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import type { AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/app.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';

export type TestDialect = 'sqlite' | 'postgres';

/** The databases this run can test against. */
export function testDialects(): TestDialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestContext {
  ctx: AppContext;
  clock: ManualClock;
  dir: string;
  /** the database it runs on (a file in dir, or PostgreSQL with `schema`), for a second process on the same data */
  databaseUrl: string;
  schema?: string;
  close(): Promise<void>;
}

/** The settings every test runtime uses: data in `dir`, a fixed secret, no demo on an empty database. */
export function testConfig(dir: string, databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ KHABAR_DATA_DIR: dir, DATABASE_URL: databaseUrl, KHABAR_SECRET: 'test-secret-0123456789abcdef', KHABAR_DEMO: '0' }), ...overrides };
}

/** A fresh, migrated database and context with a manual clock. */
export async function makeTestContext(dialect: TestDialect, overrides: Partial<Config> = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-test-'));
  const clock = new ManualClock();
  let schema: string | undefined;
  let databaseUrl = join(dir, 'test.sqlite');
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    databaseUrl = url;
  }
  const config = testConfig(dir, databaseUrl, overrides);
  const runtime = await createRuntime(config, { clock, dbOptions: { schema }, passwordCost: CHEAP_PASSWORD_COST });
  return {
    ctx: runtime.ctx,
    clock,
    dir,
    databaseUrl,
    schema,
    async close() {
      await runtime.close();
      if (schema) {
        const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestContext {
  app: FastifyInstance;
}

/** A test context plus the built (not listening) Fastify app; use app.inject(). */
export async function makeTestApp(dialect: TestDialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  const t = await makeTestContext(dialect, overrides);
  const app = await buildApp(t.ctx);
  await app.ready();
  return {
    ...t,
    app,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
