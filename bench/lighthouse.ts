// Lighthouse 12 (the lighthouse devDependency, Debian's chromium) in its default mobile emulation (a mid-range
// phone on a throttled 4G link, simulated) on the English and a Dari article page of the demo newsroom, served by
// `khabar serve` as production serves it. Prints the performance and accessibility scores (aims: 95 and 100)
// and the audits that cost points; it asserts nothing (scores move with the machine's load).
//   node --import tsx bench/lighthouse.ts [--entry built|tsx] [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRIES, serve, runCommand, type Served } from './khabar_process.ts';
import { fetchRaw } from './page_weight.ts';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

interface Category { score: number | null; auditRefs: { id: string; weight: number }[] }
interface Report {
  categories: Record<string, Category>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

function lighthouse(url: string, out: string): Report {
  const r = spawnSync(process.execPath, [LIGHTHOUSE_CLI, url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
  { env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`lighthouse ${url} exited with ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** "performance 98, accessibility 100; lost: Largest Contentful Paint 2.1 s (0.91)" */
function describe(label: string, rep: Report): string {
  const score = (c: string) => Math.round((rep.categories[c]?.score ?? 0) * 100);
  const lost = Object.values(rep.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0))
    .map((a) => ({ id: a.id, ...rep.audits[a.id] })).filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.title}${a.displayValue ? ` ${a.displayValue}` : ''} (${a.score})`);
  return `${label}: performance ${score('performance')}, accessibility ${score('accessibility')}${lost.length ? `; below full marks: ${lost.join('; ')}` : ''}`;
}

/** Lighthouse's trace is sometimes lost on a loaded machine (NO_NAVSTART): up to three tries. */
function measured(label: string, url: string, out: string): string {
  let last: unknown;
  for (let i = 0; i < 3; i++) {
    try {
      return describe(label, lighthouse(url, out));
    } catch (err) {
      last = err;
    }
  }
  return `${label}: no result (${String(last).split('\n')[0].slice(0, 300)})`;
}

/** The first story a list page links (a lite list names the article's own address after /lite). */
async function firstStory(base: string, list: string): Promise<string | null> {
  const page = await fetchRaw(base + list);
  if (page.status !== 200) return null;
  const m = /href="\/lite(\/articles\/[^"?#]+)"/.exec(page.body.toString('utf8'));
  return m ? m[1] : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entry: { type: 'string', default: 'built' }, runs: { type: 'string', default: '1' } } });
  const entry = ENTRIES[values.entry ?? 'built'];
  if (!entry) throw new Error(`--entry is one of ${Object.keys(ENTRIES).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-lighthouse-'));
  const env: NodeJS.ProcessEnv = { ...process.env, KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789abcdef', KHABAR_DEMO: '0',
    LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'KHABAR_PUBLIC_URL', 'KHABAR_TRUST_PROXY']) delete env[k];
  let served: Served | undefined;
  try {
    runCommand(entry, ['seed-demo'], env);
    served = await serve(entry, env);
    const base = served.base;
    const pages: [string, string | null][] = [['English article', await firstStory(base, '/lite/en/')], ['Dari article', await firstStory(base, '/lite/fa/')]];
    console.log(`lighthouse: load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}; mobile emulation, simulated throttling`);
    for (const [label, path] of pages) {
      if (!path) {
        console.log(`${label}: the demo newsroom has none`);
        continue;
      }
      // Once unmeasured, so that every picture variant is made and kept, as on a site that has been read before.
      await fetchRaw(base + path);
      for (const m of (await fetchRaw(base + path)).body.toString('utf8').matchAll(/\/media\/[^"\s,]+/g)) await fetchRaw(base + m[0]);
      for (let run = 1; run <= Number(values.runs); run++) console.log(measured(`${label} ${decodeURIComponent(path)} (run ${run})`, base + path, join(dir, `${run}.json`)));
    }
  } finally {
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
