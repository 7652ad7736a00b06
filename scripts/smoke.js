// Smoke test of the built server on whichever Node runs this file (CI runs it on Node 24 from the registry's
// `node` package next to the machine's own): starts `khabar serve` with the demo newsroom on a fresh data folder,
// fetches the home page and an article, posts a comment through the JSON API with a real proof of work, stops
// the server, and prints one line. Plain JS so any Node runs it:  node scripts/smoke.js
//
// It runs a copy of the project in a temporary folder whose node_modules links to this one's, so the build and
// the data never touch the checkout. Native packages are built for one Node ABI: when better-sqlite3 (a
// node-gyp addon, not N-API) does not load in this Node, a copy is compiled for it once with npm's node-gyp and
// kept in .tmp/ (a few minutes the first time); sharp and @node-rs/argon2 are N-API and load on any Node.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from './build.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NATIVE = 'better-sqlite3';
/** Room for a slow first start on a busy machine; a hung server still ends the run. */
const READY_LIMIT_MS = 10 * 60_000;

function fail(message) {
  console.error(`smoke (Node ${process.version}): FAILED: ${message}`);
  process.exit(1);
}

/** Whether this Node can open a database with the project's own better-sqlite3. */
function nativeLoads(dir) {
  const r = spawnSync(process.execPath, ['-e', `new (require(${JSON.stringify(join(dir, NATIVE))}))(':memory:').prepare('select 1').get()`], { encoding: 'utf8' });
  return r.status === 0;
}

/** Node's headers for node-gyp: the registry package keeps them in node_modules/node-<platform>-<arch>/include. */
function nodeHeaders() {
  const top = dirname(dirname(realpathSync(process.execPath)));
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
  const want = `${NATIVE}@${version} node ${process.version}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(target, 'build', 'Release', 'better_sqlite3.node'))) return target;
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });
  const headers = nodeHeaders();
  console.log(`smoke: building ${NATIVE} ${version} for Node ${process.version} (ABI ${process.versions.modules}), once...`);
  const built = spawnSync(process.execPath, [nodeGyp(), 'rebuild', '--release', ...(headers ? [`--nodedir=${headers}`] : [])], { cwd: target, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) fail(`${NATIVE} could not be compiled for Node ${process.version} (node-gyp exited with ${built.status})`);
  writeFileSync(stamp, want);
  return target;
}

/** A copy of the project in a temporary folder, its node_modules linking to this one's (the native addon swapped in if needed). */
function projectCopy() {
  const modules = join(ROOT, 'node_modules');
  const native = nativeLoads(modules) ? null : nativeForThisNode(modules);
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

const started = Date.now();
const dir = projectCopy();
const data = join(dir, 'data');
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
  summary = `ready in ${startedIn} s with the demo newsroom; home page, article and a comment (${posted.status}) all answered`;
} catch (err) {
  await server.stop();
  fail(`${err instanceof Error ? err.message : err}\n${server.output()}`);
}
const code = await server.stop();
rmSync(dir, { recursive: true, force: true });
if (code !== 0) fail(`serve exited with ${code} on SIGTERM:\n${server.output()}`);
console.log(`smoke (Node ${process.version}): ok, ${summary}`);
