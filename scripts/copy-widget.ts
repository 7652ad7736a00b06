// Copies the ALTCHA widget (strict-CSP "external" build, its stylesheet and the SHA worker) from node_modules
// into public/altcha/, so the site serves it from its own origin. The copies are committed: no build step.
// Run after upgrading the altcha package: node --import tsx scripts/copy-widget.ts
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules', 'altcha');
const out = join(root, 'public', 'altcha');
mkdirSync(out, { recursive: true });
const files: [string, string][] = [
  ['dist/external/altcha.min.js', 'altcha.min.js'],
  ['dist/external/altcha.css', 'altcha.css'],
  ['dist/workers/sha.js', 'sha.js'],
  ['LICENSE.txt', 'LICENSE.txt'],
];
for (const [from, to] of files) copyFileSync(join(pkgDir, from), join(out, to));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
console.log(`copied altcha ${version} widget into public/altcha/`);
