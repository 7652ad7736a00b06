// `khabar import wordpress` as a newsroom runs it: the progress bar on stderr, the report on stdout, a dry run
// that writes nothing, and words, not a stack trace, for a wrong call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportLines } from '../../src/importers/report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/import/wordpress.xml');

test('khabar import wordpress: dry run, report and progress; wrong calls explained', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-import-cli-'));
  try {
    const env = { ...process.env, KHABAR_DATA_DIR: dir, KHABAR_DEMO: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' };
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'import', ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const dry = run('wordpress', FIXTURE, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run: nothing was written/m);
    assert.match(dry.stdout, /articles +8 to add, 0 already here, 0 skipped/);
    assert.match(dry.stdout, /- post 13 "Private memo": private; kept unpublished/);
    assert.match(dry.stderr, /\[#+\] 100%/);
    const wrong = run('drupal', FIXTURE);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /Unknown import kind "drupal"/);
    assert.doesNotMatch(wrong.stderr, /at .*\.ts:\d+/);
    const bad = run('wordpress', join(dir, 'missing.xml'));
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /Error: .*missing\.xml: the file is missing or empty/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the report says when a second run found nothing new', () => {
  const lines = reportLines({ dryRun: false, counts: { articles: { added: 0, unchanged: 8, skipped: 0 } }, warnings: [], errors: [] });
  assert.ok(lines.includes('Nothing new: everything in this export was imported before, and nothing was changed.'));
  assert.ok(!reportLines({ dryRun: false, counts: { articles: { added: 1, unchanged: 8, skipped: 0 } }, warnings: [], errors: [] }).some((l) => l.startsWith('Nothing new')));
});
