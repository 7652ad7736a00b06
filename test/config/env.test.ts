// src/config.ts is the one reader of the environment: every setting is validated there at start, and no
// product file changes behaviour on a variable the configuration table does not name (NODE_ENV and the like).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTING_NAMES } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

test('only src/config.ts reads process.env', () => {
  const readers = sources(join(ROOT, 'src'))
    .filter((f) => /\bprocess\.env\b|\bprocess\[['"]env['"]\]/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.deepEqual(readers, ['src/config.ts']);
});

test('the README\'s configuration table names every setting, and only those', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  const named = [...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(named)].sort(), [...SETTING_NAMES].sort());
});
