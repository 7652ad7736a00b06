// `khabar syndication poll [SOURCE]` as main.ts runs it, against loopback partners: a progress line per source as
// each poll ends, one source by slug or id, exit code 1 when a poll failed, and words for a wrong call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../src/runtime.ts';
import { createSource } from '../../src/content/sources.ts';
import { syndicationCommand } from '../../src/cli/syndication.ts';
import { testConfig } from '../helpers/context.ts';
import { startPartnerSites } from '../helpers/partners.ts';

test('khabar syndication poll: a progress line per source, one source by slug or id, failures in the exit code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-syndication-cli-'));
  const partners = await startPartnerSites();
  const config = () => testConfig(dir, join(dir, 'khabar.sqlite'), { fetchAllow: ['127.0.0.1/32'] });
  // The command in this process, its output caught instead of spawning a second Node.
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (line: string) => out.push(line);
  console.error = (line: string) => err.push(line);
  const run = async (...args: string[]) => {
    out.length = 0;
    err.length = 0;
    process.exitCode = undefined;
    await syndicationCommand(args, createRuntime, config);
    const status = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { status, stdout: [...out], stderr: err.join('\n') };
  };
  try {
    const setup = await createRuntime(config());
    const partner = (name: string, path: string) => createSource(setup.ctx, { name, feedUrl: `${partners.base}${path}`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false });
    await partner('Valley Herald', '/valley/feed.xml');
    const west = await partner('West Wind Weekly', '/west/atom.xml');
    await partner('Broken Feed', '/broken/feed.xml');
    await setup.close();

    const all = await run('poll');
    assert.equal(all.status, 1, 'one poll failed');
    assert.equal(all.stdout.length, 3, all.stdout.join('\n'));
    assert.match(all.stdout[0] ?? '', /^\[1\/3\] Valley Herald: ok, 3 seen, 2 new, 0 duplicates, 1 failed in \d+ ms$/);
    assert.match(all.stdout[1] ?? '', /^\[2\/3\] West Wind Weekly: ok, 2 seen, 1 new, 1 duplicates, 0 failed in \d+ ms$/);
    assert.match(all.stdout[2] ?? '', /^\[3\/3\] Broken Feed: failed \(not a readable RSS, Atom or JSON feed.*\) in \d+ ms$/);

    const one = await run('poll', 'valley-herald');
    assert.equal(one.status, 0);
    assert.match(one.stdout.join('\n'), /^\[1\/1\] Valley Herald: not modified in \d+ ms$/, 'the feed is unchanged: conditional GET');
    const byId = await run('poll', String(west));
    assert.match(byId.stdout.join('\n'), /^\[1\/1\] West Wind Weekly: not modified in \d+ ms$/);

    const unknown = await run('poll', 'no-such-partner');
    assert.deepEqual([unknown.status, unknown.stderr], [2, 'No source "no-such-partner" with a feed address.']);
    const wrong = await run('fetch');
    assert.deepEqual([wrong.status, wrong.stderr], [2, 'Usage: khabar syndication poll [SOURCE]']);
  } finally {
    console.log = log;
    console.error = error;
    await partners.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
