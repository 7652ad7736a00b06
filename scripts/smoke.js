// Smoke test of the built server on whichever Node runs this file (CI runs it on Node 24 from the registry's
// `node` package next to the machine's own): starts `khabar serve` with the demo newsroom on a fresh data folder,
// fetches the home page and an article, posts a comment through the JSON API with a real proof of work, stops
// the server, and prints one line. Plain JS so any Node runs it:  node scripts/smoke.js
//
// It runs a copy of the project in a temporary folder whose node_modules links to this one's, so the build and
// the data never touch the checkout. Native packages are built for one Node ABI: when better-sqlite3 (a
// node-gyp addon, not N-API) does not load in this Node, a copy is compiled for it once with npm's node-gyp and
// kept in .tmp/ (a few minutes the first time); sharp and @node-rs/argon2 are N-API and load on any Node.
// On Node 24.19 and later it is built against Node 24.18.1's headers, fetched once as the registry's `node`
// package: 24.19 made node::ObjectWrap (which better-sqlite3 12 builds on) register a cleanup hook whose removal
// aborts the process when an idle garbage collection frees a statement ("Assertion failed: (env) != nullptr",
// nodejs/node#65446); built against the earlier headers the same addon runs cleanly on every 24.x. Khabar stays
// on better-sqlite3 12 while it supports Node 20 (13 needs 22); a newsroom on Node 24 must build it the same way.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from './build.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NATIVE = 'better-sqlite3';
/** Room for a slow first start on a busy machine; a hung server still ends the run. */
const READY_LIMIT_MS = 10 * 60_000;

/** The temporary copy of the project, removed however the run ends. */
let copy = null;

function fail(message) {
  console.error(`smoke (Node ${process.version}): FAILED: ${message}`);
  if (copy) rmSync(copy, { recursive: true, force: true });
  process.exit(1);
}

/** Whether this Node can open a database with the project's own better-sqlite3. */
function nativeLoads(dir) {
  const r = spawnSync(process.execPath, ['-e', `new (require(${JSON.stringify(join(dir, NATIVE))}))(':memory:').prepare('select 1').get()`], { encoding: 'utf8' });
  return r.status === 0;
}

/** Whether the better-sqlite3 in `dir` lives through what a server does all day: statements prepared and
 * dropped in their thousands, then idle garbage collections (the 24.19 headers abort here, 3 runs in 3). */
function nativeSurvivesIdle(dir) {
  const script = `const db = new (require(${JSON.stringify(join(dir, NATIVE))}))(':memory:'); db.exec('create table t (a)');
    (async () => { for (let r = 0; r < 20; r++) { for (let i = 0; i < 5000; i++) { db.prepare('insert into t values (?)').run(i); await null; }
    await new Promise((ok) => setTimeout(ok, 300)); } await new Promise((ok) => setTimeout(ok, 8000)); })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return r.status === 0 ? null : `${r.stderr}`.split('\n').find((l) => /Assertion|Error/.test(l)) ?? `exit ${r.status ?? r.signal}`;
}

/** Headers to build native addons against, by Node major line (see the top of this file). */
const HEADERS_FOR = { 24: '24.18.1' };

function newerThan(version, than) {
  const [a, b] = [version, than].map((v) => v.replace(/^v/, '').split('.').map(Number));
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The headers' Node version and folder for node-gyp: this Node's own, unless its line needs older ones. */
function nodeHeaders() {
  const pinned = HEADERS_FOR[process.versions.node.split('.')[0]];
  if (pinned && newerThan(process.versions.node, pinned) > 0) {
    const prefix = join(ROOT, '.tmp', `node-headers-${pinned}`);
    if (!headersUnder(prefix)) {
      mkdirSync(prefix, { recursive: true });
      writeFileSync(join(prefix, 'package.json'), '{"name":"khabar-node-headers","private":true}\n');
      const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `node@${pinned}`], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0 || !headersUnder(prefix)) fail(`could not fetch Node ${pinned}'s headers (npm install node@${pinned})`);
    }
    return { version: pinned, dir: headersUnder(prefix) };
  }
  return { version: process.versions.node, dir: headersBeside(process.execPath) };
}

/** The include/node folder's parent inside an installed registry `node` package. */
function headersUnder(prefix) {
  const bin = join(prefix, 'node_modules', 'node', 'bin', 'node');
  return existsSync(bin) ? headersBeside(bin) : undefined;
}

/** The registry package keeps the headers in node_modules/node-<platform>-<arch>/include, a download in include/. */
function headersBeside(execPath) {
  const top = dirname(dirname(realpathSync(execPath)));
  const candidates = [top, ...(existsSync(join(top, 'node_modules')) ? readdirSync(join(top, 'node_modules')).map((n) => join(top, 'node_modules', n)) : [])];
  return candidates.find((d) => existsSync(join(d, 'include', 'node', 'node_version.h')));
}

/** npm's own node-gyp (npm ships it for exactly this). */
function nodeGyp() {
  const npm = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' }).stdout?.trim();
  const found = [npm && join(npm, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]
    .find((p) => p && existsSync(p));
  if (!found) fail('better-sqlite3 needs a build for this Node, and npm\'s node-gyp was not found');
  return found;
}

/** A better-sqlite3 built for this Node's ABI, compiled once into .tmp/native-abi<N>/. */
function nativeForThisNode(modules) {
  const source = realpathSync(join(modules, NATIVE));
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const home = join(ROOT, '.tmp', `native-abi${process.versions.modules}`);
  const target = join(home, NATIVE);
  const stamp = join(home, 'built-for.txt');
  const headers = nodeHeaders();
  const want = `${NATIVE}@${version} node ${process.version} headers ${headers.version}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(target, 'build', 'Release', 'better_sqlite3.node'))) return target;
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });
  console.log(`smoke: building ${NATIVE} ${version} for Node ${process.version} (ABI ${process.versions.modules}, headers ${headers.version}), once...`);
  const args = [nodeGyp(), 'rebuild', '--release', `--jobs=${availableParallelism()}`, ...(headers.dir ? [`--nodedir=${headers.dir}`] : [])];
  const built = spawnSync(process.execPath, args, { cwd: target, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) fail(`${NATIVE} could not be compiled for Node ${process.version} (node-gyp exited with ${built.status}):\n${`${built.stderr}`.slice(-3000)}`);
  writeFileSync(stamp, want);
  return target;
}

/** A copy of the project in a temporary folder, its node_modules linking to this one's (the native addon swapped in if needed). */
function projectCopy() {
  const modules = join(ROOT, 'node_modules');
  // The installed addon when it loads and lives through idle collections; otherwise one built for this Node.
  const usable = nativeLoads(modules) && !nativeSurvivesIdle(modules);
  const native = usable ? null : nativeForThisNode(modules);
  const dies = native && nativeSurvivesIdle(dirname(native));
  if (dies) fail(`${NATIVE} built at ${native} ends the process after idle garbage collections on Node ${process.version}: ${dies.trim()}`);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-smoke-'));
  for (const part of ['src', 'bin', 'scripts', 'public', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name === '.bin' || name.startsWith('.')) continue;
    symlinkSync(name === NATIVE && native ? native : realpathSync(join(modules, name)), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Starts `khabar serve` as `npx khabar` does and resolves with its URL once it says it is ready. */
function serve(dir, dataDir) {
  const env = { ...process.env, KHABAR_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', KHABAR_DEMO: '1', LOG_LEVEL: 'warn' };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|REDIS_URL|SMTP_URL|KHABAR_PUBLIC_URL|KHABAR_SECRET|KHABAR_TRUST_PROXY)$/.test(k)) delete env[k];
  const child = spawn(process.execPath, [...nodeFlags(), join(dir, 'bin', 'khabar.js'), 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${READY_LIMIT_MS / 1000} s:\n${out}`)), READY_LIMIT_MS);
    const onData = (b) => {
      out += b;
      const m = /Khabar is ready: (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}) before it was ready:\n${out}`)); });
  });
  return { ready, exited, output: () => out, stop: () => { child.kill('SIGTERM'); return exited; } };
}

async function page(url) {
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200 || !/^<!doctype html>/i.test(html)) throw new Error(`GET ${url} answered ${res.status}`);
  return html;
}

/** Posts a comment as the widget does: fetch a challenge, solve it, wait out the minimum time, send JSON-accepting form. */
async function postComment(base, articleId) {
  const require = createRequire(join(ROOT, 'package.json'));
  const { solveChallenge } = await import(require.resolve('altcha-lib'));
  const { deriveKey } = await import(require.resolve('altcha-lib/algorithms/sha'));
  const fetchedAt = Date.now();
  const challenge = await (await fetch(`${base}/comments/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the proof of work');
  // A comment sent sooner than a person could type one is refused (minSubmitSeconds, 3 s by default).
  await new Promise((r) => setTimeout(r, Math.max(0, fetchedAt + 3500 - Date.now())));
  const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  const body = `Smoke test on Node ${process.version}: the river crossing reopened this morning.`;
  const res = await fetch(`${base}/comments`, {
    method: 'POST',
    headers: { origin: base, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ article_id: articleId, comment: body, name: 'Smoke Test', altcha }),
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok || !answer || !['approved', 'pending'].includes(answer.status)) throw new Error(`POST /comments answered ${res.status} ${JSON.stringify(answer)}`);
  return { status: answer.status, body };
}

const dir = projectCopy();
copy = dir;
const data = join(dir, 'data');
// Timed from the server's spawn: preparing the copy (and the native addon for this Node) is not the server's start.
const started = Date.now();
const server = serve(dir, data);
let summary = '';
try {
  const base = await server.ready;
  const startedIn = ((Date.now() - started) / 1000).toFixed(1);
  const home = await page(`${base}/`);
  const slug = /href="\/articles\/([^"#?]+)"/.exec(home)?.[1];
  if (!slug) throw new Error('the home page links no article');
  const article = await page(`${base}/articles/${slug}`);
  const articleId = /name="article_id" value="(\d+)"/.exec(article)?.[1];
  if (!articleId) throw new Error(`the article ${slug} has no comment form`);
  const posted = await postComment(base, articleId);
  if (posted.status === 'approved' && !(await page(`${base}/articles/${slug}`)).includes(posted.body.split(':')[0])) {
    throw new Error('the published comment is not on the article page');
  }
  // Readers keep reading, then the server idles: an addon that cannot survive an idle garbage collection (see
  // the top of this file) has ended the process by the time /healthz is asked.
  for (let i = 0; i < 40; i++) await page(`${base}/articles/${slug}`);
  await new Promise((r) => setTimeout(r, 10_000));
  const health = await fetch(`${base}/healthz`).catch((err) => ({ status: String(err) }));
  if (health.status !== 200) throw new Error(`/healthz after an idle spell answered ${health.status}`);
  summary = `ready in ${startedIn} s with the demo newsroom; home page, article, a comment (${posted.status}) and /healthz after an idle spell all answered`;
} catch (err) {
  await server.stop();
  fail(`${err instanceof Error ? err.message : err}\n${server.output()}`);
}
const code = await server.stop();
rmSync(dir, { recursive: true, force: true });
if (code !== 0) fail(`serve exited with ${code} on SIGTERM:\n${server.output()}`);
console.log(`smoke (Node ${process.version}): ok, ${summary}`);
