// The stack as an operator runs it: nginx in front of three instances on PostgreSQL and Redis (scripts/stack.ts),
// under a bounded mixed load (readers, comment posters solving real challenges, an editor publishing, scheduling
// and correcting through the Admin API). Two faults, one after the other on the same stack:
// - one instance is SIGKILLed mid-load and started again: every acknowledged comment is stored, the scheduled
//   story is published once, the only failed requests are ones in flight while the instance died, the restarted
//   instance serves what changed while it was down on its first request, and a correction reaches every instance;
// - a rolling restart (SIGTERM: drain, exit 0; start again) of all three instances, one by one: no request fails.
// Across every start of every instance, the hourly job ran once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { getOnce, NGINX, startStack, type Stack } from '../../scripts/stack.ts';
import { loadConfig } from '../../src/config.ts';
import { createRuntime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { createUser } from '../../src/auth/users.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/index.ts';
import { STAFF_PASSWORD } from '../helpers/staff.ts';
import { Client, Load, type Outcome } from '../helpers/stack_load.ts';
import { cheapSettings, publishedArticle } from '../comments/fixtures.ts';

const ready = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL && NGINX;
const LENIENT = { ipMaxPerTenMinutes: 10_000, ipMaxPerHour: 10_000, networkMaxPerHour: 10_000, articleMaxPerMinute: 10_000, emailMaxPerHour: 10_000, surgePending: 10_000 };
const LOAD = { readers: 4, posters: 2 };

const describe = (list: Outcome[]) => list.map((o) => `${o.what} -> ${o.status ?? 'connection failed'}`).join(', ');

async function storedComments(db: OpenDatabase): Promise<Set<string>> {
  return new Set((await db.db.selectFrom('comments').select('body').execute()).map((c) => c.body));
}

/** Settles once the story is published: on each page purge the instances send each other through Redis that
 * names the story, the shared database says whether it is out yet. */
async function storyPublished(s: Stack, shared: OpenDatabase, id: number): Promise<void> {
  const sub = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    await new Promise<void>((resolve, reject) => {
      sub.on('error', reject);
      sub.on('message', (_channel: string, message: string) => {
        if (!(JSON.parse(message) as { tags: string[] }).tags.includes(`article:${id}`)) return;
        void shared.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst()
          .then((a) => { if (a?.status === 'published') resolve(); }, reject);
      });
      sub.subscribe(`${s.redisPrefix}:page-purge`).catch(reject);
    });
  } finally {
    sub.disconnect();
  }
}

test('nginx and three instances under load lose nothing through a killed instance and a rolling restart', { skip: ready ? false : 'needs TEST_DATABASE_URL, TEST_REDIS_URL and nginx' }, async (t) => {
  const seedDir = mkdtempSync(join(tmpdir(), 'khabar-stack-seed-'));
  let articleIds: number[] = [];
  let stack: Stack | null = null;
  let db: OpenDatabase | null = null;
  try {
    stack = await startStack({
      seed: async (databaseUrl) => {
        const rt = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, KHABAR_DATA_DIR: seedDir, KHABAR_DEMO: '0', KHABAR_SECRET: 'seed-secret-0123456789' }), { passwordCost: CHEAP_PASSWORD_COST });
        await createUser(rt.ctx, { email: 'editor@khabar.test', name: 'Mina Rahimi', password: STAFF_PASSWORD, role: 'editor' });
        await cheapSettings(rt.ctx, LENIENT);
        articleIds = [await publishedArticle(rt.ctx, { headline: 'Floods reach Kabul' }), await publishedArticle(rt.ctx, { headline: 'Schools reopen' })];
        await rt.close();
      },
    });
    const s = stack;
    const shared = (db = openDatabase(s.databaseUrl));
    const slugs = await shared.db.selectFrom('articles').select(['id', 'slug']).orderBy('id').execute();
    const pages = ['/', ...slugs.map((a) => `/articles/${a.slug}`)];
    const plan = { url: s.url, pages, articleIds, ...LOAD };

    // The editor signs in through nginx (any instance answers each call).
    const editor = new Client(s.url);
    const csrf = (await (await editor.send('GET', '/api/admin/csrf')).json()).token as string;
    const ed = (method: string, path: string, body?: unknown) => editor.send(method, path, body, { 'x-csrf-token': csrf });
    assert.equal((await ed('POST', '/api/admin/auth/login', { email: 'editor@khabar.test', password: STAFF_PASSWORD })).status, 200);

    await t.test('an instance SIGKILLed mid-load: nothing acknowledged is lost, and it comes back fresh', async () => {
      const scheduled = (await (await ed('POST', '/api/admin/articles', { headline: 'Results at noon', bodyHtml: '<p>Counting.</p>' })).json()).id as number;
      // The instances keep real time, so the story is scheduled a few seconds ahead of it; the test then waits for
      // the purge that its publication sends every instance through Redis, not for the clock.
      const published = storyPublished(s, shared, scheduled);
      let isOut = false;
      void published.then(() => { isOut = true; }, () => {});
      assert.equal((await ed('POST', `/api/admin/articles/${scheduled}/schedule`, { at: new Date(Date.now() + 4000).toISOString() })).status, 200);
      const load = new Load(plan);
      await load.more(60);
      // The second instance dies without a word; the editor corrects a story meanwhile (nginx sends it elsewhere).
      const killSent = performance.now();
      await s.instances[1].kill();
      const deathSeen = performance.now();
      assert.equal((await ed('PATCH', `/api/admin/articles/${slugs[1].id}`, { headline: 'Schools reopen after the floods' })).status, 200);
      // A published story's change goes public on Update.
      assert.equal((await ed('POST', `/api/admin/articles/${slugs[1].id}/update`)).status, 200);
      while (!isOut) await load.more(10);
      await published;
      await load.more(60);
      await s.instances[1].start();
      // Its first answer, before anything else asked it, already has the correction made while it was down.
      const first = (await getOnce(`http://127.0.0.1:${s.instances[1].port}/articles/${slugs[1].slug}`)).body;
      assert.match(first, /Schools reopen after the floods/, 'the restarted instance serves fresh pages at once');
      await load.more(40);
      await load.stop();

      assert.ok(load.acknowledged.length > 10, `comments were posted (${load.acknowledged.length})`);
      const stored = await storedComments(shared);
      assert.deepEqual(load.acknowledged.filter((c) => !stored.has(c)), [], 'no acknowledged comment lost');
      // A failure (5xx or a broken connection) only for a request that was in flight while the instance died.
      const failed = load.failures((status) => status < 500);
      const outside = failed.filter((o) => o.start > deathSeen || o.end < killSent);
      assert.deepEqual(outside, [], `failed outside the kill: ${describe(outside)}`);
      const held = load.outcomes.filter((o) => o.start <= deathSeen && o.end >= killSent).length;
      t.diagnostic(`kill: ${load.outcomes.length} requests, ${failed.length} failed, ${held} in flight at the kill`);

      // The story that came due while the instance was down: published once (the restarted one's first tick, or
      // a live one's), and its page is served.
      const story = await shared.db.selectFrom('articles').select(['status', 'slug']).where('id', '=', scheduled).executeTakeFirstOrThrow();
      assert.equal(story.status, 'published');
      const publishes = await shared.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n'))
        .where('action', '=', 'article.publish').where('subject', '=', `article:${scheduled}`).executeTakeFirstOrThrow();
      assert.equal(Number(publishes.n), 1, 'published exactly once');

      // Every instance has the page in its cache; the editor corrects the headline through nginx; each instance,
      // asked directly, serves the correction within a second (the purge travels through Redis).
      const path = `/articles/${slugs[0].slug}`;
      for (const inst of s.instances) for (let i = 0; i < 2; i++) await getOnce(`http://127.0.0.1:${inst.port}${path}`);
      assert.equal((await ed('PATCH', `/api/admin/articles/${slugs[0].id}`, { headline: 'Floods reach Kabul: the river falls' })).status, 200);
      assert.equal((await ed('POST', `/api/admin/articles/${slugs[0].id}/update`)).status, 200);
      for (const inst of s.instances) {
        let body = '';
        for (let tries = 0; tries < 50 && !body.includes('the river falls'); tries++) {
          if (tries) await new Promise((r) => setTimeout(r, 20));
          body = (await getOnce(`http://127.0.0.1:${inst.port}${path}`)).body;
        }
        assert.match(body, /the river falls/, `instance on ${inst.port} serves the correction`);
      }
    });

    await t.test('a rolling restart of the three instances (SIGTERM: drain, exit, start again) drops no request', async () => {
      // A lighter load than above: starting a Node process competes with it for the same two cores.
      const load = new Load({ ...plan, readers: 2, posters: 1, pauseMs: 20 });
      await load.more(20);
      const times: string[] = [];
      for (const inst of s.instances) {
        const t0 = performance.now();
        assert.equal(await inst.stop(), 0, `instance on ${inst.port} drained and exited cleanly`);
        const t1 = performance.now();
        await inst.start();
        times.push(`drain ${Math.round(t1 - t0)} ms, start ${Math.round(performance.now() - t1)} ms`);
        await load.more(20);
      }
      await load.stop();
      const failed = load.failures((status) => status >= 200 && status < 400);
      assert.deepEqual(failed, [], `every request answered 2xx/3xx: ${describe(failed)}`);
      assert.ok(load.acknowledged.length > 5, `comments were posted (${load.acknowledged.length})`);
      const stored = await storedComments(shared);
      assert.deepEqual(load.acknowledged.filter((c) => !stored.has(c)), [], 'no acknowledged comment lost');
      t.diagnostic(`rolling restart: ${load.outcomes.length} requests, none failed; ${times.join('; ')}`);
    });

    // Seven starts of an instance (three, the killed one, three in the rolling restart), each catching up on what
    // was due: the hourly tidy ran once.
    const tidy = await shared.db.selectFrom('job_leases').select('runs').where('name', '=', 'tidy-accounts').executeTakeFirstOrThrow();
    assert.equal(tidy.runs, 1, 'the hourly job ran once for its due time');
  } finally {
    await db?.close();
    await stack?.stop();
    rmSync(seedDir, { recursive: true, force: true });
  }
});
