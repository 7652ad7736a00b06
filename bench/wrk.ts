// Load from wrk (Debian's `wrk`, a client written in C: `apt-get install wrk`, installed by .ci/run), so that the
// client is not what limits the figure; autocannon, in Node, saturates a 2-core machine before either server does.
// Each run reports requests/s and p99, the CPU the server and wrk each used (so the table can say which side was
// the limit: the one near a whole core, wrk and Node being one thread each), and the server's CPU per request.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface WrkResult {
  rps: number;
  p99ms: number;
  requests: number;
  /** non-2xx/3xx answers and socket errors */
  bad: number;
  /** CPU seconds over the run's seconds: 1.0 is one core busy the whole time */
  serverCores: number;
  clientCores: number;
  /** the server's CPU per request, milliseconds */
  serverCpuMs: number;
}

/** Whether wrk is installed. */
export function haveWrk(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); `self` for this one. */
export function cpuSeconds(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Parses wrk's "99%  1.23ms" (us, ms or s). */
function latencyMs(out: string, pct: string): number {
  const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  if (!m) return Number.NaN;
  return Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[m[2]];
}

/** One wrk run (one thread) against `url`, the server's CPU read from process `serverPid` ('self': this process). */
export async function runWrk(url: string, connections: number, seconds: number, headers: Record<string, string>, serverPid: number | 'self'): Promise<WrkResult> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  // bash's `time` gives wrk's own CPU: user and system seconds
  const child = spawn('bash', ['-c', 'TIMEFORMAT="cpu %U %S"; time wrk "$@"', 'wrk', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const serverBefore = cpuSeconds(serverPid);
  const started = performance.now();
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => { out += b; });
  child.stderr.on('data', (b: Buffer) => { err += b; });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(serverPid) - serverBefore;
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${err}`);
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const requests = num(/(\d+) requests in/);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(err);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p99ms: latencyMs(out, '99'),
    requests,
    bad: num(/Non-2xx or 3xx responses: (\d+)/) + (errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
    serverCores: serverCpu / elapsed,
    clientCores: cpu ? (Number(cpu[1]) + Number(cpu[2])) / elapsed : Number.NaN,
    serverCpuMs: requests ? (serverCpu / requests) * 1000 : Number.NaN,
  };
}

/** Which side was the limit: the one that kept a core busy (each is one thread); neither when the machine was. */
export function saturated(r: WrkResult): string {
  if (r.serverCores >= 0.9 && r.serverCores >= r.clientCores) return 'server';
  if (r.clientCores >= 0.9) return 'wrk';
  return `neither (server ${(r.serverCores * 100).toFixed(0)}%, wrk ${(r.clientCores * 100).toFixed(0)}% of a core: the machine is busy)`;
}
