// `khabar import wordpress` as main.ts runs it: the progress bar on stderr, the report on stdout, a dry run
// that writes nothing, and words, not a stack trace, for a wrong call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportLines } from '../../src/importers/report.ts';
import { importCommand } from '../../src/cli/import.ts';
import { createRuntime } from '../../src/runtime.ts';
import { testConfig } from '../helpers/context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/import/wordpress.xml');

test('khabar import wordpress: dry run, report and progress; wrong calls explained', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-import-cli-'));
  // The command as main.ts runs it, in this process: its output is caught instead of spawning a second Node.
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  const write = process.stderr.write;
  console.log = (line: string) => out.push(line);
  console.error = (line: string) => err.push(line);
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  const run = async (...args: string[]) => {
    out.length = 0;
    err.length = 0;
    process.exitCode = undefined;
    await importCommand(args, createRuntime, () => testConfig(dir, join(dir, 'khabar.sqlite')));
    const status = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { status, stdout: out.join('\n'), stderr: err.join('') };
  };
  try {
    const dry = await run('wordpress', FIXTURE, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run: nothing was written/m);
    assert.match(dry.stdout, /articles +8 to add, 0 already here, 0 skipped/);
    assert.match(dry.stdout, /- post 13 "Private memo": private; kept unpublished/);
    assert.match(dry.stderr, /\[#+\] 100%/);
    const wrong = await run('drupal', FIXTURE);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /Unknown import kind "drupal"/);
    const bad = await run('wordpress', join(dir, 'missing.xml'));
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /Error: .*missing\.xml: the file is missing or empty/);
  } finally {
    console.log = log;
    console.error = error;
    process.stderr.write = write;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the report says when a second run found nothing new', () => {
  const lines = reportLines({ dryRun: false, counts: { articles: { added: 0, unchanged: 8, skipped: 0 } }, warnings: [], errors: [] });
  assert.ok(lines.includes('Nothing new: everything in this export was imported before, and nothing was changed.'));
  assert.ok(!reportLines({ dryRun: false, counts: { articles: { added: 1, unchanged: 8, skipped: 0 } }, warnings: [], errors: [] }).some((l) => l.startsWith('Nothing new')));
});
