// Comment posting under load: 50 concurrent clients post for 30 s on loopback, each fetching and solving a real
// proof-of-work challenge, while readers load the article page in the same run. Afterwards every comment the
// server acknowledged must be in the database, with zero 5xx. Prints accepted comments/s next to page reads/s.
//   node --import tsx bench/comments.ts [--seconds 30] [--clients 50] [--pow-cost 10] [--readers 10]
// The server runs in this process; posting clients and readers run in a child process, so solving does not
// steal the server's event loop (it does share the machine's cores, as a real phone would not).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Plan { base: string; slug: string; articleId: number; seconds: number; clients: number; readers: number }
interface Tally { acknowledged: string[]; statuses: Record<string, number>; solveMs: number; solved: number; reads: number; readErrors: number; read5xx: number }

if (process.env.KHABAR_BENCH_PLAN) {
  await load(JSON.parse(process.env.KHABAR_BENCH_PLAN) as Plan);
} else {
  await serve();
}

async function serve(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, clients: { type: 'string', default: '50' }, 'pow-cost': { type: 'string', default: '10' },
    'pow-prefix': { type: 'string', default: '00' }, readers: { type: 'string', default: '10' } } });
  const { loadConfig } = await import('../src/config.ts');
  const { createRuntime } = await import('../src/runtime.ts');
  const { buildApp } = await import('../src/app.ts');
  const { createArticle, publishArticle } = await import('../src/content/articles.ts');
  const { updateCommentSettings } = await import('../src/comments/settings.ts');
  const { articlePageFallback } = await import('../test/comments/article_page.ts');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-'));
  const config = loadConfig({ ...process.env, KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789', KHABAR_DEMO: '0', LOG_LEVEL: 'warn' });
  const runtime = await createRuntime(config);
  const { ctx } = runtime;
  // Every client shares 127.0.0.1, so the per-address limits (meant for carrier NAT) are opened up here.
  await updateCommentSettings(ctx, { powCost: Number(values['pow-cost']), powPrefix: values['pow-prefix'], minSubmitSeconds: 0,
    ipMaxPerTenMinutes: 1_000_000, ipMaxPerHour: 1_000_000, networkMaxPerHour: 1_000_000, articleMaxPerMinute: 1_000_000, surgePending: 1_000_000 });
  const articleId = await createArticle(ctx, { headline: 'Floods reach Kabul', bodyHtml: '<p>The river rose overnight.</p>'.repeat(20) }, { userId: null });
  await publishArticle(ctx, articleId, { userId: null });
  const slug = (await ctx.db.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow()).slug;
  const app = await buildApp(ctx);
  articlePageFallback(app, ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const plan: Plan = { base, slug, articleId, seconds: Number(values.seconds), clients: Number(values.clients), readers: Number(values.readers) };
  console.log(`bench: ${plan.clients} posting clients + ${plan.readers} readers for ${plan.seconds} s on ${config.databaseUrl.includes('postgres') ? 'PostgreSQL' : 'SQLite'}; proof of work SHA-256 cost ${values['pow-cost']}, prefix "${values['pow-prefix']}"`);
  const tally = await new Promise<Tally>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, KHABAR_BENCH_PLAN: JSON.stringify(plan) } });
    child.once('message', (m) => resolve(m as Tally));
    child.once('error', reject);
    child.once('exit', (code) => { if (code) reject(new Error(`load process exited with ${code}`)); });
  });
  const stored = new Set<string>();
  for (let i = 0; i < tally.acknowledged.length; i += 500) {
    const rows = await ctx.db.selectFrom('comments').select('body').where('body', 'in', tally.acknowledged.slice(i, i + 500)).execute();
    for (const r of rows) stored.add(r.body);
  }
  const missing = tally.acknowledged.filter((b) => !stored.has(b));
  const byStatus = await ctx.db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const fivexx = Object.entries(tally.statuses).filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0) + tally.read5xx;
  console.log(`posting answers: ${JSON.stringify(tally.statuses)}; stored: ${JSON.stringify(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])))}`);
  console.log(`solving: ${tally.solved} challenges, mean ${(tally.solveMs / Math.max(1, tally.solved)).toFixed(1)} ms in Node`);
  console.log(`accepted comments/s: ${(tally.acknowledged.length / plan.seconds).toFixed(1)}   article page reads/s: ${(tally.reads / plan.seconds).toFixed(1)}   (ratio 1:${(tally.reads / Math.max(1, tally.acknowledged.length)).toFixed(1)})`);
  console.log(`acknowledged ${tally.acknowledged.length}, missing from the database ${missing.length}, 5xx ${fivexx}, read errors ${tally.readErrors}`);
  await app.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = missing.length === 0 && fivexx === 0 ? 0 : 1;
}

async function load(plan: Plan): Promise<void> {
  const { solveChallenge } = await import('altcha-lib');
  const { deriveKey } = await import('altcha-lib/algorithms/sha');
  const tally: Tally = { acknowledged: [], statuses: {}, solveMs: 0, solved: 0, reads: 0, readErrors: 0, read5xx: 0 };
  const until = Date.now() + plan.seconds * 1000;
  const headers = { origin: plan.base, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  async function poster(client: number): Promise<void> {
    for (let n = 0; Date.now() < until; n++) {
      const challenge = await (await fetch(`${plan.base}/comments/challenge`)).json();
      const t0 = performance.now();
      const solution = await solveChallenge({ challenge, deriveKey });
      tally.solveMs += performance.now() - t0;
      tally.solved++;
      if (!solution || Date.now() >= until) break;
      const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
      const body = `Reader ${client} writes comment ${n}: the river rose overnight near bridge ${client * 1000 + n}.`;
      const res = await fetch(`${plan.base}/comments`, { method: 'POST', headers, body: new URLSearchParams({ article_id: String(plan.articleId), comment: body, name: `Reader ${client}`, altcha }) });
      tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
      const j = (await res.json()) as { status?: string };
      if (res.ok && (j.status === 'approved' || j.status === 'pending')) tally.acknowledged.push(body);
    }
  }
  async function reader(): Promise<void> {
    while (Date.now() < until) {
      try {
        const res = await fetch(`${plan.base}/articles/${plan.slug}`);
        await res.arrayBuffer();
        if (res.status >= 500) tally.read5xx++;
        else if (res.ok) tally.reads++;
        else tally.readErrors++;
      } catch {
        tally.readErrors++;
      }
    }
  }
  await Promise.all([...Array.from({ length: plan.clients }, (_, i) => poster(i)), ...Array.from({ length: plan.readers }, () => reader())]);
  await new Promise<void>((resolve) => process.send!(tally, () => resolve()));
  process.disconnect?.();
}
