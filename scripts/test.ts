// Runs every test file under test/ with node's test runner (Node 20 does not expand globs itself), then prints
// the slowest files and, as the very last line, `tests: N passed, N failed, N skipped` for CI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { DEMO_DIR_VARIABLE, dropSharedDemo } from '../test/helpers/demo_store.ts';

function find(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'helpers' || name === 'fixtures' ? [] : find(p);
    return /\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

// The slowest files start first, so that no long file starts last and leaves one core idle at the end; the
// demo test first of all, since it builds the run's demo newsroom that the browser and CLI tests copy.
const FIRST = ['test/demo/', 'test/e2e/', 'test/cli/'];
const rank = (file: string) => {
  const i = FIRST.findIndex((dir) => file.startsWith(dir));
  return i < 0 ? FIRST.length : i;
};

const only = process.argv.slice(2);
const files = only.length ? only : find('test').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (files.length === 0) {
  console.error('no test files found under test/');
  process.exit(1);
}

// One folder for this run: the demo newsroom the first file that needs it builds (test/helpers/demo.ts) and
// every other file copies, and the per-test times the reporter writes.
const run = mkdtempSync(join(tmpdir(), 'khabar-test-run-'));
const timesFile = join(run, 'times.jsonl');

// No test has a time budget for its work; the ten-minute limit only ends a test that hangs, and a file whose
// tests are done ends even if something it opened stayed open, so a broken test can never hold CI.
const flags = ['--test-concurrency=2', '--test-timeout=600000', '--test-force-exit',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/test_times.js', '--test-reporter-destination=/dev/null'];
let status: number;
try {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], {
    stdio: 'inherit',
    env: { ...process.env, [DEMO_DIR_VARIABLE]: run, KHABAR_TEST_TIMES: timesFile },
  });
  // Ctrl-C reaches the runner from the terminal by itself, and a SIGTERM is passed on: either way this process
  // lives on to remove the run's folder and demo schema.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  status = report(timesFile, code);
} finally {
  await dropSharedDemo(run).catch((e: unknown) => console.error(`could not drop the shared demo schema: ${String(e)}`));
  rmSync(run, { recursive: true, force: true });
}
process.exit(status);

/** Prints the ten slowest files and the closing count; returns the exit code (non-zero when anything failed). */
function report(file: string, runnerStatus: number): number {
  const perFile = new Map<string, number>();
  let totals: Record<string, number> | undefined;
  let lines: string[] = [];
  try {
    lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    // The runner died before reporting anything: its status says so.
  }
  for (const line of lines) {
    const row = JSON.parse(line) as { file?: string; seconds?: number; totals?: Record<string, number> };
    if (row.totals) totals = row.totals;
    else if (row.file) perFile.set(row.file, (perFile.get(row.file) ?? 0) + (row.seconds ?? 0));
  }
  const slowest = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (slowest.length) {
    console.log('\nslowest test files (seconds in their tests):');
    for (const [name, seconds] of slowest) console.log(`${seconds.toFixed(1).padStart(7)}  ${relative(process.cwd(), name) || name}`);
  }
  const n = (k: string) => totals?.[k] ?? 0;
  const failed = n('fail') + n('cancelled') + (totals ? 0 : 1);
  const status = runnerStatus !== 0 || failed > 0 ? runnerStatus || 1 : 0;
  console.log(`tests: ${n('pass')} passed, ${status && !failed ? 1 : failed} failed, ${n('skipped') + n('todo')} skipped`);
  return status;
}
