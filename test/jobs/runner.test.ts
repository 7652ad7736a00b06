// Scheduled publishing through the job runner, with a controllable clock: on time, exactly once, and after a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createRuntime } from '../../src/runtime.ts';
import { buildApp } from '../../src/app.ts';
import { createArticle, scheduleArticle } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson } from '../../src/content/people.ts';
import { runDueJobs, startJobRunner } from '../../src/jobs/runner.ts';

const actor = { userId: null };
const HOUR = 3600_000;

async function scheduledStory(t: TestApp, headline: string, inMs: number): Promise<{ id: number; slug: string; at: Date }> {
  const sectionId = await createSection(t.ctx, { name: `Desk ${headline}` });
  const person = await createPerson(t.ctx, { name: `Writer ${headline}` });
  const id = await createArticle(t.ctx, { headline, sectionId, authorIds: [person], bodyHtml: '<p>On time.</p>' }, actor);
  const at = new Date(t.clock.now().getTime() + inMs);
  await scheduleArticle(t.ctx, id, at, actor);
  const row = await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, slug: row.slug, at };
}

const page = (t: TestApp, slug: string) => t.app.inject({ method: 'GET', url: `/articles/${slug}` });

for (const dialect of testDialects()) {
  test(`[${dialect}] a scheduled article goes public only once its time has passed and the jobs ran, exactly once`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const s = await scheduledStory(t, 'Election results', 2 * HOUR);
      assert.equal((await page(t, s.slug)).statusCode, 404);
      assert.deepEqual((await runDueJobs(t.ctx)).published, [], 'not due yet');
      assert.equal((await page(t, s.slug)).statusCode, 404);
      t.clock.set(new Date(s.at.getTime() + 1000));
      assert.equal((await page(t, s.slug)).statusCode, 404, 'time has passed but the jobs have not run');
      assert.deepEqual((await runDueJobs(t.ctx)).published, [s.id]);
      assert.deepEqual((await runDueJobs(t.ctx)).published, [], 'a second run publishes nothing');
      const res = await page(t, s.slug);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Election results/);
      const row = await t.ctx.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', s.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.published_at, s.at.toISOString(), 'published at the scheduled time, not when the runner noticed');
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] two runners at once publish each article once`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const a = await scheduledStory(t, 'First', HOUR);
      const b = await scheduledStory(t, 'Second', HOUR + 1000);
      t.clock.advance(2 * HOUR);
      const results = await Promise.all([runDueJobs(t.ctx), runDueJobs(t.ctx), runDueJobs(t.ctx)]);
      assert.deepEqual(results.flatMap((r) => r.published).sort(), [a.id, b.id].sort());
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] after a restart the runner publishes what came due while the server was down`, async () => {
    const t = await makeTestApp(dialect);
    let second: Awaited<ReturnType<typeof createRuntime>> | null = null;
    try {
      const s = await scheduledStory(t, 'Overnight news', HOUR);
      // The server goes down; while it is down the time passes. A fresh runtime opens the same database.
      t.clock.advance(5 * HOUR);
      const schema = dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db)).rows[0].s
        : undefined;
      second = await createRuntime(t.ctx.config, { clock: t.clock, dbOptions: { schema } });
      const runner = startJobRunner(second.ctx, { intervalMs: 3_600_000 });
      await runner.stop();
      const row = await second.ctx.db.selectFrom('articles').select('status').where('id', '=', s.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      const app = await buildApp(second.ctx);
      try {
        assert.equal((await app.inject({ method: 'GET', url: `/articles/${s.slug}` })).statusCode, 200);
      } finally {
        await app.close();
      }
      assert.deepEqual((await runDueJobs(t.ctx)).published, [], 'the first instance finds nothing left to publish');
    } finally {
      await second?.close();
      await t.close();
    }
  });
}
