// Jobs never wait on each other: a partner whose server holds every request does not delay scheduled publishing,
// and one job's failure does not stop the others. Time comes from the ManualClock; the test waits on the events
// themselves (the story's status, the partner's request arriving), never on a fixed sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { makeTestContext, testDialects } from '../helpers/context.ts';
import { createArticle, scheduleArticle } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson } from '../../src/content/people.ts';
import { createSource } from '../../src/content/sources.ts';
import { JOBS, JobFailed, runDueJobs, startJobRunner } from '../../src/jobs/runner.ts';

const actor = { userId: null };

/** Resolves when `check` holds, looking again after each turn of the event loop's timers. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setImmediate(r));
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a partner that holds every request does not delay a story scheduled a few seconds ahead`, async () => {
    // The partner's server takes requests and answers none until the test ends (as one that hangs for 20 s would).
    const held: ServerResponse[] = [];
    let asked!: () => void;
    const partnerAsked = new Promise<void>((r) => { asked = r; });
    const partner = createServer((_req, res) => { held.push(res); asked(); });
    partner.listen(0, '127.0.0.1');
    await once(partner, 'listening');
    const base = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
    const t = await makeTestContext(dialect, { fetchAllow: ['127.0.0.1/32'] });
    const runner = { stop: async () => undefined } as { stop(): Promise<void> };
    try {
      await createSource(t.ctx, { name: 'Slow Partner', feedUrl: `${base}/feed.xml`, siteUrl: base, description: '', language: 'en', autoPublish: false });
      const sectionId = await createSection(t.ctx, { name: 'Desk' });
      const person = await createPerson(t.ctx, { name: 'Writer' });
      const id = await createArticle(t.ctx, { headline: 'On the hour', sectionId, authorIds: [person], bodyHtml: '<p>Due.</p>' }, actor);
      await scheduleArticle(t.ctx, id, new Date(t.clock.now().getTime() + 5_000), actor);
      const status = async () => (await t.ctx.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

      Object.assign(runner, startJobRunner(t.ctx, { intervalMs: 20 }));
      await partnerAsked; // the poll is under way, and stays so
      assert.equal(await status(), 'scheduled');
      t.clock.advance(5_000);
      await until(async () => (await status()) === 'published');
      assert.ok(held.length >= 1 && held.every((res) => !res.writableEnded), 'the partner has still not answered');
    } finally {
      for (const res of held) res.destroy();
      await runner.stop();
      partner.close();
      await t.close();
    }
  });

  test(`[${dialect}] a failing job is named, and the others still run that turn`, async () => {
    const t = await makeTestContext(dialect);
    try {
      await runDueJobs(t.ctx);
      t.clock.advance(JOBS.tidy.everyMs + 1000);
      await sql`alter table articles rename to articles_away`.execute(t.ctx.db);
      const err = await runDueJobs(t.ctx).then(() => null, (e: unknown) => e);
      await sql`alter table articles_away rename to articles`.execute(t.ctx.db);
      assert.ok(err instanceof JobFailed, 'a JobFailed');
      assert.equal(err.job, JOBS.publish.name);
      const runs = await t.ctx.db.selectFrom('job_leases').select(['name', 'runs']).where('name', '=', JOBS.tidy.name).executeTakeFirstOrThrow();
      assert.equal(runs.runs, 2, 'the hourly tidy ran although publishing failed');
    } finally {
      await t.close();
    }
  });
}
