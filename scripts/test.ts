// Runs every test file under test/ with node's test runner (Node 20 does not expand globs itself).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'helpers' || name === 'fixtures' ? [] : find(p);
    return /\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length ? only : find('test').sort();
if (files.length === 0) {
  console.error('no test files found under test/');
  process.exit(1);
}
// A test that hangs fails after ten minutes (the whole suite takes about four), and a file whose tests are done
// ends even if something it opened stayed open, so a broken test can never hold CI until its time limit.
const flags = ['--test-concurrency=2', '--test-timeout=600000', '--test-force-exit'];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
