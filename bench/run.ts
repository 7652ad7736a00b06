// Page speed against a reference: Khabar serving the demo newsroom's article and home pages, next to a raw
// node:http server in the same process that sends the very same bytes and headers and does nothing else.
// Load comes from autocannon in a child process (loopback only, bounded), so it does not share the servers'
// event loop. Prints requests/s and p99 per case with the ratio khabar/raw, resident memory after the load,
// and the article page's compressed HTML + CSS. No assertions: read the figures.
//   npm run bench [-- --seconds 10 --connections 10,50 --encoding "br, gzip"]
import { fork, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchRaw, pageWeight, describeWeight, type Fetched } from './page_weight.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

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
  } });
  const seconds = Math.max(1, Math.min(Number(values.seconds) || 10, 60));
  const connectionCounts = values.connections.split(',').map(Number).filter((n) => n > 0 && n <= 500);
  const headers: Record<string, string> = values.encoding === 'identity' || values.encoding === '' ? {} : { 'accept-encoding': values.encoding };

  const { loadConfig } = await import('../src/config.ts');
  const { createRuntime } = await import('../src/runtime.ts');
  const { buildApp } = await import('../src/http/app.ts');

  // The demo is seeded by the CLI in its own process, so image generation does not count in this process's memory.
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-'));
  const env = { KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789abcdef', KHABAR_DEMO: '0', LOG_LEVEL: 'warn' };
  const seedStart = performance.now();
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'seed-demo'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (seeded.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`seed-demo failed: ${seeded.stderr}`);
  }
  const runtime = await createRuntime(loadConfig(env));
  try {
    console.log(`bench: ${seeded.stdout.trim()} SQLite in ${dir}, seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    const app = await buildApp(runtime.ctx);
    const khabar = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');

    const home = await fetchRaw(`${khabar}/`, headers);
    const articlePath = /href="(\/articles\/[^"?#]+)"/.exec((await fetchRaw(`${khabar}/`)).body.toString('utf8'))?.[1];
    if (home.status !== 200 || !articlePath) throw new Error(`the home page answered ${home.status}${articlePath ? '' : ' and links no article'}`);
    const article = await fetchRaw(khabar + articlePath, headers);
    if (article.status !== 200) throw new Error(`${articlePath} answered ${article.status}`);
    const articleAgain = await fetchRaw(khabar + articlePath, headers);
    const reference = await referenceServer(new Map([['/', home], [articlePath, article]]));

    console.log(pageCacheNote(article, articleAgain));
    console.log(`requests send accept-encoding: ${headers['accept-encoding'] ?? 'identity'}; article ${articlePath} is ${article.bytes} bytes as served (${article.headers['content-encoding'] ?? 'identity'}), home ${home.bytes} bytes`);
    console.log(`${seconds} s per case, loopback only; load from a child process\n`);

    const rows: string[][] = [];
    for (const [label, path] of [['article', articlePath], ['home', '/']] as const) {
      for (const connections of connectionCounts) {
        const k = await runLoad({ url: khabar + path, connections, seconds, headers });
        const r = await runLoad({ url: reference.base + path, connections, seconds, headers });
        const trouble = [k, r].some((x) => x.non2xx || x.errors || x.timeouts)
          ? ` non-2xx/errors/timeouts khabar ${k.non2xx}/${k.errors}/${k.timeouts}, raw ${r.non2xx}/${r.errors}/${r.timeouts}` : '';
        rows.push([label, String(connections), k.rps.toFixed(0), r.rps.toFixed(0), `${((k.rps / r.rps) * 100).toFixed(1)}%`,
          `${k.p99} ms`, `${r.p99} ms`, `${(k.p99 / Math.max(r.p99, 1)).toFixed(1)}x${trouble}`]);
        console.log(`  done: ${label} at ${connections} connections`);
      }
    }
    const head = ['page', 'conns', 'khabar req/s', 'raw req/s', 'khabar/raw', 'khabar p99', 'raw p99', 'p99 khabar/raw'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);

    const rss = process.memoryUsage().rss;
    console.log(`load average now ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on the machine skews every figure)`);
    console.log(`resident memory after the load: ${(rss / 1024 / 1024).toFixed(0)} MB (this process: Khabar and the reference server)`);
    console.log(describeWeight(`article page ${articlePath} compressed`, await pageWeight(khabar, articlePath)));

    await new Promise<void>((resolve) => reference.server.close(() => resolve()));
    await app.close();
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Dispatch last, once every constant above is initialised.
if (process.env.KHABAR_BENCH_LOAD) {
  process.send?.(await load(JSON.parse(process.env.KHABAR_BENCH_LOAD) as LoadJob));
} else {
  await main();
}
