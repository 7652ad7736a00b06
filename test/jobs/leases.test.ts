// Jobs once across instances: several runtimes on one database (each its own "instance"), a shared clock, and
// the leases deciding who runs each due job; an instance that dies mid-run is taken over once its lease ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { makeTestContext, testDialects, type TestContext } from '../helpers/context.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { JOBS, runDueJobs } from '../../src/jobs/runner.ts';
import { finishLease, takeLease } from '../../src/jobs/leases.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const HOUR = 3600_000;

/** Another instance on the same database and clock as `t`. */
async function sibling(t: TestContext): Promise<Runtime> {
  const schema = t.ctx.dialect === 'postgres'
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db)).rows[0].s
    : undefined;
  return createRuntime(t.ctx.config, { clock: t.clock, dbOptions: { schema }, passwordCost: CHEAP_PASSWORD_COST });
}

const runs = async (t: TestContext, name: string) =>
  (await t.ctx.db.selectFrom('job_leases').select('runs').where('name', '=', name).executeTakeFirstOrThrow()).runs;

for (const dialect of testDialects()) {
  test(`[${dialect}] three instances ticking together run the hourly job once per due time`, async () => {
    const t = await makeTestContext(dialect);
    const others = [await sibling(t), await sibling(t)];
    try {
      const instances = [t.ctx, ...others.map((o) => o.ctx)];
      for (let hour = 0; hour < 3; hour++) {
        // On PostgreSQL the instances tick at once. Three SQLite connections in one thread cannot: a job holding a
        // transaction across an await would keep another connection's write waiting on the thread it blocks (a
        // real SQLite newsroom runs one instance), so there they tick one after another.
        const results = dialect === 'postgres'
          ? await Promise.all(instances.map((ctx) => runDueJobs(ctx)))
          : await instances.reduce(async (done, ctx) => [...(await done), await runDueJobs(ctx)], Promise.resolve([] as Awaited<ReturnType<typeof runDueJobs>>[]));
        const tidiers = results.filter((r) => r.ran.includes(JOBS.tidy.name));
        assert.equal(tidiers.length, 1, `hour ${hour}: exactly one instance tidied`);
        // Within the hour nobody runs it again, whichever instance asks.
        t.clock.advance(HOUR / 2);
        for (const ctx of instances) assert.equal((await runDueJobs(ctx)).tidied, null);
        t.clock.advance(HOUR / 2);
      }
      assert.equal(await runs(t, JOBS.tidy.name), 3);
    } finally {
      for (const o of others) await o.close();
      await t.close();
    }
  });

  test(`[${dialect}] a run whose instance died is taken over once its lease ends, and only then`, async () => {
    const t = await makeTestContext(dialect);
    const other = await sibling(t);
    try {
      // The first instance takes the tidy job and is killed before finishing: its lease stays in the table.
      assert.equal(await takeLease(t.ctx, JOBS.tidy), true);
      assert.equal(await takeLease(t.ctx, JOBS.tidy), false, 'a held lease is not taken twice, even by its holder');
      assert.equal((await runDueJobs(other.ctx)).tidied, null, 'the survivor waits while the lease may still be alive');
      t.clock.advance(JOBS.tidy.leaseMs - 1000);
      assert.equal((await runDueJobs(other.ctx)).tidied, null);
      t.clock.advance(2000);
      const taken = await runDueJobs(other.ctx);
      assert.ok(taken.ran.includes(JOBS.tidy.name), 'the lease ended: the survivor runs the job');
      // A late word from the dead instance's run changes nothing: the survivor's bookkeeping stands.
      await finishLease(t.ctx, JOBS.tidy);
      assert.equal(await runs(t, JOBS.tidy.name), 1);
      assert.equal((await runDueJobs(t.ctx)).tidied, null, 'not due again for an hour');
    } finally {
      await other.close();
      await t.close();
    }
  });

  test(`[${dialect}] a failed run gives its lease back at once`, async () => {
    const t = await makeTestContext(dialect);
    try {
      await runDueJobs(t.ctx);
      // The table is gone for a moment: the publishing run fails, and the next tick may run it again at once.
      await sql`alter table articles rename to articles_away`.execute(t.ctx.db);
      await assert.rejects(runDueJobs(t.ctx));
      await sql`alter table articles_away rename to articles`.execute(t.ctx.db);
      assert.ok((await runDueJobs(t.ctx)).ran.includes(JOBS.publish.name));
    } finally {
      await t.close();
    }
  });
}

if (process.env.TEST_DATABASE_URL) {
  test('[postgres] instances started together on an empty database apply each migration once; the others wait', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const opened = [0, 1, 2].map(() => openDatabase(url, { schema }));
    try {
      const applied = await Promise.all(opened.map((o) => migrateToLatest(o.db, { schema })));
      const all = applied.flat().sort();
      assert.equal(new Set(all).size, all.length, 'no migration ran twice');
      assert.ok(all.includes('0010_job_leases'));
      assert.equal(applied.filter((a) => a.length > 0).length, 1, 'one instance migrated; the others found it done');
      const { rows } = await admin.query(`select count(*)::int as n from ${schema}.kysely_migration`);
      assert.equal(rows[0].n, all.length);
    } finally {
      for (const o of opened) await o.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
}
