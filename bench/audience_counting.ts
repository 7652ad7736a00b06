// What counting page views costs a cached article: two `khabar serve` processes on one demo newsroom, one counting
// (KHABAR_AUDIENCE=1) and one not (=0), measured side by side with wrk (50 connections), in the order on, off, off,
// on so that drift in the machine's load falls on both. Prints requests per second of each, the ratio, the views the
// counting process wrote, and the load average. No assertions.
//   node --import tsx bench/audience_counting.ts [--seconds 10] [--connections 50] [--entry built|tsx]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENTRIES, serve } from './khabar_process.ts';

function wrk(url: string, seconds: number, connections: number): number {
  const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '-H', 'Accept-Encoding: br', '-H', 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', url], { encoding: 'utf8' });
  const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!m) throw new Error(`wrk printed no rate:\n${out}`);
  return Number(m[1]);
}

export async function countingBench(seconds: number, connections: number, entry: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-counting-'));
  const env = (on: boolean, port: number) => ({ ...process.env, KHABAR_DATA_DIR: dir, HOST: '127.0.0.1', PORT: String(port), KHABAR_AUDIENCE: on ? '1' : '0', LOG_LEVEL: 'warn', KHABAR_DEMO: '1' });
  const on = await serve(entry, env(true, 0), 300_000);
  const off = await serve(entry, env(false, 0), 120_000);
  try {
    const home = await (await fetch(`${on.base}/`)).text();
    const path = /href="(\/articles\/[^"]+)"/.exec(home)?.[1];
    if (!path) throw new Error('no article on the demo front page');
    for (const s of [on, off]) for (let i = 0; i < 3; i++) await fetch(`${s.base}${path}`);
    const rates: Record<'on' | 'off', number[]> = { on: [], off: [] };
    for (const which of ['on', 'off', 'off', 'on'] as const) rates[which].push(wrk(`${(which === 'on' ? on : off).base}${path}`, seconds, connections));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const load = loadavg().map((x) => x.toFixed(2)).join(' ');
    return [
      `cached article ${path}, wrk ${connections} connections, ${seconds} s per run, order on/off/off/on:`,
      `  counting on:  ${rates.on.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(rates.on).toFixed(0)})`,
      `  counting off: ${rates.off.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(rates.off).toFixed(0)})`,
      `  on / off: ${(mean(rates.on) / mean(rates.off) * 100).toFixed(1)} %   (load average ${load})`,
    ].join('\n');
  } finally {
    await on.stop();
    await off.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, entry: { type: 'string', default: 'built' } } });
  console.log(await countingBench(Number(values.seconds), Number(values.connections), ENTRIES[values.entry ?? 'built']));
}
