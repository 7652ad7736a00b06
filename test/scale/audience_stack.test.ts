// Audience counting as an operator runs it: nginx in front of two instances on PostgreSQL and Redis
// (scripts/stack.ts). Reader views sent through nginx are answered by both instances (each one's own request
// counters say so) and written exactly once each, in each instance's own batches. Then more views, and one instance
// is SIGKILLed right after them: it loses at most what it heard since its last batch (printed); the other,
// stopped as systemd stops it, writes everything it heard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOnce, NGINX, startStack, type Stack } from '../../scripts/stack.ts';
import { loadConfig } from '../../src/config.ts';
import { createRuntime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/index.ts';
import { publishedArticle } from '../comments/fixtures.ts';

const ready = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL && NGINX;

/** Reader pages this instance answered (its own request counters, asked directly, not through nginx). */
async function pagesAnswered(port: number): Promise<number> {
  const { body } = await getOnce(`http://127.0.0.1:${port}/metrics`);
  return [...body.matchAll(/^khabar_http_requests_total\{[^}]*kind="page"[^}]*status="2xx"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

async function readerViews(db: OpenDatabase): Promise<number> {
  const row = await db.db.selectFrom('audience_views').select((eb) => eb.fn.countAll<number>().as('n')).where('bot', '=', 0).where('kind', '=', 'article').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waits (on the database, not on a clock) until the count reaches `n`; the batches come every few seconds. */
async function written(db: OpenDatabase, n: number): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const got = await readerViews(db);
    if (got >= n) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  return readerViews(db);
}

async function read(url: string, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const r = await fetch(url, { headers: { 'user-agent': `Mozilla/5.0 (Reader ${i}) Gecko/20100101 Firefox/133.0` } });
    await r.arrayBuffer();
    assert.equal(r.status, 200);
  }
}

test('two instances behind nginx count views split across them once; a SIGKILL loses at most its last batch', { skip: ready ? false : 'needs TEST_DATABASE_URL, TEST_REDIS_URL and nginx' }, async () => {
  const seedDir = mkdtempSync(join(tmpdir(), 'khabar-audience-stack-'));
  let stack: Stack | null = null;
  let db: OpenDatabase | null = null;
  try {
    stack = await startStack({
      instances: 2,
      seed: async (databaseUrl) => {
        const rt = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, KHABAR_DATA_DIR: seedDir, KHABAR_DEMO: '0', KHABAR_SECRET: 'seed-secret-0123456789' }), { passwordCost: CHEAP_PASSWORD_COST });
        await publishedArticle(rt.ctx, { headline: 'Floods reach Kabul' });
        await rt.close();
      },
    });
    const s = stack;
    db = openDatabase(s.databaseUrl);
    const { slug } = await db.db.selectFrom('articles').select('slug').executeTakeFirstOrThrow();
    const page = `${s.url}/articles/${slug}`;
    const ports = s.instances.map((i) => i.port);

    // 1. Views through nginx, split across both instances: every one written, none twice.
    const M = 120;
    await read(page, 0, M);
    const split = await Promise.all(ports.map(pagesAnswered));
    assert.ok(split.every((n) => n > 0), `both instances answered: ${split.join(' + ')}`);
    assert.equal(await written(db, M), M, 'all counted');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await readerViews(db), M, 'and once');

    // 2. More views, then the second instance dies without a word; the first stops as systemd stops it.
    const K = 80;
    const started = performance.now();
    await read(page, M, K);
    const seconds = (performance.now() - started) / 1000;
    const byDead = (await pagesAnswered(ports[1])) - split[1];
    await s.instances[1].kill();
    assert.equal(await s.instances[0].stop(), 0);
    const total = await readerViews(db);
    const lost = M + K - total;
    console.log(`audience behind nginx: ${M} views split ${split.join(' + ')}, all written once; then ${K} more in ${seconds.toFixed(1)} s, ${byDead} of them by the instance SIGKILLed: ${lost} lost (batches every 5 s)`);
    assert.ok(lost >= 0, `${total} written for ${M + K} views: some counted twice`);
    assert.ok(lost <= byDead, `lost ${lost}: more than the killed instance heard since the views it had written (${byDead})`);
  } finally {
    await db?.close();
    await stack?.stop();
    rmSync(seedDir, { recursive: true, force: true });
  }
});
