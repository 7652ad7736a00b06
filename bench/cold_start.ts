// Cold start as a newsroom meets it: from spawning `khabar serve` to the first 200 on GET /, with the CPU the
// process and its children used until then (/proc/<pid>/stat, Linux) and its resident memory once idle.
// Measured on a fresh data folder with the demo newsroom to create, on one with KHABAR_DEMO=0, and on a restart
// of the demo's database. Figures only, no assertions.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, processMemory, describeMemory, type Memory } from './khabar_process.ts';

export interface ColdStart {
  label: string;
  /** spawn to the first 200 on GET / */
  seconds: number;
  /** user + system CPU of the process and its waited-for children until then */
  cpuSeconds: number | null;
  /** resident memory two seconds after that first page */
  idle: Memory | null;
}

/** CPU seconds of a process and of the children it has waited for, or null where /proc cannot tell. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of the line; 12-15 after the name.
    return [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0) / 100;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** One start of `khabar serve` in `dir`, measured, then stopped. */
async function startOnce(label: string, entry: string[], env: NodeJS.ProcessEnv, dir: string, timeoutMs = 180_000): Promise<ColdStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...entry, 'serve'], { cwd: ROOT, env: { ...env, KHABAR_DATA_DIR: dir, PORT: String(port) }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => { gone = true; });
  try {
    let seconds = 0;
    let cpu: number | null = null;
    while (!seconds) {
      if (gone) throw new Error(`${label}: khabar serve exited before answering`);
      if (performance.now() - started > timeoutMs) throw new Error(`${label}: no page within ${timeoutMs / 1000} s`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        await r.arrayBuffer();
        if (r.status === 200) {
          seconds = (performance.now() - started) / 1000;
          cpu = cpuSeconds(child.pid!);
        }
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { label, seconds, cpuSeconds: cpu, idle: processMemory(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** First start with and without the demo newsroom to create, and a restart on the demo's database. */
export async function coldStarts(entry: string[], env: NodeJS.ProcessEnv): Promise<ColdStart[]> {
  const demo = mkdtempSync(join(tmpdir(), 'khabar-cold-'));
  const empty = mkdtempSync(join(tmpdir(), 'khabar-cold-'));
  try {
    return [
      await startOnce('first start, demo newsroom to create', entry, { ...env, KHABAR_DEMO: '1' }, demo),
      await startOnce('first start, KHABAR_DEMO=0', entry, { ...env, KHABAR_DEMO: '0' }, empty),
      await startOnce('restart on the demo database', entry, { ...env, KHABAR_DEMO: '1' }, demo),
    ];
  } finally {
    rmSync(demo, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
}

export function describeColdStarts(rows: ColdStart[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  return 'cold start (spawn to the first 200 on GET /; CPU of the process and its children until then; memory 2 s later):\n' +
    rows.map((r) => `  ${r.label.padEnd(width)}  ${r.seconds.toFixed(2).padStart(6)} s  ${r.cpuSeconds === null ? '   n/a' : r.cpuSeconds.toFixed(2).padStart(6)} s CPU  ${describeMemory(r.idle)}`).join('\n');
}
