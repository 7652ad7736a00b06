// The demo newsroom served by `khabar serve` as production serves it, in a data folder of its own that is removed
// afterwards: what the browser benchmarks (lighthouse.ts, front_cpu.ts) measure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRIES, serve, runCommand, type Served } from './khabar_process.ts';
import { fetchRaw } from './page_weight.ts';

export interface DemoServed {
  base: string;
  /** a scratch folder for reports, removed with the rest */
  dir: string;
  stop(): Promise<void>;
}

/** Seeds the demo newsroom into a fresh data folder and serves it. `entry` is a key of ENTRIES (built, tsx);
 * `prepare` may change the data folder (its khabar.sqlite) before the server starts. */
export async function serveDemo(entryName = 'built', prepare?: (dir: string) => void): Promise<DemoServed> {
  const entry = ENTRIES[entryName];
  if (!entry) throw new Error(`--entry is one of ${Object.keys(ENTRIES).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-browser-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, KHABAR_DATA_DIR: dir, KHABAR_SECRET: 'bench-secret-0123456789abcdef', KHABAR_DEMO: '0',
    LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'KHABAR_PUBLIC_URL', 'KHABAR_TRUST_PROXY']) delete env[k];
  let served: Served | undefined;
  try {
    runCommand(entry, ['seed-demo'], env);
    prepare?.(dir);
    served = await serve(entry, env);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const s = served;
  return {
    base: s.base,
    dir,
    async stop() {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fetches a page and every /media/ address it names once, so that every picture variant is made and kept before
 * anything is measured (as on a site that has been read before). */
export async function warm(base: string, path: string): Promise<string> {
  await fetchRaw(base + path);
  const html = (await fetchRaw(base + path)).body.toString('utf8');
  for (const m of new Set([...html.matchAll(/\/media\/[^"\s,]+/g)].map((x) => x[0]))) await fetchRaw(base + m);
  return html;
}
