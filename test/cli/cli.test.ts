// The `khabar` command as a newcomer meets it: help on every command, `serve` on a free port printing its URL
// and answering /healthz, the demo newsroom on an empty database (and only then), and clear words, not stack
// traces, for bad settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfig, ConfigError } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = ['--import', 'tsx', 'src/main.ts'];

/** The environment a fresh shell would give, with Khabar's own settings cleared and the data in `dir`. */
function cleanEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['HOST', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'KHABAR_DEMO', 'KHABAR_PUBLIC_URL', 'KHABAR_SECRET', 'KHABAR_TRUST_PROXY', 'LOG_LEVEL']) delete env[k];
  return { ...env, KHABAR_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...extra };
}

interface Ran { status: number | null; stdout: string; stderr: string }

/** Runs one CLI command to its end. Independent runs go in parallel: each start of Node with tsx costs a second or two. */
function khabar(args: string[], env: NodeJS.ProcessEnv, cmd: string[] = MAIN): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cmd, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.once('error', reject);
    child.once('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

interface Running {
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `khabar serve` and resolves once it prints its URL. */
function serve(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Running> {
  const child = spawn(process.execPath, [...MAIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve printed no URL within ${timeoutMs} ms:\n${out}`)); }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Khabar is ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          output: () => out,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code} before it was ready:\n${out}`)); });
  });
}

function publishedArticles(dir: string): number {
  const db = new Database(join(dir, 'khabar.sqlite'), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from articles where status = 'published'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'khabar-cli-'));
}

test('npx khabar --help lists the commands and each command has its own --help', async () => {
  const dir = tempDir();
  try {
    const names = ['serve', 'migrate', 'seed-demo'];
    // The top-level --help goes through the bin launcher, as `npx khabar --help` does.
    const [top, ...each] = await Promise.all([khabar(['--help'], cleanEnv(dir), ['bin/khabar.js']), ...names.map((name) => khabar([name, '--help'], cleanEnv(dir)))]);
    assert.equal(top.status, 0);
    assert.match(top.stdout, /Usage: khabar <command>/);
    for (const name of names) assert.match(top.stdout, new RegExp(`^\\s+${name}\\s`, 'm'), `--help lists ${name}`);
    names.forEach((name, i) => {
      assert.equal(each[i].status, 0, `${name} --help`);
      assert.match(each[i].stdout, new RegExp(`Usage: khabar ${name}`));
      assert.match(each[i].stdout, /KHABAR_DATA_DIR/);
    });
    assert.equal(existsSync(join(dir, 'khabar.sqlite')), false, '--help touches no database');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown command is refused with the usage', async () => {
  const dir = tempDir();
  try {
    const bad = await khabar(['publish-everything'], cleanEnv(dir));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown command "publish-everything"/);
    assert.match(bad.stderr, /^\s+seed-demo\s/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad settings stop the CLI with a message naming the setting, not a stack trace', async () => {
  const dir = tempDir();
  try {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['serve', { PORT: 'eighty' }, /PORT must be a whole number from 0 to 65535, got "eighty"/],
      ['serve', { KHABAR_DEMO: 'maybe' }, /KHABAR_DEMO must be 1 or 0, got "maybe"/],
      ['serve', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must start with redis:\/\//],
      ['migrate', { DATABASE_URL: 'mysql://root@localhost/news' }, /DATABASE_URL must be a postgres:\/\/ URL or a SQLite file path/],
    ];
    const runs = await Promise.all(cases.map(([cmd, env]) => khabar([cmd], cleanEnv(dir, env))));
    for (const [i, [cmd, env, message]] of cases.entries()) {
      const r = runs[i];
      assert.equal(r.status, 1, `${cmd} with ${JSON.stringify(env)}`);
      assert.match(r.stderr, /^Configuration error: /m);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.equal(existsSync(join(dir, 'khabar.sqlite')), false, 'nothing was created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every setting the CLI reads is checked the same way', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535, got "70000"/],
    [{ PORT: '-1' }, /PORT must be a whole number/],
    [{ PORT: '80.5' }, /PORT must be a whole number/],
    [{ KHABAR_TRUST_PROXY: 'sometimes' }, /KHABAR_TRUST_PROXY must be 1 or 0, got "sometimes"/],
    [{ DATABASE_URL: 'https://db.example/news' }, /DATABASE_URL must be a postgres:\/\/ URL/],
  ];
  for (const [env, message] of bad) assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && message.test(e.message), JSON.stringify(env));
  const ok = loadConfig({ PORT: '0', KHABAR_DEMO: 'off', KHABAR_TRUST_PROXY: 'yes', DATABASE_URL: 'postgresql://u@h/db' });
  assert.equal(ok.port, 0);
  assert.equal(ok.demo, false);
  assert.equal(ok.trustProxy, true);
  assert.equal(ok.databaseUrl, 'postgresql://u@h/db');
});

test('migrate creates the database, then finds it up to date; seed-demo refuses a database with content', async () => {
  const dir = tempDir();
  try {
    const env = cleanEnv(dir);
    const first = await khabar(['migrate'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Applied: /);
    const again = await khabar(['migrate'], env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /up to date/);
    assert.equal(publishedArticles(dir), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve with KHABAR_DEMO=0 listens on a free port, prints its URL, answers /healthz, stops on SIGTERM', async () => {
  const dir = tempDir();
  try {
    const s = await serve(cleanEnv(dir, { KHABAR_DEMO: '0' }));
    try {
      const r = await fetch(`${s.url}healthz`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /application\/json/);
      const body = await r.json() as { status: string; database: string };
      assert.equal(body.status, 'ok');
      assert.equal(body.database, 'sqlite');
      assert.doesNotMatch(s.output(), /demo newsroom/i);
      assert.equal(publishedArticles(dir), 0, 'no demo with KHABAR_DEMO=0');
      assert.ok(existsSync(join(dir, 'secret.key')), 'a secret is kept in the data folder');
    } finally {
      assert.equal(await s.stop(), 0, 'a clean exit on SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve on an empty database creates the demo newsroom once; the next start keeps it as it is', { timeout: 150_000 }, async () => {
  const dir = tempDir();
  try {
    const env = cleanEnv(dir);
    const first = await serve(env);
    let count: number;
    try {
      assert.match(first.output(), /creating the demo newsroom/i);
      count = publishedArticles(dir);
      assert.ok(count > 0, 'the demo newsroom has published articles');
      assert.equal((await fetch(`${first.url}healthz`)).status, 200);
      const home = await fetch(first.url);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /href="\/articles\//, 'the home page links stories');
    } finally {
      assert.equal(await first.stop(), 0);
    }
    const second = await serve(env);
    try {
      assert.doesNotMatch(second.output(), /creating the demo newsroom/i);
      assert.equal(publishedArticles(dir), count);
    } finally {
      assert.equal(await second.stop(), 0);
    }
    const refused = await khabar(['seed-demo'], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /already has content/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
