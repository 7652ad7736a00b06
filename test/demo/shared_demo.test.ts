// The run's demo newsroom is built once however many test files ask at the same time; a failed build or a
// builder that died leaves the next one to build it, rather than leaving everyone waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR_VARIABLE, sharedDemo, type DemoManifest } from '../helpers/demo_store.ts';

// Each test has a run folder of its own, so that nothing here touches the run's real demo.
const roots: string[] = [];
process.once('exit', () => { for (const dir of roots) rmSync(dir, { recursive: true, force: true }); });
function newRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-shared-demo-test-'));
  roots.push(dir);
  process.env[DEMO_DIR_VARIABLE] = dir;
  return dir;
}

const made = (articles: number): DemoManifest => ({ articles, seededAt: '2026-11-25T09:00:00.000Z', dataDir: '/nowhere' });

test('many callers at once: one build, and every caller reads what it made', async () => {
  newRun();
  let builds = 0;
  const build = async () => {
    builds++;
    await new Promise((resolve) => setImmediate(resolve));
    return made(59);
  };
  const got = await Promise.all(Array.from({ length: 5 }, () => sharedDemo('sqlite', build)));
  assert.equal(builds, 1);
  for (const m of got) assert.equal(m.articles, 59);
  assert.equal((await sharedDemo('sqlite', build)).articles, 59);
  assert.equal(builds, 1, 'a later caller reads the manifest');
});

test('a build that fails frees the lock: the next caller builds', async () => {
  newRun();
  await assert.rejects(sharedDemo('postgres', async () => { throw new Error('no database'); }), /no database/);
  assert.equal((await sharedDemo('postgres', async () => made(7))).articles, 7);
});

test('a lock left by a builder that died is cleared, not waited on forever', async () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const lock = join(newRun(), 'sqlite', 'lock');
  mkdirSync(lock, { recursive: true });
  writeFileSync(join(lock, 'pid'), String(dead));
  assert.equal((await sharedDemo('sqlite', async () => made(3))).articles, 3);
});
