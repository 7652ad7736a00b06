// A scripted bot fleet against a demo server, with simulated readers alongside, twice in one run: with today's
// fixed proof-of-work cost (powAdaptive off) and with the adaptive one. The bots run in several processes, post
// from several addresses on a few networks (X-Forwarded-For, the server trusting its proxy: KHABAR_TRUST_PROXY=1),
// and solve every real challenge in Node (far faster than any phone). Readers post from their own networks now
// and then; their wait is the work their real proofs took (counters tried x iterations) at an assumed mid-range
// phone's hash rate (PHONE_HASHES_PER_SECOND, docs/bot-defence.md says why). Prints one table: per mode, comments
// accepted per minute from bots and from readers, readers' median and p95 wait, readers' comments acknowledged and
// found stored afterwards (every one must be), readers' comments refused, and the server's CPU; then how many times
// fewer bot comments got through with the adaptive cost than with the fixed one.
//   node --import tsx bench/bot_fleet.ts [--seconds 60] [--bot-processes 3] [--bot-loops 15] [--readers 20]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Plan { base: string; articleId: number; seconds: number; role: 'bots' | 'readers'; index: number; loops: number }
interface Tally { accepted: number; refused: Record<string, number>; waitsMs: number[]; lost: number; acknowledged: string[] }

const NETWORKS = ['203.0.113', '198.51.100', '192.0.2'];

if (process.env.KHABAR_FLEET_PLAN) {
  const plan = JSON.parse(process.env.KHABAR_FLEET_PLAN) as Plan;
  process.send?.(await run(plan));
  process.exit(0);
} else {
  await main();
}

async function run(plan: Plan): Promise<Tally> {
  const { solveChallenge } = await import('altcha-lib');
  const { deriveKey } = await import('altcha-lib/algorithms/sha');
  const { PHONE_HASHES_PER_SECOND } = await import('../src/comments/bot_defence.ts');
  const tally: Tally = { accepted: 0, refused: {}, waitsMs: [], lost: 0, acknowledged: [] };
  const until = Date.now() + plan.seconds * 1000;
  const one = async (ip: string, name: string, text: string, reader: boolean) => {
    const headers = { 'x-forwarded-for': ip, origin: plan.base, accept: 'application/json' };
    const challenge = await (await fetch(`${plan.base}/comments/challenge?article=${plan.articleId}`, { headers })).json();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(0, until - Date.now()));
    // A solve still running at the end is given up (the process exits): a bot that never finishes posts nothing.
    const deadline = new Promise<null>((r) => { setTimeout(() => r(null), Math.max(0, until - Date.now())).unref(); });
    const solution = await Promise.race([solveChallenge({ challenge, deriveKey, controller }).catch(() => null), deadline]).finally(() => clearTimeout(timer));
    if (!solution) return false;
    const phoneMs = ((solution.counter + 1) * challenge.parameters.cost / PHONE_HASHES_PER_SECOND) * 1000;
    // The form waits out the minimum time between challenge and post (3 s), as a reader typing does.
    await new Promise((r) => setTimeout(r, reader ? 3200 : Math.max(0, 3200 - phoneMs)));
    if (Date.now() > until + 5000) return false;
    const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    const res = await fetch(`${plan.base}/comments`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ article_id: String(plan.articleId), comment: text, name, altcha }) });
    if (res.ok) {
      tally.accepted++;
      if (reader) {
        tally.waitsMs.push(phoneMs);
        tally.acknowledged.push(text);
      }
    } else {
      const code = ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code ?? String(res.status);
      tally.refused[code] = (tally.refused[code] ?? 0) + 1;
      if (reader) tally.lost++;
    }
    return true;
  };
  const loops = Array.from({ length: plan.loops }, async (_, i) => {
    let n = 0;
    while (Date.now() < until) {
      if (plan.role === 'bots') {
        const ip = `${NETWORKS[(plan.index + i) % NETWORKS.length]}.${1 + ((plan.index * 50 + i) % 250)}`;
        await one(ip, `Bot ${plan.index}-${i}`, `Cheap pills ${plan.index}-${i}-${n++} visit now`, false).catch(() => false);
      } else {
        // A reader on their own network writes a comment, then reads for a while before the next.
        await one(`100.${64 + (i >> 8)}.${i & 255}.${10 + (n % 200)}`, `Reader ${i}`, `A reader's thought ${i}-${n++} on the floods`, true).catch(() => { tally.lost++; });
        await new Promise((r) => setTimeout(r, 15_000));
      }
    }
  });
  await Promise.all(loops);
  return tally;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, 'bot-processes': { type: 'string', default: '3' },
    'bot-loops': { type: 'string', default: '15' }, readers: { type: 'string', default: '20' } } });
  const seconds = Number(values.seconds);
  const { PHONE_HASHES_PER_SECOND } = await import('../src/comments/bot_defence.ts');
  console.log(`bot fleet: ${values['bot-processes']} bot processes x ${values['bot-loops']} loops from ${NETWORKS.length} networks, ${values.readers} readers, ${seconds} s a mode;`
    + ` readers' waits at ${PHONE_HASHES_PER_SECOND.toLocaleString('en')} SHA-256/s (assumed mid-range phone); load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const rows: Row[] = [];
  for (const adaptive of [false, true]) rows.push(await phase(adaptive, seconds, Number(values['bot-processes']), Number(values['bot-loops']), Number(values.readers)));
  const head = ['mode', 'bots through/min', 'readers through/min', 'reader p50 s', 'reader p95 s', 'readers acknowledged', 'readers stored', 'readers refused', 'server CPU %', 'load avg'];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) {
    console.log(`| ${[r.mode, r.botsPerMin.toFixed(1), r.readersPerMin.toFixed(1), r.p50.toFixed(2), r.p95.toFixed(2), r.acknowledged, r.stored, r.refused, r.cpu.toFixed(0), r.load.toFixed(2)].join(' | ')} |`);
  }
  const [fixed, adaptive] = rows;
  const ratio = adaptive.botsPerMin > 0 ? (fixed.botsPerMin / adaptive.botsPerMin).toFixed(1) : `more than ${(fixed.botsPerMin * seconds / 60).toFixed(0)} (none through)`;
  console.log(`bots through per minute, fixed / adaptive: ${ratio} times fewer (goal: at least 20); readers' p95 wait with the adaptive cost: ${adaptive.p95.toFixed(2)} s at ${PHONE_HASHES_PER_SECOND.toLocaleString('en')} SHA-256/s (goal: under 2 s)`);
  const lost = rows.reduce((n, r) => n + r.acknowledged - r.stored, 0);
  console.log(lost ? `LOST: ${lost} readers' comments acknowledged but not stored` : 'every reader\'s comment acknowledged was stored');
  if (lost) process.exitCode = 1;
}

interface Row { mode: string; botsPerMin: number; readersPerMin: number; p50: number; p95: number; acknowledged: number; stored: number; refused: number; cpu: number; load: number }

async function phase(adaptive: boolean, seconds: number, processes: number, loops: number, readers: number): Promise<Row> {
  const { loadConfig } = await import('../src/config.ts');
  const { createRuntime } = await import('../src/runtime.ts');
  const { buildApp } = await import('../src/app.ts');
  const { createArticle, publishArticle } = await import('../src/content/articles.ts');
  const { updateCommentSettings } = await import('../src/comments/settings.ts');
  const { articlePageFallback } = await import('../test/comments/article_page.ts');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-fleet-'));
  const config = loadConfig({ ...process.env, KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789', KHABAR_DEMO: '0', LOG_LEVEL: 'warn', KHABAR_TRUST_PROXY: '1' });
  const runtime = await createRuntime(config);
  const { ctx } = runtime;
  // The newsroom's default limits, except a flood on the article is not held (so accepted counts what got through).
  await updateCommentSettings(ctx, { powAdaptive: adaptive, articleMaxPerMinute: 1_000_000, surgePending: 1_000_000 });
  const articleId = await createArticle(ctx, { headline: 'Floods reach Kabul', bodyHtml: '<p>The river rose overnight.</p>' }, { userId: null });
  await publishArticle(ctx, articleId, { userId: null });
  const app = await buildApp(ctx);
  articlePageFallback(app, ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const cpu = process.cpuUsage();
  const started = Date.now();
  const child = (role: Plan['role'], index: number, n: number) => new Promise<Tally>((resolve, reject) => {
    const plan: Plan = { base, articleId, seconds, role, index, loops: n };
    const c = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, KHABAR_FLEET_PLAN: JSON.stringify(plan) } });
    c.once('message', (m) => resolve(m as Tally));
    c.once('error', reject);
    c.once('exit', (code) => { if (code) reject(new Error(`fleet process exited with ${code}`)); });
  });
  const [people, ...bots] = await Promise.all([child('readers', 0, readers), ...Array.from({ length: processes }, (_, i) => child('bots', i, loops))]);
  const used = process.cpuUsage(cpu);
  const wall = Date.now() - started;
  // Every comment a reader was told was received must be in the database (approved, held or spam alike).
  const stored = new Set<string>();
  for (let i = 0; i < people.acknowledged.length; i += 500) {
    const rows = await ctx.db.selectFrom('comments').select('body').where('body', 'in', people.acknowledged.slice(i, i + 500)).execute();
    for (const r of rows) stored.add(r.body);
  }
  await app.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
  const minutes = seconds / 60;
  const waits = people.waitsMs.sort((a, b) => a - b);
  const at = (q: number) => (waits.length ? waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] / 1000 : Number.NaN);
  const botAccepted = bots.reduce((n, b) => n + b.accepted, 0);
  const botRefused: Record<string, number> = {};
  for (const b of bots) for (const [k, v] of Object.entries(b.refused)) botRefused[k] = (botRefused[k] ?? 0) + v;
  console.log(`${adaptive ? 'adaptive' : 'fixed'}: bots accepted ${botAccepted}, refused ${JSON.stringify(botRefused)}; readers accepted ${people.accepted}, refused ${JSON.stringify(people.refused)}`);
  return { mode: adaptive ? 'adaptive' : 'fixed (before)', botsPerMin: botAccepted / minutes, readersPerMin: people.accepted / minutes, p50: at(0.5), p95: at(0.95),
    acknowledged: people.acknowledged.length, stored: people.acknowledged.filter((b) => stored.has(b)).length, refused: people.lost,
    cpu: ((used.user + used.system) / 1000 / wall) * 100, load: loadavg()[0] };
}
