// Khabar as the benchmark meets it: a separate process started the way production starts it, whose own
// resident memory is read from /proc/<pid>/status (Linux), so nothing of the benchmark is counted in it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from '../scripts/build.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** How the `khabar` command is started: the built entry with the node flags `npx khabar` gives it, or the
 * sources through tsx (as before the build existed). */
export const ENTRIES: Record<string, string[]> = {
  built: [...nodeFlags(), 'bin/khabar.js'],
  tsx: ['--import', 'tsx', 'src/main.ts'],
};

export interface Memory {
  /** resident set now, bytes */
  rss: number;
  /** the highest resident set so far, bytes */
  hwm: number;
}

/** VmRSS and VmHWM of a process, or null where /proc cannot tell (not Linux, process gone). */
export function processMemory(pid: number): Memory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

export function describeMemory(m: Memory | null): string {
  if (!m) return 'n/a';
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return `${mb(m.rss)} resident (peak ${mb(m.hwm)})`;
}

/** Runs one CLI command to its end; throws with its output when it fails. */
export function runCommand(entry: string[], args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`khabar ${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  return r.stdout;
}

export interface Served {
  pid: number;
  /** base address without the trailing slash */
  base: string;
  memory(): Memory | null;
  /** SIGTERM, then the exit code (null and the signal when it had to be killed). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `khabar serve` and resolves once it prints the address it listens on. */
export function serve(entry: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Served> {
  const child = spawn(process.execPath, [...entry, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve printed no address within ${timeoutMs} ms:\n${out}`)); }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Khabar is ready: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (!m || child.pid === undefined) return;
      clearTimeout(timer);
      const pid = child.pid;
      resolve({
        pid,
        base: m[1],
        memory: () => processMemory(pid),
        async stop() {
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.kill('SIGTERM');
          const r = await exited;
          clearTimeout(kill);
          return r;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`serve exited with ${code} before it was ready:\n${out}`)); });
  });
}
