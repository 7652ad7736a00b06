// The production build: src/main.ts and everything it imports, packages included, bundled by esbuild into one
// plain-JS file, dist/server/main.js, which `khabar` (bin/khabar.js) runs without the tsx loader. One file
// instead of some 1,000 modules: Node no longer resolves, reads and links each package file at every start,
// which took half of a restart's CPU. Left outside the bundle (loaded from node_modules as usual): native
// packages, and those loaded at first use (src/load_later.ts: sharp, argon2, pg, ioredis, nodemailer; Fastify's
// schema compilers, src/http/lazy_schemas.ts), so they stay unloaded until then.
// Files read at runtime relative to import.meta.url keep working because the bundle sits two folders below
// the project root like every file of src/<domain>/: '../../public/' still names public/, and
// common_passwords.txt is copied next to the bundle.
// Plain JS so it runs before anything is built:  node scripts/build.js
// `needsBuild()` tells whether the sources (or the installed packages) differ from those the current build was made from.
// The newsroom app (admin-ui/, Vite + Preact) is built separately into dist/admin/ (scripts/build_admin.js), only
// when its own sources changed, so that a server-only change still rebuilds in about a second.
import { statSync, readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdmin, filesSignature, needsAdminBuild } from './build_admin.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The built entry of the project at `root`. */
export const entryOf = (root = ROOT) => join(root, 'dist', 'server', 'main.js');
export const ENTRY = entryOf();
const stampOf = (root) => join(root, 'dist', 'server', 'inputs.txt');
/** Read at runtime next to the module that reads them. */
const DATA_FILES = ['src/auth/common_passwords.txt'];
/** Packages required at runtime rather than bundled: native code, or loaded only when first needed. */
const EXTERNAL = ['better-sqlite3', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];
/** npm rewrites this file on every install, update or removal: bundled package code changes with it. */
const INSTALLED = join('node_modules', '.package-lock.json');

function inputsSignature(root) {
  return filesSignature(root, join(root, 'src'), [join(root, 'tsconfig.json'), join(root, 'package.json'), fileURLToPath(import.meta.url), join(root, INSTALLED)]);
}

export function needsBuild(root = ROOT) {
  if (needsAdminBuild(root)) return true;
  try {
    statSync(entryOf(root));
    return readFileSync(stampOf(root), 'utf8') !== inputsSignature(root);
  } catch {
    return true;
  }
}

/** The node flags the `khabar` command runs with: those on bin/khabar.js's first line (`env -S node ...`). */
export function nodeFlags() {
  const first = readFileSync(join(ROOT, 'bin', 'khabar.js'), 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env(?: -S)? node\b(.*)$/.exec(first);
  if (!m) throw new Error(`bin/khabar.js does not start with a node #! line: ${first}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}

/** Writes a file whole or not at all, so a process starting meanwhile never reads half a bundle. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

export async function build(root = ROOT) {
  const signature = inputsSignature(root);
  const entry = entryOf(root);
  const outDir = dirname(entry);
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: [join(root, 'src', 'main.ts')],
      outfile: entry,
      bundle: true,
      external: EXTERNAL,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: join(root, 'tsconfig.json'),
      sourcemap: 'linked',
      // Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
      banner: { js: "import { createRequire as khabarCreateRequire } from 'node:module'; const require = khabarCreateRequire(import.meta.url);" },
      write: false,
      logLevel: 'warning',
    });
    mkdirSync(outDir, { recursive: true });
    for (const file of DATA_FILES) writeAtomically(join(outDir, basename(file)), readFileSync(join(root, file)));
    // The map first and the bundle after it; the stamp last, once the bundle it describes is in place.
    const files = [...result.outputFiles].sort((a, b) => (a.path === entry ? 1 : 0) - (b.path === entry ? 1 : 0));
    for (const f of files) writeAtomically(f.path, f.contents);
    writeAtomically(stampOf(root), signature);
  } finally {
    await esbuild.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await build();
  console.log(`built ${relative(ROOT, ENTRY)} in ${Math.round(performance.now() - started)} ms`);
  if (process.argv.includes('--server-only')) process.exit(0);
  if (needsAdminBuild()) {
    const adminStarted = performance.now();
    await buildAdmin();
    console.log(`built dist/admin/ in ${Math.round(performance.now() - adminStarted)} ms`);
  }
}
