// The README is the five-minute door and docs/ the reference: the README stays short, names every source folder,
// and every page it links exists; docs/configuration.md names every setting config.ts reads, and only those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTING_HELP, SETTING_NAMES } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('docs/configuration.md names every setting, and only those', () => {
  const page = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
  const named = [...page.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(named)].sort(), [...SETTING_NAMES].sort());
  for (const name of SETTING_NAMES) assert.ok(SETTING_HELP[name]?.length, `${name} has a line of help`);
});

test('the README stays under 8 KB and every page it links exists', () => {
  assert.ok(Buffer.byteLength(README) <= 8 * 1024, `README.md is ${Buffer.byteLength(README)} bytes`);
  const links = [...README.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
  assert.ok(links.length >= 10, 'the README links the reference pages');
  for (const l of links) assert.ok(existsSync(join(ROOT, l)), `README links ${l}, which exists`);
});

test("the README's map names every folder of src/", () => {
  const folders = readdirSync(join(ROOT, 'src')).filter((f) => statSync(join(ROOT, 'src', f)).isDirectory());
  for (const f of folders) assert.ok(README.includes(`\`src/${f}/\``), `README's "Where things are" names src/${f}/`);
});
