// The whole scale-out stack on one machine, for the stack test and bench/scale.ts: Debian's nginx in front of
// several Khabar instances (the built server, as `khabar serve` runs it), on a PostgreSQL database and a Redis
// key prefix of their own, sharing one data folder (media) and one secret. Run by hand:
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test TEST_REDIS_URL=redis://127.0.0.1:6379/0 npx tsx scripts/stack.ts
// and stop it with Ctrl-C (its database is dropped then).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { build, entryOf, needsBuild, ROOT } from './build.js';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;

export interface Instance {
  port: number;
  child: ChildProcess | null;
  /** SIGKILL: no drain, no goodbye */
  kill(): Promise<void>;
  /** SIGTERM, as systemd stops it: drains, then exits; resolves with its exit code */
  stop(): Promise<number | null>;
  /** starts it again on the same port; resolves once /readyz answers */
  start(): Promise<void>;
}

export interface Stack {
  /** nginx's address, e.g. http://127.0.0.1:41234 */
  url: string;
  databaseUrl: string;
  redisPrefix: string;
  instances: Instance[];
  stop(): Promise<void>;
}

export interface StackOptions {
  instances?: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** extra environment for every instance */
  env?: Record<string, string>;
  /** fills the new database before the instances start (it is migrated first) */
  seed?: (databaseUrl: string, dataDir: string) => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** One GET on a connection of its own, closed after the answer: a probe or a test asking one instance directly
 * leaves no idle connection behind that would hold up the instance's drain (as a curl probe does not either). */
export function getOnce(url: string, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, body })).on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within ${timeoutMs} ms`))).on('error', reject);
  });
}

/** Resolves once the URL answers 200, or fails after `ms`. */
export async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await getOnce(url, 2000)).status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The nginx site in front of the instances, as docs/deploy.md shows it (with this run's ports and paths). */
export function nginxConfig(dir: string, listen: number, ports: number[]): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream khabar {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
    keepalive_timeout 2s;
  }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 25m;
    location = /metrics { return 404; }
    location / {
      proxy_pass http://khabar;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
      proxy_buffering on;
    }
  }
}
`;
}

/** Starts nginx and the instances; the database and Redis prefix are new, and gone after stop(). */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx)');
  const base = opts.databaseUrl ?? process.env.TEST_DATABASE_URL;
  const redisUrl = opts.redisUrl ?? process.env.TEST_REDIS_URL;
  if (!base || !redisUrl) throw new Error('the stack needs TEST_DATABASE_URL and TEST_REDIS_URL');
  if (needsBuild()) await build();
  const id = randomBytes(5).toString('hex');
  const dbName = `khabar_stack_${id}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  const databaseUrl = u.toString();
  const redisPrefix = `stack-${id}`;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stack-'));
  const listen = await freePort();
  const ports: number[] = [];
  for (let i = 0; i < (opts.instances ?? 3); i++) ports.push(await freePort());
  const env = {
    PATH: process.env.PATH ?? '', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, KHABAR_REDIS_PREFIX: redisPrefix,
    KHABAR_DATA_DIR: join(dir, 'data'), KHABAR_SECRET: randomBytes(24).toString('base64url'), KHABAR_DEMO: '0', KHABAR_TRUST_PROXY: '1',
    KHABAR_PUBLIC_URL: `http://127.0.0.1:${listen}`, LOG_LEVEL: 'warn', ...opts.env,
  };
  if (opts.seed) await opts.seed(databaseUrl, env.KHABAR_DATA_DIR);
  const instances: Instance[] = ports.map((port, i) => {
    const inst: Instance = {
      port,
      child: null,
      async kill() {
        const c = inst.child;
        if (!c || c.exitCode !== null) return;
        const gone = new Promise((r) => c.once('exit', r));
        c.kill('SIGKILL');
        await gone;
        inst.child = null;
      },
      async stop() {
        const c = inst.child;
        if (!c || c.exitCode !== null) return c?.exitCode ?? null;
        const gone = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
        c.kill('SIGTERM');
        const code = await gone;
        inst.child = null;
        return code;
      },
      async start() {
        inst.child = spawn(process.execPath, ['--max-semi-space-size=8', entryOf(ROOT), 'serve'], {
          cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'],
        });
        inst.child.stderr?.on('data', (d: Buffer) => { if (process.env.STACK_LOG) process.stderr.write(`[${i}] ${d}`); });
        await waitFor(`http://127.0.0.1:${port}/readyz`);
      },
    };
    return inst;
  });
  // The first instance migrates an empty database; the others start meanwhile and wait on the migration lock.
  await Promise.all(instances.map((inst) => inst.start()));
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, listen, ports));
  const nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `http://127.0.0.1:${listen}`;
  await waitFor(`${url}/healthz`, 20_000);
  return {
    url, databaseUrl, redisPrefix, instances,
    async stop() {
      const gone = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
      await Promise.all(instances.map((inst) => inst.stop()));
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${dbName}`);
      await a.end();
      // This run's Redis keys (the purge bus's tag index; rate-limit counters expire by themselves).
      const redis = new Redis(redisUrl);
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${redisPrefix}*`, count: 500 })) keys.push(...(batch as string[]));
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stack = await startStack();
  console.log(`Khabar behind nginx: ${stack.url}/ (instances on ${stack.instances.map((i) => i.port).join(', ')}; database ${stack.databaseUrl})`);
  const stop = () => { stack.stop().then(() => process.exit(0), () => process.exit(1)); };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
