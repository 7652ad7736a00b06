// The `khabar` command as a newcomer meets it: help on every command, `serve` on a free port printing its URL
// and answering /healthz, the demo newsroom on an empty database (and only then), and clear words, not stack
// traces, for bad settings. Every run goes through bin/khabar.js, the built entry production runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfig, ConfigError, SETTING_NAMES, type SettingName } from '../../src/config.ts';
import { build, needsBuild, entryOf, nodeFlags } from '../../scripts/build.js';
import { copyDemo } from '../helpers/demo.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** As `npx khabar` runs it: the node flags of bin/khabar.js's #! line, then the file. */
const MAIN = [...nodeFlags(), 'bin/khabar.js'];

/** The environment a fresh shell would give, with Khabar's own settings cleared and the data in `dir`. */
function cleanEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SETTING_NAMES) delete env[k];
  return { ...env, KHABAR_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...extra };
}

interface Ran { status: number | null; stdout: string; stderr: string }

// No command here has a time limit: each is waited on until it prints what it should or exits. A test that hangs
// is ended by the runner's limit for hung tests, and whatever it started is ended with this process.
const started = new Set<ChildProcess>();
process.once('exit', () => { for (const child of started) child.kill('SIGKILL'); });

function spawnKhabar(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcessByStdio<null, Readable, Readable> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** Runs one CLI command to its end (`viaShebang`: the file itself, as npx runs it). Independent runs go in
 * parallel: each start of Node costs a second. */
function khabar(args: string[], env: NodeJS.ProcessEnv, viaShebang = false): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const [command, ...rest] = viaShebang ? [join(ROOT, 'bin', 'khabar.js'), ...args] : [process.execPath, ...MAIN, ...args];
    const child = spawnKhabar(command, rest, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Running {
  url: string;
  pid: number;
  output(): string;
  /** Sends the signal (SIGTERM unless told) and resolves with the exit code, null when a signal ended it. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const READY = /Khabar is ready: (http:\/\/127\.0\.0\.1:\d+\/)/;

/** Starts `khabar serve` (or another command line that starts it) and resolves once its output matches `until`
 * (by default: once it prints its URL), however long that takes; rejects if it exits first. */
function serve(env: NodeJS.ProcessEnv, command = [process.execPath, ...MAIN, 'serve'], until = READY): Promise<Running> {
  const child = spawnKhabar(command[0], command.slice(1), env);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (until.test(out)) {
        resolve({
          url: READY.exec(out)?.[1] ?? '',
          pid: child.pid!,
          output: () => out,
          async stop(signal = 'SIGTERM') {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited with ${code} before printing ${until}:\n${out}`)));
  });
}

function countArticles(dir: string, where = `status = 'published'`): number {
  const db = new Database(join(dir, 'khabar.sqlite'), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from articles where ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const publishedArticles = (dir: string) => countArticles(dir);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'khabar-cli-'));
}

test('npx khabar --help lists the commands and each command has its own --help', async () => {
  const dir = tempDir();
  try {
    const names = ['serve', 'migrate', 'seed-demo', 'export', 'import', 'backup', 'restore'];
    // The top-level --help runs the file itself, through its #! line, as npx does.
    const [top, ...each] = await Promise.all([khabar(['--help'], cleanEnv(dir), true), ...names.map((name) => khabar([name, '--help'], cleanEnv(dir)))]);
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

test('npm start runs the same entry with the same node flags as npx khabar, in place of the shell npm starts', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
  assert.equal(pkg.bin.khabar, 'bin/khabar.js');
  assert.equal(pkg.scripts.start, ['exec', 'node', ...MAIN, 'serve'].join(' '));
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
  // At least one refused value per setting the process reads: SETTING_NAMES is config.ts's own list, so a
  // setting added there without a check here fails this test.
  const bad: [SettingName, string, RegExp][] = [
    ['HOST', 'http://0.0.0.0', /HOST must be an IP address or a host name/],
    ['HOST', 'news example', /HOST must be an IP address or a host name/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535, got "70000"/],
    ['PORT', '-1', /PORT must be a whole number/],
    ['PORT', '80.5', /PORT must be a whole number/],
    ['PORT', '0x50', /PORT must be a whole number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/],
    ['KHABAR_PUBLIC_URL', 'not a url', /KHABAR_PUBLIC_URL must be a http:\/\/ or https:\/\/ URL/],
    ['KHABAR_PUBLIC_URL', 'ftp://news.example', /KHABAR_PUBLIC_URL must start with http:\/\/ or https:\/\//],
    ['KHABAR_PUBLIC_URL', 'https://news.example/fa/', /KHABAR_PUBLIC_URL must be the site's address without a path or query, e.g. https:\/\/news.example/],
    ['KHABAR_PUBLIC_URL', 'https://news.example/?a=1', /without a path or query/],
    ['KHABAR_PUBLIC_URL', 'https://editor:pw@news.example', /must not contain a user name or password/],
    ['KHABAR_DATA_DIR', fileURLToPath(import.meta.url), /KHABAR_DATA_DIR must be a folder/],
    ['DATABASE_URL', 'https://db.example/news', /DATABASE_URL must be a postgres:\/\/ URL/],
    ['DATABASE_URL', 'postgres://u@h:port/db', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    ['REDIS_URL', 'redis://', /REDIS_URL must/],
    ['SMTP_URL', 'mail.example:25', /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    ['SMTP_URL', 'https://mail.example', /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    ['KHABAR_SECRET', 'short', /KHABAR_SECRET must be at least 16 characters \(got 5\)/],
    ['KHABAR_DEMO', 'maybe', /KHABAR_DEMO must be 1 or 0, got "maybe"/],
    ['KHABAR_TRUST_PROXY', 'sometimes', /KHABAR_TRUST_PROXY must be 1 or 0, got "sometimes"/],
    ['KHABAR_PAGE_CACHE_MB', '32MB', /KHABAR_PAGE_CACHE_MB must be a whole number from 0 to 65536, got "32MB"/],
    ['KHABAR_PAGE_CACHE_MB', '-1', /KHABAR_PAGE_CACHE_MB must be a whole number/],
    ['KHABAR_PURGE_WEBHOOK', 'cdn.example/purge', /KHABAR_PURGE_WEBHOOK must be a http:\/\/ or https:\/\/ URL/],
    ['KHABAR_PURGE_WEBHOOK', 'ftp://cdn.example/purge', /KHABAR_PURGE_WEBHOOK must start with http:\/\/ or https:\/\//],
    ['KHABAR_METRICS', 'public', /KHABAR_METRICS must be one of local, open, off, got "public"/],
    ['KHABAR_FETCH_ALLOW', 'localhost', /KHABAR_FETCH_ALLOW must list IP addresses or networks/],
    ['KHABAR_FETCH_ALLOW', '10.0.0.0/33', /bad prefix length/],
    ['KHABAR_PUSH_ALLOW', 'localhost', /KHABAR_PUSH_ALLOW must list IP addresses or networks/],
    ['KHABAR_TELEGRAM_API', 'api.telegram.example', /KHABAR_TELEGRAM_API must be a http:\/\/ or https:\/\/ URL/],
    ['KHABAR_TELEGRAM_API', 'ftp://api.telegram.example', /KHABAR_TELEGRAM_API must start with http:\/\/ or https:\/\//],
    ['KHABAR_ONION_URL', 'https://news.example', /KHABAR_ONION_URL must be a \.onion address/],
    ['KHABAR_ONION_URL', 'http://abc.onion/fa/', /KHABAR_ONION_URL must be the onion address alone/],
    ['KHABAR_MIRRORS', 'https://a.example, mirror.example', /KHABAR_MIRRORS must be a http:\/\/ or https:\/\/ URL/],
    ['KHABAR_MIRRORS', 'javascript:alert(1)', /KHABAR_MIRRORS must start with http:\/\/ or https:\/\//],
    ['KHABAR_MIRRORS', Array.from({ length: 11 }, (_, i) => `https://m${i}.example`).join(','), /KHABAR_MIRRORS lists at most 10/],
    ['KHABAR_REDIS_PREFIX', 'news room', /KHABAR_REDIS_PREFIX must be 1 to 64 letters/],
    ['KHABAR_MEDIA_DIR', fileURLToPath(import.meta.url), /KHABAR_MEDIA_DIR must be a folder/],
    // One S3 setting alone: the others that say where and who are named.
    ['KHABAR_S3_ENDPOINT', 'https://s3.example', /Media on S3 needs KHABAR_S3_BUCKET, KHABAR_S3_ACCESS_KEY_ID, KHABAR_S3_SECRET_ACCESS_KEY as well/],
    ['KHABAR_S3_BUCKET', 'media', /Media on S3 needs KHABAR_S3_ENDPOINT, KHABAR_S3_ACCESS_KEY_ID/],
    ['KHABAR_S3_REGION', 'eu-central-1', /Media on S3 needs KHABAR_S3_ENDPOINT, KHABAR_S3_BUCKET/],
    ['KHABAR_S3_ACCESS_KEY_ID', 'AKIA0', /Media on S3 needs KHABAR_S3_ENDPOINT, KHABAR_S3_BUCKET, KHABAR_S3_SECRET_ACCESS_KEY as well/],
    ['KHABAR_S3_SECRET_ACCESS_KEY', 'do-not-echo', /Media on S3 needs KHABAR_S3_ENDPOINT, KHABAR_S3_BUCKET, KHABAR_S3_ACCESS_KEY_ID as well/],
    ['KHABAR_S3_PATH_STYLE', '1', /Media on S3 needs/],
    ['KHABAR_DB_POOL', '0', /KHABAR_DB_POOL must be a whole number from 1 to 1000, got "0"/],
    ['KHABAR_DB_POOL', 'ten', /KHABAR_DB_POOL must be a whole number/],
    ['KHABAR_AUDIENCE', 'maybe', /KHABAR_AUDIENCE must be 1 or 0, got "maybe"/],
    ['KHABAR_AUDIENCE_RAW_DAYS', '1', /KHABAR_AUDIENCE_RAW_DAYS must be a whole number from 2 to 400, got "1"/],
  ];
  assert.deepEqual([...new Set(bad.map(([name]) => name))].sort(), [...SETTING_NAMES].sort(), 'a refused value for every setting the process reads');
  for (const [name, value, message] of bad) {
    assert.throws(() => loadConfig({ [name]: value }), (e: unknown) => e instanceof ConfigError && message.test(e.message), `${name}=${value}`);
  }
  const ok = loadConfig({
    HOST: '::', PORT: '0', LOG_LEVEL: 'warn', KHABAR_PUBLIC_URL: 'https://news.example/', KHABAR_DEMO: 'off', KHABAR_TRUST_PROXY: 'yes',
    DATABASE_URL: 'postgresql://u@h/db', REDIS_URL: 'rediss://cache.example:6380/0', SMTP_URL: 'smtps://u:p@mail.example', KHABAR_SECRET: 's'.repeat(16),
    KHABAR_PAGE_CACHE_MB: '0', KHABAR_PURGE_WEBHOOK: 'https://cdn.example/purge', KHABAR_METRICS: 'off', KHABAR_FETCH_ALLOW: '127.0.0.1/32, 10.1.2.3',
    KHABAR_ONION_URL: 'http://khabarxyz.onion/', KHABAR_MIRRORS: 'https://mirror.example/khabar/, https://other.example',
    KHABAR_REDIS_PREFIX: 'daily', KHABAR_MEDIA_DIR: '/srv/khabar-media', KHABAR_DB_POOL: '4', KHABAR_AUDIENCE: 'off', KHABAR_AUDIENCE_RAW_DAYS: '30',
  });
  assert.deepEqual({ ...ok, dataDir: undefined }, {
    host: '::', port: 0, logLevel: 'warn', publicUrl: 'https://news.example', publicUrlGiven: true, demo: false, trustProxy: true,
    databaseUrl: 'postgresql://u@h/db', redisUrl: 'rediss://cache.example:6380/0', smtpUrl: 'smtps://u:p@mail.example', secret: 's'.repeat(16), dataDir: undefined,
    pageCacheBytes: 0, purgeWebhook: 'https://cdn.example/purge', metrics: 'off', fetchAllow: ['127.0.0.1/32', '10.1.2.3'],
    onionUrl: 'http://khabarxyz.onion', mirrors: ['https://mirror.example/khabar/', 'https://other.example/'],
    redisPrefix: 'daily', mediaDir: '/srv/khabar-media', s3: null, dbPool: 4, audience: false, audienceRawDays: 30, telegramApi: 'https://api.telegram.org', pushAllow: [],
  });
  // Media on S3: all four that say where and who, the folder not named as well, a bucket's name, an address alone;
  // the secret key is never echoed.
  const s3 = { KHABAR_S3_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com/', KHABAR_S3_BUCKET: 'kabul-daily', KHABAR_S3_ACCESS_KEY_ID: 'AKIA0', KHABAR_S3_SECRET_ACCESS_KEY: 'do-not-echo' };
  assert.deepEqual(loadConfig(s3).s3, { endpoint: 'https://s3.eu-central-1.amazonaws.com', bucket: 'kabul-daily', region: 'us-east-1', accessKeyId: 'AKIA0', secretAccessKey: 'do-not-echo', pathStyle: false });
  assert.equal(loadConfig({ ...s3, KHABAR_S3_PATH_STYLE: '1', KHABAR_S3_REGION: 'auto' }).s3?.pathStyle, true);
  for (const [more, message] of [
    [{ KHABAR_MEDIA_DIR: '/srv/khabar-media' }, /KHABAR_MEDIA_DIR and KHABAR_S3_\* both say where media go/],
    [{ KHABAR_S3_ENDPOINT: 's3.example' }, /KHABAR_S3_ENDPOINT must be a http:\/\/ or https:\/\/ URL/],
    [{ KHABAR_S3_ENDPOINT: 'https://AKIA0:do-not-echo@s3.example' }, /KHABAR_S3_ENDPOINT must be the service's address alone/],
    [{ KHABAR_S3_BUCKET: 'Kabul_Daily' }, /KHABAR_S3_BUCKET must be a bucket name/],
    [{ KHABAR_S3_REGION: 'EU Central' }, /KHABAR_S3_REGION must be a region name/],
    [{ KHABAR_S3_PATH_STYLE: 'maybe' }, /KHABAR_S3_PATH_STYLE must be 1 or 0/],
  ] as const) {
    assert.throws(() => loadConfig({ ...s3, ...more }), (e: unknown) => e instanceof ConfigError && message.test(e.message) && !e.message.includes('do-not-echo'), JSON.stringify(more));
  }
  // Empty means unset: the defaults.
  const defaults = loadConfig(Object.fromEntries(SETTING_NAMES.map((name) => [name, ''])));
  assert.equal(defaults.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(defaults.publicUrlGiven, false);
  assert.equal(defaults.logLevel, 'info');
  assert.equal(defaults.secret, null);
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

test('export static writes the site into a folder, then only what changed; refuses a bad call or a foreign folder', async () => {
  const dir = tempDir();
  try {
    const env = cleanEnv(dir);
    const out = join(dir, 'mirror');
    const first = await khabar(['export', 'static', out], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Exported \d+ files to .*mirror: \d+ rendered, 0 unchanged since the last run; \d+ written, 0 unchanged, 0 removed\./m);
    assert.ok(existsSync(join(out, 'index.html')) && existsSync(join(out, 'lite', 'index.html')) && existsSync(join(out, 'sitemap.xml')));
    assert.match(first.stderr, /^\d+\/\d+ \(\d+%\)$/m, 'progress while it runs');
    const again = await khabar(['export', 'static', out], env);
    // a second run renders nothing again but the news sitemap, if any (the last 48 hours: it follows the clock)
    assert.match(again.stdout, /: [01] rendered, [1-9]\d* unchanged since the last run; 0 written, \d+ unchanged, 0 removed\./);
    const usage = await khabar(['export', 'zip', out], env);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Usage: khabar export static DIR/);
    const foreign = join(dir, 'photos');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'holiday.jpg'), 'not ours');
    const refused = await khabar(['export', 'static', foreign], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /is not empty and holds no Khabar export/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readFileSync(join(foreign, 'holiday.jpg'), 'utf8'), 'not ours');
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
      assert.doesNotMatch(s.output(), /"level":(40|50|60)/, 'a fresh data folder starts without warnings');
      assert.ok(existsSync(join(dir, 'secret.key')), 'a secret is kept in the data folder');
    } finally {
      assert.equal(await s.stop(), 0, 'a clean exit on SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve on an empty database sets about creating the demo newsroom, and says so', async () => {
  const dir = tempDir();
  try {
    // Only the start is watched here: the run's one demo newsroom (test/helpers/demo.ts) is what the other tests
    // read, so no test file seeds a demo of its own.
    const first = await serve(cleanEnv(dir), undefined, /creating the demo newsroom/i);
    await first.stop('SIGKILL');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve on a database that has the demo newsroom keeps it as it is and serves its pages; seed-demo refuses it', async () => {
  const dir = await copyDemo();
  try {
    const env = cleanEnv(dir);
    assert.ok(publishedArticles(dir) > 0, 'the demo newsroom has published articles');
    // Every story, whatever its state: its scheduled story may fall due and be published meanwhile.
    const count = countArticles(dir, '1 = 1');
    const s = await serve(env);
    try {
      assert.doesNotMatch(s.output(), /creating the demo newsroom/i);
      assert.equal((await fetch(`${s.url}healthz`)).status, 200);
      const home = await fetch(s.url);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, /href="\/articles\//, 'the home page links stories');
      // The built server still finds public/: stylesheets are addressed by their content hash and served.
      const css = /href="(\/assets\/[\w.-]+\.css\?v=([0-9a-f]+))"/.exec(html);
      assert.ok(css, 'the home page links a stylesheet');
      assert.match(css[2], /^[0-9a-f]{12}$/, 'addressed by the hash of its bytes');
      assert.equal((await fetch(new URL(css[1], s.url))).status, 200);
    } finally {
      assert.equal(await s.stop(), 0, `a clean exit on SIGTERM; the server said:\n${s.output()}`);
    }
    assert.equal(countArticles(dir, '1 = 1'), count, 'no story added');
    const refused = await khabar(['seed-demo'], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /already has content/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Children of a process (Linux), or null where /proc cannot tell. */
function childrenOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return null;
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`serve runs in the khabar process itself, from the build, and ${signal} stops it cleanly with exit code 0`, async () => {
    const dir = tempDir();
    try {
      const s = await serve(cleanEnv(dir, { KHABAR_DEMO: '0' }));
      let code: number | null;
      try {
        assert.equal((await fetch(`${s.url}healthz`)).status, 200);
        const children = childrenOf(s.pid);
        if (children) assert.deepEqual(children, [], 'no server hidden in a child process, out of reach of the signal');
        const cmdline = existsSync(`/proc/${s.pid}/cmdline`) ? readFileSync(`/proc/${s.pid}/cmdline`, 'utf8') : '';
        assert.doesNotMatch(cmdline, /tsx/, 'no TypeScript loader in production');
        assert.ok(existsSync(join(dir, 'khabar.sqlite-wal')), 'the database is open in WAL mode while serving');
      } finally {
        code = await s.stop(signal);
      }
      assert.equal(code, 0, `a clean exit on ${signal}`);
      await assert.rejects(fetch(`${s.url}healthz`), 'nothing listens any more');
      // SQLite folds the write-ahead log back into the file and removes it only when the database is closed.
      assert.equal(existsSync(join(dir, 'khabar.sqlite-wal')), false, 'the database was closed, not abandoned');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('SIGTERM to `npm start` (what a process manager started) stops the server, not only npm', async () => {
  const dir = tempDir();
  try {
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const s = await serve(cleanEnv(dir, { KHABAR_DEMO: '0' }), [...npm, 'start', '--silent']);
    const code = await s.stop('SIGTERM');
    assert.equal(code, 0, `npm start ended with ${code}:\n${s.output()}`);
    await assert.rejects(fetch(`${s.url}healthz`), 'no server left behind');
    assert.equal(existsSync(join(dir, 'khabar.sqlite-wal')), false, 'the database was closed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build follows the sources: an edited, added or removed source file means a rebuild before the next run', async () => {
  const root = mkdtempSync(join(tmpdir(), 'khabar-build-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('package.json', '{ "type": "module" }');
    write('tsconfig.json', '{}');
    write('src/auth/common_passwords.txt', 'password\n');
    write('src/words.ts', `export const word: string = 'first';\n`);
    write('src/main.ts', `import { readFileSync } from 'node:fs';\nimport { word } from './words.ts';\n` +
      `console.log(word, readFileSync(new URL('./common_passwords.txt', import.meta.url), 'utf8').trim());\n`);
    const run = () => execFileSync(process.execPath, [entryOf(root)], { encoding: 'utf8' }).trim();
    assert.equal(needsBuild(root), true, 'no build yet');
    await build(root);
    assert.equal(needsBuild(root), false);
    assert.equal(run(), 'first password', 'plain JS that finds the files it reads next to itself');

    write('src/words.ts', `export const word: string = 'second';\n`);
    assert.equal(needsBuild(root), true, 'an edited source');
    await build(root);
    assert.equal(run(), 'second password');
    assert.equal(needsBuild(root), false);

    write('src/unused.ts', 'export {};\n');
    assert.equal(needsBuild(root), true, 'an added source');
    await build(root);
    unlinkSync(join(root, 'src/unused.ts'));
    assert.equal(needsBuild(root), true, 'a removed source');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('export json, import khabar, backup and restore as processes: a refused second import, exit codes', async () => {
  const [a, b, c] = [tempDir(), tempDir(), tempDir()];
  const out = join(a, 'export');
  const file = join(a, 'backup.tar.gz');
  try {
    const env = (dir: string) => cleanEnv(dir, { KHABAR_DEMO: '0' });
    const exported = await khabar(['export', 'json', out], env(a));
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /^Exported \d+ rows of \d+ tables and 0 media files .* to .*export in [\d.]+ s/m);
    const [imported, backedUp] = await Promise.all([khabar(['import', 'khabar', out], env(b)), khabar(['backup', file], env(a))]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^Imported \d+ rows of \d+ tables/m);
    assert.equal(backedUp.status, 0, backedUp.stderr);
    assert.match(backedUp.stdout, /^Backup written to .*backup\.tar\.gz/m);
    const [wrong, restored, missing] = await Promise.all([
      khabar(['import', 'khabar'], env(b)), khabar(['restore', file], env(c)), khabar(['restore', join(a, 'none.tar.gz')], env(c)),
    ]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /Name the export folder: khabar import khabar DIR/);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /^Restored the backup of .* database, media files and secret/m);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /none\.tar\.gz: no such file/);
    assert.equal(readFileSync(join(c, 'secret.key'), 'utf8'), readFileSync(join(a, 'secret.key'), 'utf8'), 'the secret comes along');
  } finally {
    for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
  }
});
