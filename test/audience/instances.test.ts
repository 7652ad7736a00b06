// Two instances on one database count views split across them exactly once: each writes only the views it answered,
// in its own batches (written at the same moment here), and a reader seen by both is one reader (the day's salt is
// shared through the database). On SQLite (two runtimes on one file) and PostgreSQL (one schema).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { createRuntime } from '../../src/runtime.ts';
import { buildApp } from '../../src/app.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { rollUp } from '../../src/audience/rollup.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { audienceOverview, audienceTable } from '../../src/audience/figures.ts';

for (const dialect of testDialects()) {
  test(`[${dialect}] views split across two instances are each counted once`, async () => {
    const a = await makeTestApp(dialect);
    const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(a.ctx.db)).rows[0].s : undefined;
    const second = await createRuntime(a.ctx.config, { clock: a.clock, passwordCost: CHEAP_PASSWORD_COST, ...(schema ? { dbOptions: { schema } } : {}) });
    const b = await buildApp(second.ctx);
    try {
      const id = await createArticle(a.ctx, { headline: 'Wheat harvest comes in early', bodyHtml: '<p>Farmers say.</p>' }, { userId: null });
      await publishArticle(a.ctx, id, { userId: null });
      const slug = (await a.app.inject('/')).body.match(/href="(\/articles\/[^"]+)"/)?.[1];
      assert.ok(slug);
      // 40 readers: each reads the story once through each instance, and the front page through one of them (the
      // front page asked above, by no browser, is a bot's view: written, not a reader's)
      let sent = 0;
      for (let r = 0; r < 40; r++) {
        const headers = { 'user-agent': `Mozilla/5.0 (Reader ${r}) Gecko/20100101 Firefox/133.0` };
        for (const app of [a.app, b]) {
          assert.equal((await app.inject({ url: slug, remoteAddress: `10.2.0.${r}`, headers })).statusCode, 200);
          sent++;
        }
        assert.equal((await (r % 2 ? a.app : b).inject({ url: '/', remoteAddress: `10.2.0.${r}`, headers })).statusCode, 200);
        sent++;
      }
      // PostgreSQL: both batches at the same moment. SQLite: one after the other (two runtimes in one process share
      // its one writer; several instances need PostgreSQL anyway)
      if (dialect === 'postgres') await Promise.all([a.app.pageViews?.flush(), b.pageViews?.flush()]);
      else for (const app of [a.app, b]) await app.pageViews?.flush();
      assert.equal((a.app.pageViews?.written ?? 0) + (b.pageViews?.written ?? 0), sent + 1);
      assert.ok((a.app.pageViews?.written ?? 0) > 0 && (b.pageViews?.written ?? 0) > 0, 'both instances wrote their share');
      // both run their jobs at once: the roll-up's lease lets one of them do it; a later roll-up changes nothing
      const ran = dialect === 'postgres' ? await Promise.all([runDueJobs(a.ctx), runDueJobs(second.ctx)]) : [await runDueJobs(a.ctx), await runDueJobs(second.ctx)];
      assert.equal(ran.filter((r) => r.ran.includes('audience-roll-up')).length, 1, 'rolled up once');
      await rollUp(second.ctx);
      const today = await audienceOverview(a.ctx, 'today');
      assert.deepEqual(today.totals, { views: sent, visitors: 40, bots: 1, feedFetches: 0 });
      assert.deepEqual((await audienceTable(second.ctx, 'article', 'today')).map((r) => [Number(r.key), r.views, r.visitors]), [[id, 80, 40]]);
    } finally {
      await b.close();
      await second.close();
      await a.close();
    }
  });
}
