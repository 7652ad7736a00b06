// The newsroom app's build: admin-ui/ (Vite + Preact) bundled into dist/admin/, index.html and hashed files under
// dist/admin/assets/ that the server sends with a cache-forever header (src/admin_pages/app_shell.ts). The editor
// (TipTap) lands in its own chunk, loaded when an article is opened. Rebuilt only when admin-ui/ or the installed
// packages changed (a stamp like the server build's); Vite is a devDependency, so an install without dev
// packages keeps the app already built.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const adminOutDir = (root = ROOT) => join(root, 'dist', 'admin');
const stampOf = (root) => join(adminOutDir(root), 'inputs.txt');

/** Path, size and modification time of every file under `folder` and of `more`: any edit, added or deleted file
 * changes it (the server build's stamp is made the same way). */
export function filesSignature(root, folder, more) {
  const rows = [...more];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else rows.push(p);
    }
  };
  walk(folder);
  return rows.sort().map((p) => {
    const s = statSync(p, { throwIfNoEntry: false });
    return `${relative(root, p)} ${s ? `${s.size} ${s.mtimeMs}` : 'absent'}`;
  }).join('\n');
}

const signature = (root) => filesSignature(root, join(root, 'admin-ui'), [fileURLToPath(import.meta.url), join(root, 'node_modules', '.package-lock.json')]);

export function needsAdminBuild(root = ROOT) {
  // A tree without the app (the build's own tests build a bare server) has nothing to build.
  if (!statSync(join(root, 'admin-ui'), { throwIfNoEntry: false })) return false;
  // A production install (`npm ci --omit=dev` after `npm run build`) has no Vite: the app built before is the one.
  if (!statSync(join(root, 'node_modules', 'vite', 'package.json'), { throwIfNoEntry: false })
    && statSync(join(adminOutDir(root), 'index.html'), { throwIfNoEntry: false })) return false;
  try {
    return readFileSync(stampOf(root), 'utf8') !== signature(root);
  } catch {
    return true;
  }
}

export async function buildAdmin(root = ROOT) {
  const sig = signature(root);
  let vite;
  try {
    vite = await import('vite');
  } catch {
    if (statSync(join(adminOutDir(root), 'index.html'), { throwIfNoEntry: false })) return;
    throw new Error('The newsroom app needs building and Vite is not installed: run `npm install` with dev packages.');
  }
  await vite.build({
    root: join(root, 'admin-ui'),
    base: '/admin/',
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: adminOutDir(root),
      emptyOutDir: true,
      // The preload helper Vite adds by default is an inline script; the CSP allows none, and every browser the
      // newsroom uses knows <link rel=modulepreload>.
      modulePreload: { polyfill: false },
      target: 'es2020',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1000,
    },
  });
  writeFileSync(stampOf(root), sig);
}
