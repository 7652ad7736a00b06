// Page speed and memory against a reference: Khabar serving the demo newsroom's article and home pages from
// its own process, started as production starts it (`khabar serve`, the built entry), next to a raw node:http
// server in this process that sends the very same bytes and headers and does nothing else. Load comes from
// autocannon in a child process (loopback only, bounded). Prints requests/s and p99 per case with the ratio
// khabar/raw: Khabar's pages as readers get them (from its page cache, checked by the x-khabar-cache header) and,
// alongside, rendered on every request by a second Khabar process with the page cache off (KHABAR_PAGE_CACHE_MB=0);
// the Khabar process's own resident memory (VmRSS, peak VmHWM) idle, before and after the load,
// the article page's compressed HTML + CSS, and the cold start (spawn to first page, with and without the demo
// newsroom to create, and a restart). No assertions: read the figures.
// Then site search over 100,000 generated stories (bench/search.ts; --no-search skips it, --pg names PostgreSQL).
// Then the same pages with wrk (bench/wrk.ts; Debian's `wrk`), which does not saturate before the servers do: req/s,
// p99, share of raw, the server's CPU per request and which side was the limit; and a longer wrk load on the
// article rendered each time (--uncached-seconds), after which the rendering process's resident memory is read.
//   npm run bench [-- --seconds 10 --connections 10,50 --wrk-connections 50 --uncached-seconds 60 --encoding "br, gzip"
//                    --entry built|tsx --no-search --no-autocannon --pg URL]
import { fork, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchRaw, pageWeight, describeWeight, type Fetched } from './page_weight.ts';
import { coldStarts, describeColdStarts } from './cold_start.ts';
import { describeSearch, searchBench } from './search.ts';
import { ENTRIES, serve, runCommand, processMemory, describeMemory, type Served, type Memory } from './khabar_process.ts';
import { haveWrk, runWrk, saturated, type WrkResult } from './wrk.ts';

interface LoadJob { url: string; connections: number; seconds: number; headers: Record<string, string> }
interface LoadResult { rps: number; p99: number; p50: number; requests: number; non2xx: number; errors: number; timeouts: number }

/** Child process: one autocannon run. */
async function load(job: LoadJob): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: object) => Promise<{
    requests: { average: number; total: number }; latency: { p99: number; p50: number }; non2xx: number; errors: number; timeouts: number;
  }>;
  const r = await autocannon({ url: job.url, connections: job.connections, duration: job.seconds, headers: job.headers });
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
}

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, KHABAR_BENCH_LOAD: JSON.stringify(job) } });
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => { if (code) reject(new Error(`load process exited with ${code}`)); });
  });
}

/** Hop-by-hop and per-response headers the reference recomputes itself. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** A server that replies to each known path with a stored response: the floor any page server can reach. */
function referenceServer(pages: Map<string, Fetched>): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) { res.statusCode = 404; res.end(); return; }
    for (const [k, v] of Object.entries(page.headers)) if (v !== undefined && !OWN_HEADERS.has(k)) res.setHeader(k, v);
    res.setHeader('content-length', page.body.length);
    res.end(page.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, server });
  }));
}

/** Says whether a repeated request is answered from a page cache, judging by the usual response headers. */
function pageCacheNote(first: Fetched, second: Fetched): string {
  const names = ['x-cache', 'x-page-cache', 'x-khabar-cache', 'age'];
  const seen = names.filter((n) => second.headers[n] !== undefined).map((n) => `${n}: ${String(second.headers[n])}`);
  if (seen.length) return `page cache: the repeat request answered with ${seen.join(', ')}`;
  if (names.some((n) => first.headers[n] !== undefined)) return 'page cache: headers present on the first request only';
  return 'NO PAGE CACHE seen (no x-cache/age header on a repeat request): every request renders the page';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    encoding: { type: 'string', default: 'br, gzip' },
    entry: { type: 'string', default: 'built' },
    // site search over 100,000 generated stories (bench/search.ts): SQLite, and PostgreSQL at this address
    search: { type: 'boolean', default: true },
    autocannon: { type: 'boolean', default: true },
    'wrk-connections': { type: 'string', default: '50' },
    'uncached-seconds': { type: 'string', default: '60' },
    pg: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL },
  }, allowNegative: true });
  const seconds = Math.max(1, Math.min(Number(values.seconds) || 10, 60));
  const connectionCounts = values.connections.split(',').map(Number).filter((n) => n > 0 && n <= 500);
  const headers: Record<string, string> = values.encoding === 'identity' || values.encoding === '' ? {} : { 'accept-encoding': values.encoding };
  const entry = ENTRIES[values.entry];
  if (!entry) throw new Error(`--entry must be one of ${Object.keys(ENTRIES).join(', ')}, got "${values.entry}"`);

  // Seeded by its own process first, then served by another, as after a restart in production: image
  // generation does not count in the serving process's memory.
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789abcdef', KHABAR_DEMO: '0',
    LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'KHABAR_PUBLIC_URL', 'KHABAR_TRUST_PROXY']) delete env[k];
  let served: Served | undefined;
  let uncached: Served | undefined;
  let reference: { base: string; server: Server } | undefined;
  try {
    // Before the load, on its own: each start is timed alone.
    const cold = describeColdStarts(await coldStarts(entry, env));
    const seedStart = performance.now();
    const seeded = runCommand(entry, ['seed-demo'], env).trim().split('\n').at(-1);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    served = await serve(entry, env);
    const khabar = served.base;
    await settle();
    const idle = served.memory();
    console.log(`bench: ${seeded} SQLite in ${dir}, seeded in ${seedSeconds.toFixed(1)} s; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    console.log(`khabar: \`${['node', ...entry, 'serve'].join(' ')}\` as process ${served.pid}`);

    const home = await fetchRaw(`${khabar}/`, headers);
    const articlePath = /href="(\/articles\/[^"?#]+)"/.exec((await fetchRaw(`${khabar}/`)).body.toString('utf8'))?.[1];
    if (home.status !== 200 || !articlePath) throw new Error(`the home page answered ${home.status}${articlePath ? '' : ' and links no article'}`);
    const article = await fetchRaw(khabar + articlePath, headers);
    if (article.status !== 200) throw new Error(`${articlePath} answered ${article.status}`);
    const articleAgain = await fetchRaw(khabar + articlePath, headers);
    // a feed and a sitemap, as feed readers and crawlers ask for them (through the page cache too)
    const feed = await fetchRaw(`${khabar}/feed`, headers);
    const sitemap = await fetchRaw(`${khabar}/sitemap.xml`, headers);
    if (feed.status !== 200 || sitemap.status !== 200) throw new Error(`/feed answered ${feed.status}, /sitemap.xml ${sitemap.status}`);
    reference = await referenceServer(new Map([['/', home], [articlePath, article], ['/feed', feed], ['/sitemap.xml', sitemap]]));

    console.log(pageCacheNote(article, articleAgain));
    if (articleAgain.headers['x-khabar-cache'] !== 'hit') console.log('WARNING: the repeat article request was not a page-cache hit: the "cached" rows measure renders');
    // The same newsroom rendered on every request: a second process on the same data with the page cache off.
    uncached = await serve(entry, { ...env, KHABAR_PAGE_CACHE_MB: '0' });
    if ((await fetchRaw(uncached.base + articlePath, headers)).headers['x-khabar-cache'] !== undefined) throw new Error('KHABAR_PAGE_CACHE_MB=0 did not turn the page cache off');
    console.log(`requests send accept-encoding: ${headers['accept-encoding'] ?? 'identity'}; article ${articlePath} is ${article.bytes} bytes as served (${article.headers['content-encoding'] ?? 'identity'}), home ${home.bytes} bytes`);
    console.log(`${seconds} s per case, loopback only; load from a child process\n`);

    const beforeLoad = served.memory();
    const rows: string[][] = [];
    const pages = [['article', articlePath], ['home', '/'], ['feed', '/feed'], ['sitemap', '/sitemap.xml']] as const;
    for (const [label, path] of values.autocannon ? pages : []) {
      for (const connections of connectionCounts) {
        const k = await runLoad({ url: khabar + path, connections, seconds, headers });
        const r = await runLoad({ url: reference.base + path, connections, seconds, headers });
        const trouble = [k, r].some((x) => x.non2xx || x.errors || x.timeouts)
          ? ` non-2xx/errors/timeouts khabar ${k.non2xx}/${k.errors}/${k.timeouts}, raw ${r.non2xx}/${r.errors}/${r.timeouts}` : '';
        const u = await runLoad({ url: uncached.base + path, connections, seconds, headers });
        const troubleOf = (x: LoadResult) => (x.non2xx || x.errors || x.timeouts ? ` non-2xx/errors/timeouts ${x.non2xx}/${x.errors}/${x.timeouts}` : '');
        const row = (name: string, x: LoadResult, note: string) => [name, String(connections), x.rps.toFixed(0), r.rps.toFixed(0),
          `${((x.rps / r.rps) * 100).toFixed(1)}%`, `${x.p99} ms`, `${r.p99} ms`, `${(x.p99 / Math.max(r.p99, 1)).toFixed(1)}x${note}`];
        rows.push(row(`${label} cached`, k, trouble), row(`${label} uncached`, u, troubleOf(u)));
        console.log(`  done: ${label} at ${connections} connections`);
      }
    }
    if (rows.length) printAutocannon(rows);

    if (haveWrk()) {
      const wrkRows: string[][] = [];
      const conns = Number(values['wrk-connections']) || 50;
      for (const [label, path] of pages) {
        const r = await runWrk(reference.base + path, conns, seconds, headers, 'self');
        const k = await runWrk(khabar + path, conns, seconds, headers, served.pid);
        const u = await runWrk(uncached.base + path, conns, seconds, headers, uncached.pid);
        const row = (name: string, x: WrkResult) => [name, String(conns), x.rps.toFixed(0), `${x.p99ms.toFixed(1)} ms`, `${((x.rps / r.rps) * 100).toFixed(1)}%`,
          `${x.serverCpuMs.toFixed(3)} ms`, `${x.bad}`, saturated(x)];
        wrkRows.push(row(`${label} raw node`, r), row(`${label} cached`, k), row(`${label} uncached`, u));
        console.log(`  done (wrk): ${label}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
      }
      printTable(['page', 'conns', 'req/s', 'p99', 'of raw', 'server CPU/req', 'bad', 'limit'], wrkRows);
      const long = Math.max(1, Math.min(Number(values['uncached-seconds']) || 60, 600));
      const before = uncached.memory();
      const u = await runWrk(uncached.base + articlePath, 10, long, headers, uncached.pid);
      console.log(`uncached article, wrk -c10 for ${long} s: ${u.rps.toFixed(0)} req/s, p99 ${u.p99ms.toFixed(1)} ms, ${u.serverCpuMs.toFixed(3)} ms CPU per view, ` +
        `limit: ${saturated(u)}; rendering process ${describeMemory(before)} before, ${describeMemory(uncached.memory())} after; ` +
        `load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    } else {
      console.log('wrk is not installed (apt-get install wrk): no wrk figures; autocannon saturates before the servers on a small machine');
    }

    const afterLoad = served.memory();
    await settle();
    const settled = served.memory();
    console.log(`load average now ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on the machine skews every figure)`);
    console.log(`khabar process memory (VmRSS, peak VmHWM): idle after start ${describeMemory(idle)}; before the load ${describeMemory(beforeLoad)}; ` +
      `right after the load ${describeMemory(afterLoad)}; ${SETTLE_MS / 1000} s later ${describeMemory(settled)}`);
    console.log(`for scale, a bare node process idles at ${describeMemory(await bareNodeMemory())}`);
    console.log(describeWeight(`article page ${articlePath} compressed`, await pageWeight(khabar, articlePath)));
    console.log(cold);
    if (values.search) console.log(describeSearch(await searchBench(values.pg)));

    await uncached.stop();
    uncached = undefined;
    const stopped = await served.stop();
    served = undefined;
    console.log(`khabar stopped on SIGTERM with ${stopped.signal ? `signal ${stopped.signal}` : `exit code ${stopped.code}`}`);
  } finally {
    if (reference) await new Promise<void>((resolve) => reference!.server.close(() => resolve()));
    if (served) await served.stop();
    if (uncached) await uncached.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printAutocannon(rows: string[][]): void {
  printTable(['page', 'conns', 'khabar req/s', 'raw req/s', 'khabar/raw', 'khabar p99', 'raw p99', 'p99 khabar/raw'], rows);
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

const SETTLE_MS = 2000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** The floor: what Node itself holds with nothing loaded. */
async function bareNodeMemory(): Promise<Memory | null> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await settle();
  const m = child.pid === undefined ? null : processMemory(child.pid);
  child.kill('SIGKILL');
  return m;
}

// Dispatch last, once every constant above is initialised.
if (process.env.KHABAR_BENCH_LOAD) {
  process.send?.(await load(JSON.parse(process.env.KHABAR_BENCH_LOAD) as LoadJob));
} else {
  await main();
}
