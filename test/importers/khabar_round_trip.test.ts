// `khabar export json` then `khabar import khabar` into a fresh database: every table row by row the same (ids,
// dates, statuses, threads, revisions), the media files the same, on SQLite, on PostgreSQL and from one to the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { ManualClock } from '../../src/clock.ts';
import type { Db } from '../../src/db/schema.ts';
import { describeTables } from '../../src/db/table_map.ts';
import { exportKhabar } from '../../src/export/khabar_export.ts';
import { importKhabar } from '../../src/importers/khabar_import.ts';
import { isVolatile } from '../../src/export/khabar_format.ts';
import { copyDemo, demoNewsroom } from '../helpers/demo.ts';
import { makeTestContext, testConfig, type TestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';

/** Every content table's rows in key order; PostgreSQL's `real` keeps fewer digits than SQLite's, so floats are
 * compared to 6 significant digits (the only volatile part, docs/export-format.md). */
async function tablesOf(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await describeTables(db)) {
    if (isVolatile(t.name)) continue;
    const order = sql.join((t.primaryKey.length ? t.primaryKey : t.columns).map((c) => sql.ref(c)));
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${order}`.execute(db);
    out[t.name] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v])));
  }
  return out;
}

/** A copy of the SQLite demo with what the demo has none of: a section whose parent came later, a threaded comment
 * chain, a staff account, a static page, a redirect, an import map row, a correction. */
async function demoCopy(): Promise<{ runtime: Runtime; dir: string }> {
  const dir = await copyDemo();
  const { seededAt } = await demoNewsroom('sqlite');
  const runtime = await createRuntime(testConfig(dir, join(dir, 'khabar.sqlite')), { clock: new ManualClock(seededAt) });
  const db = runtime.ctx.db;
  const now = seededAt;
  const child = await db.insertInto('sections').values({ slug: 'kabul-city', name: 'کابل', description: '', position: 9, created_at: now }).returning('id').executeTakeFirstOrThrow();
  const parent = await db.insertInto('sections').values({ slug: 'provinces', name: 'Provinces', description: '', position: 8, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('sections').set({ parent_id: parent.id }).where('id', '=', child.id).execute();
  const article = await db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  let parentComment: number | null = null;
  for (const [i, status] of (['approved', 'approved', 'pending', 'spam'] as const).entries()) {
    const c = await db.insertInto('comments').values({
      article_id: article.id, parent_id: parentComment, depth: i, author_name: `خواننده ${i}`, author_email: null, ip: '192.0.2.1', network: '192.0.2.0/24',
      body: `Comment ${i}`, body_hash: `h${i}`, status, score: 0.1 * (i + 1), reasons: '[]', report_count: 0, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    parentComment = c.id;
  }
  await db.insertInto('users').values({ email: 'editor@example.org', name: 'Editor', password_hash: '$argon2id$x', role: 'editor', totp_enabled: 0, disabled: 0, created_at: now, updated_at: now }).execute();
  await db.insertInto('static_pages').values({ slug: 'about', title: 'About us', body_html: '<p>Who we are</p>', language: 'en', status: 'published', created_at: now, updated_at: now, published_at: now }).execute();
  await db.insertInto('redirects').values({ from_path: '/2019/05/old-story/', to_path: '/about', status_code: 301, created_at: now }).execute();
  await db.insertInto('import_map').values({ source: 'wordpress:https://old.example', kind: 'post', old_id: '12', new_id: article.id, created_at: now }).execute();
  await db.insertInto('article_corrections').values({ article_id: article.id, body: 'An earlier version misnamed the province.', created_at: now }).execute();
  return { runtime, dir };
}

/** A Dari story's page on the imported site names its reporter in Dari: people's names per language came back. */
async function dariBylineRestored(ctx: Runtime['ctx']): Promise<void> {
  const story = await ctx.db.selectFrom('articles').innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
    .innerJoin('people', 'people.id', 'article_authors.person_id').select(['articles.slug', 'people.names'])
    .where('articles.language', '=', 'fa').where('articles.status', '=', 'published').where('people.names', 'like', '%"fa"%').orderBy('articles.id').executeTakeFirstOrThrow();
  const app = await buildApp(ctx);
  try {
    const r = await app.inject(`/articles/${encodeURIComponent(story.slug)}`);
    assert.equal(r.statusCode, 200);
    const dari = (JSON.parse(story.names) as Record<string, string>).fa;
    assert.ok(r.body.includes(dari), `the Dari byline reads ${dari}`);
  } finally {
    await app.close();
  }
}

async function freshImport(dialect: 'sqlite' | 'postgres', exportDir: string): Promise<TestContext> {
  const t = await makeTestContext(dialect);
  await importKhabar(t.ctx, exportDir);
  return t;
}

/** Every media file the export lists is in the target's store with the same bytes; returns how many. */
async function sameMedia(exportDir: string, from: Runtime['ctx'], to: Runtime['ctx']): Promise<number> {
  const keys = readFileSync(join(exportDir, 'media.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key);
  for (const key of keys) assert.deepEqual(await to.media.get(key), await from.media.get(key), key);
  return keys.length;
}

test('export json then import khabar: SQLite to SQLite and to PostgreSQL, every row the same', async (t) => {
  const { runtime, dir } = await demoCopy();
  const out = mkdtempSync(join(tmpdir(), 'khabar-export-'));
  const exportDir = join(out, 'export');
  try {
    const lines: string[] = [];
    const summary = await exportKhabar(runtime.ctx, exportDir, (done, total, what) => lines.push(`${what} ${done}/${total}`));
    assert.ok(summary.rows > 100 && summary.mediaFiles > 0, JSON.stringify(summary));
    assert.ok(lines.includes('articles 0/' + (await runtime.ctx.db.selectFrom('articles').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const before = await tablesOf(runtime.ctx.db);
    assert.ok(before.comments.length >= 4 && before.article_revisions.length > 0 && before.users.length === 1);
    const named = (before.people as { names: string }[]).filter((p) => JSON.parse(p.names).fa);
    assert.ok(named.length > 0, 'the demo gives reporters Dari names');
    for (const dialect of process.env.TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
      await t.test(`into ${dialect}`, async () => {
        const target = await freshImport(dialect, exportDir);
        try {
          assert.deepEqual(await tablesOf(target.ctx.db), before);
          assert.equal(await sameMedia(exportDir, runtime.ctx, target.ctx), summary.mediaFiles);
          await dariBylineRestored(target.ctx);
          // Numbering goes on after the kept ids: a new section gets the next one, not a clash.
          const s = await target.ctx.db.insertInto('sections').values({ slug: 'new-one', name: 'New', description: '', position: 0, created_at: '2026-11-25T09:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
          assert.equal(s.id, Math.max(...before.sections.map((r) => (r as { id: number }).id)) + 1);
        } finally {
          await target.close();
        }
      });
    }
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test('export json then import khabar: PostgreSQL to PostgreSQL and to SQLite', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async (t) => {
  const demo = await demoNewsroom('postgres');
  const runtime = await createRuntime(testConfig(demo.dataDir, process.env.TEST_DATABASE_URL ?? ''), { clock: new ManualClock(demo.seededAt), dbOptions: { schema: demo.schema } });
  const out = mkdtempSync(join(tmpdir(), 'khabar-export-'));
  const exportDir = join(out, 'export');
  try {
    const summary = await exportKhabar(runtime.ctx, exportDir);
    const before = await tablesOf(runtime.ctx.db);
    assert.ok(before.articles.length >= demo.articles);
    for (const dialect of ['postgres', 'sqlite'] as const) {
      await t.test(`into ${dialect}`, async () => {
        const target = await freshImport(dialect, exportDir);
        try {
          assert.deepEqual(await tablesOf(target.ctx.db), before);
          assert.equal(await sameMedia(exportDir, runtime.ctx, target.ctx), summary.mediaFiles);
        } finally {
          await target.close();
        }
      });
    }
  } finally {
    await runtime.close();
    rmSync(out, { recursive: true, force: true });
  }
});
