// `khabar backup` while the site writes, `khabar restore` into a new folder: the restored site serves the same pages,
// the secret comes along, the snapshot is consistent; a damaged backup, another kind of database and a target with
// content are refused with words and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setImmediate as turn } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'kysely';
import { createRuntime, loadSecret } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/index.ts';
import { havePgTools } from '../../src/db/snapshot.ts';
import { makeBackup, restoreBackup } from '../../src/export/backup.ts';
import { copyDemo, demoNewsroom } from '../helpers/demo.ts';
import { makeTestContext, testConfig } from '../helpers/context.ts';

async function pages(config: ReturnType<typeof testConfig>, seededAt: string, paths: string[]): Promise<string[]> {
  const runtime = await createRuntime(config, { clock: new ManualClock(seededAt) });
  const app = await buildApp(runtime.ctx);
  try {
    const out: string[] = [];
    for (const url of paths) {
      const r = await app.inject({ url });
      out.push(`${r.statusCode} ${r.body}`);
    }
    return out;
  } finally {
    await app.close();
    await runtime.close();
  }
}

const auditRows = async (db: ReturnType<typeof openDatabase>['db']) => Number((await db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test('backup while the site writes, restore into a new folder: the same pages, the secret along', async () => {
  const { seededAt } = await demoNewsroom('sqlite');
  const dir = await copyDemo();
  const work = mkdtempSync(join(tmpdir(), 'khabar-backup-'));
  const file = join(work, 'newsroom.tar.gz');
  const config = { ...testConfig(dir, join(dir, 'khabar.sqlite')), secret: null };
  writeFileSync(join(dir, 'secret.key'), 'the-newsroom-secret-0123456789\n');
  try {
    const runtime = await createRuntime(config, { clock: new ManualClock(seededAt) });
    const app = await buildApp(runtime.ctx);
    const home = await app.inject({ url: '/' });
    const article = /href="(\/articles\/[^"]+)"/.exec(home.body)?.[1];
    const section = /href="(\/section\/[^"]+)"/.exec(home.body)?.[1];
    assert.ok(article && section);
    const paths = ['/', article, section, '/sitemap.xml', '/feed.xml'];
    // Writes go on (audit entries, which no page shows) while the snapshot is taken.
    let writing = true;
    const before = await auditRows(runtime.ctx.db);
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await runtime.ctx.db.insertInto('audit_log').values({ action: 'test.write', subject: `w${i}`, detail: '{}', ip: '', created_at: seededAt, actor_id: null }).execute();
        await turn();
      }
    })();
    await makeBackup(runtime.ctx, file);
    writing = false;
    await writer;
    const after = await auditRows(runtime.ctx.db);
    assert.ok(after > before, "the site wrote while the backup was taken");
    await assert.rejects(makeBackup(runtime.ctx, file), /already exists/);
    const original = await Promise.all(paths.map(async (url) => {
      const r = await app.inject({ url });
      return `${r.statusCode} ${r.body}`;
    }));
    await app.close();
    await runtime.close();

    const fresh = mkdtempSync(join(tmpdir(), 'khabar-restored-'));
    const restoredConfig = { ...testConfig(fresh, join(fresh, 'khabar.sqlite')), secret: null };
    try {
      await restoreBackup(restoredConfig, file);
      assert.equal(loadSecret(restoredConfig), 'the-newsroom-secret-0123456789');
      const { db, close } = openDatabase(restoredConfig.databaseUrl);
      const kept = await auditRows(db);
      await close();
      assert.ok(kept >= before && kept <= after, `a snapshot of one moment: ${before} <= ${kept} <= ${after}`);
      assert.deepEqual(await pages(restoredConfig, seededAt, paths), original);
      // Once it has content, a restore is refused unless forced.
      await assert.rejects(restoreBackup(restoredConfig, file), /already has content .*only with --force\. Nothing was changed\./);
      await restoreBackup(restoredConfig, file, { force: true });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }

    // A damaged backup or one of another kind of database changes nothing.
    const other = mkdtempSync(join(tmpdir(), 'khabar-restored-'));
    try {
      const otherConfig = testConfig(other, join(other, 'khabar.sqlite'));
      writeFileSync(join(work, 'cut.tar.gz'), readFileSync(file));
      truncateSync(join(work, 'cut.tar.gz'), Math.floor(readFileSync(file).length / 2));
      await assert.rejects(restoreBackup(otherConfig, join(work, 'cut.tar.gz')), /cut\.tar\.gz is damaged or cut short, or is not a Khabar backup .*Nothing was changed\./);
      writeFileSync(join(work, 'not.tar.gz'), 'hello');
      await assert.rejects(restoreBackup(otherConfig, join(work, 'not.tar.gz')), /is damaged or cut short, or is not a Khabar backup/);
      await assert.rejects(restoreBackup(otherConfig, join(work, 'none.tar.gz')), /none\.tar\.gz: no such file/);
      assert.ok(!existsSync(otherConfig.databaseUrl));
      await assert.rejects(restoreBackup({ ...otherConfig, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }, file), /a backup of a SQLite database and this Khabar uses PostgreSQL/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});

test('PostgreSQL: backup with pg_dump, restore into another database', { skip: (!process.env.TEST_DATABASE_URL || !havePgTools()) && 'needs TEST_DATABASE_URL and pg_dump' }, async () => {
  const t = await makeTestContext('postgres');
  const url = process.env.TEST_DATABASE_URL ?? '';
  const name = `khabar_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const work = mkdtempSync(join(tmpdir(), 'khabar-backup-'));
  try {
    const now = t.clock.now().toISOString();
    await t.ctx.db.insertInto('sections').values({ slug: 'news', name: 'خبر', description: '', position: 0, created_at: now }).execute();
    await makeBackup(t.ctx, join(work, 'pg.tar.gz'));
    await admin.query(`create database ${name}`);
    const there = new URL(url);
    there.pathname = `/${name}`;
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db)).rows[0].s;
    const config = testConfig(join(work, 'data'), there.href);
    await restoreBackup(config, join(work, 'pg.tar.gz'));
    const { db, close } = openDatabase(there.href, { schema });
    try {
      assert.deepEqual(await db.selectFrom('sections').select(['slug', 'name']).execute(), [{ slug: 'news', name: 'خبر' }]);
      const next = await db.insertInto('sections').values({ slug: 'more', name: 'More', description: '', position: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
      assert.equal(next.id, 2);
    } finally {
      await close();
    }
    await assert.rejects(restoreBackup(config, join(work, 'pg.tar.gz'), { schema }), /already has content/);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
    await t.close();
    rmSync(work, { recursive: true, force: true });
  }
});
