// src/config.ts is the one reader of the environment: every setting is validated there at start, and no
// product file changes behaviour on a variable the configuration table does not name (NODE_ENV and the like;
// test/config/docs.test.ts holds docs/configuration.md to the list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
