// Readers holding a live story open: --readers pages (default 1,000) each poll the story's entries every --poll
// seconds (15, as public/live.js does; spread out) with If-None-Match, over kept-alive connections, while an
// entry is posted every --every seconds. The server runs in a child process and reports its CPU time and resident
// memory. At the same time a closed loop of --conns connections asks for another cached page (a section's front),
// and its rate is compared with the same loop run alone first: the ratio says whether the live readers slow the
// rest of the site (measured alone before and after, the mean taken). Prints figures; asserts nothing.
//   node --import tsx bench/live.ts [--readers 1000] [--seconds 60] [--poll 15] [--every 10] [--conns 8]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: {
  readers: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '60' }, poll: { type: 'string', default: '15' },
  every: { type: 'string', default: '10' }, conns: { type: 'string', default: '8' }, serve: { type: 'boolean', default: false },
} });
const READERS = Number(values.readers);
const SECONDS = Number(values.seconds);
const POLL = Number(values.poll) * 1000;
const EVERY = Number(values.every) * 1000;
const CONNS = Number(values.conns);

interface Stats { cpuMs: number; rss: number; entries: number }
type Reply = { base: string } | Stats;

/** The server: a newsroom with a live story and another section's stories, answering stats and post requests. */
async function serve(): Promise<void> {
  const { makeTestContext } = await import('../test/helpers/context.ts');
  const { buildApp } = await import('../src/app.ts');
  const { createArticle, publishArticle } = await import('../src/content/articles.ts');
  const { createSection } = await import('../src/content/sections.ts');
  const { startCoverage } = await import('../src/live/coverage.ts');
  const { postEntry } = await import('../src/live/entries.ts');
  const tc = await makeTestContext('sqlite');
  const ctx = tc.ctx;
  const khabar = { userId: null };
  const section = await createSection(ctx, { name: 'Economy', position: 1 });
  for (let i = 0; i < 20; i++) {
    const id = await createArticle(ctx, { headline: `Market story ${i}`, sectionId: section, bodyHtml: '<p>Prices.</p>'.repeat(8) }, khabar);
    await publishArticle(ctx, id, khabar);
  }
  const live = await createArticle(ctx, { headline: 'Floods reach Jalalabad', bodyHtml: '<p>The river rose overnight.</p>' }, khabar);
  await publishArticle(ctx, live, khabar);
  await startCoverage(ctx, khabar, live);
  const app = await buildApp(ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  let entries = 0;
  const stats = (): Stats => { const c = process.cpuUsage(); return { cpuMs: (c.user + c.system) / 1000, rss: process.memoryUsage().rss, entries }; };
  process.on('message', async (m: string) => {
    if (m === 'post') {
      tc.clock.advance(60_000);
      await postEntry(ctx, khabar, live, { text: `Update ${++entries}: the water is still rising.` });
    }
    if (m === 'stop') { await app.close(); await tc.close(); process.exit(0); }
    process.send!(stats());
  });
  process.send!({ base });
}

function ask(child: ChildProcess, m: string): Promise<Reply> {
  return new Promise((resolve) => { child.once('message', (r) => resolve(r as Reply)); child.send(m); });
}

function get(agent: Agent, url: string, etag?: string): Promise<{ status: number; etag?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { 'accept-encoding': 'br', ...(etag ? { 'if-none-match': etag } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.end();
  });
}

/** Requests per second of a closed loop on the other page for `ms`. */
async function pageRate(base: string, ms: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNS });
  const end = Date.now() + ms;
  let done = 0;
  await Promise.all(Array.from({ length: CONNS }, async () => {
    while (Date.now() < end) { if ((await get(agent, `${base}/section/economy`)).status === 200) done++; }
  }));
  agent.destroy();
  return done / (ms / 1000);
}

async function main(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'] });
  const { base } = (await new Promise<Reply>((r) => child.once('message', (m) => r(m as Reply)))) as { base: string };
  const story = `${base}/articles/floods-reach-jalalabad`;
  const fragment = `${story}/live`;
  await get(new Agent(), story);
  await pageRate(base, 3000);
  const alone = await pageRate(base, SECONDS * 1000 / 3);
  const idle = (await ask(child, 'stats')) as Stats;

  const agent = new Agent({ keepAlive: true, maxSockets: READERS });
  const counts = { ok: 0, notModified: 0, failed: 0 };
  let running = true;
  const readers = Array.from({ length: READERS }, async (_, i) => {
    let etag: string | undefined;
    await new Promise((r) => setTimeout(r, (POLL * i) / READERS));
    while (running) {
      const r = await get(agent, fragment, etag);
      if (r.status === 200) { counts.ok++; etag = r.etag; } else if (r.status === 304) counts.notModified++; else counts.failed++;
      await new Promise((res) => setTimeout(res, POLL));
    }
  });
  const poster = setInterval(() => { void ask(child, 'post'); }, EVERY);
  const start = (await ask(child, 'stats')) as Stats;
  const t0 = Date.now();
  // the readers settle into their rhythm first
  await new Promise((r) => setTimeout(r, Math.min(POLL, SECONDS * 1000 / 3)));
  const during = await pageRate(base, SECONDS * 1000 / 3);
  await new Promise((r) => setTimeout(r, Math.max(0, SECONDS * 1000 - (Date.now() - t0))));
  clearInterval(poster);
  const end = (await ask(child, 'stats')) as Stats;
  const wall = (Date.now() - t0) / 1000;
  running = false;
  await Promise.race([Promise.all(readers), new Promise((r) => setTimeout(r, POLL + 1000))]);
  agent.destroy();
  // alone again after the readers: the mean of before and after evens out a machine warming up or busy elsewhere
  const aloneAfter = await pageRate(base, SECONDS * 1000 / 3);
  const polls = counts.ok + counts.notModified;
  console.log(`live readers: ${READERS}, polling every ${POLL / 1000} s for ${wall.toFixed(1)} s; entries posted: ${end.entries - start.entries}`);
  console.log(`polls: ${polls} (${(polls / wall).toFixed(0)}/s), 304: ${((counts.notModified / Math.max(1, polls)) * 100).toFixed(1)} %, 200: ${counts.ok}, failed: ${counts.failed}`);
  console.log(`server CPU: ${(((end.cpuMs - start.cpuMs) / (wall * 1000)) * 100).toFixed(1)} % of one core; RSS ${(idle.rss / 2 ** 20).toFixed(0)} MB idle -> ${(end.rss / 2 ** 20).toFixed(0)} MB`);
  const reference = (alone + aloneAfter) / 2;
  console.log(`cached section page: ${alone.toFixed(0)} and ${aloneAfter.toFixed(0)} req/s alone (before, after), ${during.toFixed(0)} req/s with the live readers (ratio ${(during / reference).toFixed(2)})`);
  await ask(child, 'stop').catch(() => {});
  child.kill();
}

if (values.serve) void serve();
else void main();
