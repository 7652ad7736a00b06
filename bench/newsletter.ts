// Newsletter send at scale: 100,000 generated readers, a 10-story digest sent through a pooled SMTP relay (a local
// sink that keeps a count per recipient), the sending process killed with SIGKILL halfway and started again (its
// clock a claim's length later, as a restart after a crash would find it), and every reader checked for exactly
// one letter. Prints letters per second (each run and overall) and the sending process's peak RSS.
//   node --import tsx bench/newsletter.ts [--readers 100000] [--kill-at 0.5] [--connections 8]
// Set BENCH_DATABASE_URL=postgres://... to run on PostgreSQL (SQLite in a temporary folder otherwise).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';

const SECRET = 'bench-secret-0123456789abcdef-newsletters';
const { values: args } = parseArgs({ options: { readers: { type: 'string', default: '100000' }, 'kill-at': { type: 'string', default: '0.5' }, connections: { type: 'string', default: '8' }, child: { type: 'string' }, shift: { type: 'string', default: '0' } } });

async function runtimeFor(dir: string, shiftMs = 0) {
  const { loadConfig } = await import('../src/config.ts');
  const { createRuntime } = await import('../src/runtime.ts');
  const config = loadConfig({ KHABAR_DATA_DIR: dir, KHABAR_SECRET: SECRET, KHABAR_DEMO: '0', ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}) });
  return createRuntime(config, shiftMs ? { clock: { now: () => new Date(Date.now() + shiftMs) } } : {});
}

/** The sending process: sends until nothing is left, telling the parent its RSS every 200 ms. */
async function child(dir: string, shiftMs: number): Promise<void> {
  const { runSends } = await import('../src/newsletters/sending.ts');
  const { closeNewsletterTransport } = await import('../src/newsletters/transport.ts');
  const rt = await runtimeFor(dir, shiftMs);
  let peak = 0;
  const tell = () => { peak = Math.max(peak, process.memoryUsage().rss); process.send?.({ rss: peak }); };
  const timer = setInterval(tell, 200);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const done = await runSends(rt.ctx);
  clearInterval(timer);
  tell();
  const used = process.cpuUsage(cpu);
  process.send?.({ done: done.sent, seconds: (Date.now() - started) / 1000, rss: peak, cpu: (used.user + used.system) / 1e6 });
  await closeNewsletterTransport(rt.ctx);
  await rt.close();
  process.exit(0);
}

async function main(): Promise<void> {
  const readers = Number(args.readers);
  const killAt = Math.floor(readers * Number(args['kill-at']));
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-newsletter-'));
  const counts = new Map<string, number>();
  let accepted = 0;
  const sink = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, maxClients: 100,
    onData(stream, session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) counts.set(r.address, (counts.get(r.address) ?? 0) + 1);
        accepted++;
        cb();
      });
    },
  });
  // a killed sender's connections end with a reset: not the sink's failure
  sink.on('error', () => {});
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const port = (sink.server.address() as { port: number }).port;

  const rt = await runtimeFor(dir);
  const { ctx } = rt;
  const { createList } = await import('../src/newsletters/lists.ts');
  const { createSend, startSend, previewSend } = await import('../src/newsletters/sending.ts');
  const { updateNewsletterSettings, setNewsletterSecrets } = await import('../src/newsletters/settings.ts');
  const { createArticle, publishArticle } = await import('../src/content/articles.ts');
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await updateNewsletterSettings(ctx, { fromAddress: 'news@khabar.test', dkimDomain: 'khabar.test', dkimSelector: 'news', ratePerSecond: 0, connections: Number(args.connections) });
  await setNewsletterSecrets(ctx, { smtpUrl: `smtp://127.0.0.1:${port}`, dkimPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  const list = await createList(ctx, { slug: 'morning', language: 'en', names: { en: 'The Morning File' } });
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = await createArticle(ctx, { headline: `Story ${i + 1}: water councils meet across the provinces`, standfirst: 'Farmers and officials agree on the spring allocations after a dry winter.', bodyHtml: '<p>Text.</p>' }, { userId: null });
    await publishArticle(ctx, id, { userId: null });
    ids.push(id);
  }
  const t0 = Date.now();
  const now = new Date().toISOString();
  for (let start = 0; start < readers; start += 1000) {
    await ctx.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(1000, readers - start) }, (_, i) => ({ email: `reader${start + i}@example.org`, name: '', language: 'en', source: 'import:csv', created_at: now }));
      const made = await trx.insertInto('newsletter_subscribers').values(rows).returning('id').execute();
      await trx.insertInto('newsletter_subscriptions').values(made.map((m) => ({ subscriber_id: m.id, list_id: list.id, status: 'subscribed' as const, consent_at: now, consent_ip: '', confirmed_at: now, unsubscribed_at: null }))).execute();
    });
  }
  const sendId = await createSend(ctx, { listId: list.id, kind: 'digest', articleIds: ids }, null);
  const { recipients } = await startSend(ctx, sendId);
  const preview = await previewSend(ctx, sendId);
  console.log(`${recipients} readers written in ${((Date.now() - t0) / 1000).toFixed(1)} s; the 10-story digest is ${(preview.bytes / 1024).toFixed(1)} KB of HTML`);
  await rt.close();

  const runs: { sent: number; seconds: number; rss: number; killed: boolean; cpu: number | null }[] = [];
  const runChild = (shiftMs: number, killWhen: number | null) => new Promise<void>((resolve) => {
    const before = accepted;
    const started = Date.now();
    let rss = 0;
    let cpu: number | null = null;
    let killed = false;
    const c = fork(fileURLToPath(import.meta.url), ['--child', dir, '--shift', String(shiftMs)], { execArgv: ['--import', 'tsx'] });
    const watch = killWhen === null ? null : setInterval(() => {
      if (accepted >= killWhen) { killed = true; c.kill('SIGKILL'); }
    }, 5);
    c.on('message', (m: { rss?: number; cpu?: number }) => { if (m.rss) rss = Math.max(rss, m.rss); if (m.cpu) cpu = m.cpu; });
    c.on('exit', () => {
      if (watch) clearInterval(watch);
      runs.push({ sent: accepted - before, seconds: (Date.now() - started) / 1000, rss, killed, cpu });
      resolve();
    });
  });
  await runChild(0, killAt);
  // Claims of the killed process run out after CLAIM_MS; the restarted one sees the clock that much later.
  const { CLAIM_MS } = await import('../src/newsletters/sending.ts');
  await runChild(CLAIM_MS + 1000, null);
  await new Promise<void>((r) => sink.close(() => r()));

  let once = 0;
  let twice = 0;
  let none = 0;
  for (let i = 0; i < readers; i++) {
    const n = counts.get(`reader${i}@example.org`) ?? 0;
    if (n === 1) once++; else if (n === 0) none++; else twice++;
  }
  const total = runs.reduce((s, r) => s + r.sent, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  for (const [i, r] of runs.entries()) {
    console.log(`run ${i + 1}${r.killed ? ' (killed with SIGKILL)' : ''}: ${r.sent} letters in ${r.seconds.toFixed(1)} s = ${(r.sent / r.seconds).toFixed(0)} letters/s (process start included), peak RSS ${(r.rss / 1048576).toFixed(0)} MiB${r.cpu ? `, ${(r.cpu * 1000 / r.sent).toFixed(2)} ms of CPU a letter = ${(r.sent / r.cpu).toFixed(0)} letters per CPU-second` : ''}`);
  }
  console.log(`overall: ${total} letters in ${seconds.toFixed(1)} s of sending = ${(total / seconds).toFixed(0)} letters/s (target >= 200); peak RSS ${(Math.max(...runs.map((r) => r.rss)) / 1048576).toFixed(0)} MiB (target <= 300)`);
  console.log(`readers with exactly one letter: ${once}; with none: ${none}; with more than one: ${twice}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(once === readers ? 0 : 1);
}

if (args.child) await child(args.child, Number(args.shift));
else await main();
