// The mirrors job brings every mirror up to date: a real S3-compatible server (s3rver), a real SFTP host (OpenSSH
// on the loopback), a bare git repository and a folder. The first push sends the whole signed copy; after a story
// changes (and the debounce passes on the controllable clock), the next push sends only the changed files (an older
// story: the newest ones are in every page's rails, so a change to one of them changes most of the copy); a file
// altered on a mirror is found by the deep check, shown in the mirror's status, and put right by the next push.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoContext } from '../helpers/demo.ts';
import type { TestContext } from '../helpers/context.ts';
import { startLocalS3, type LocalS3 } from '../helpers/s3_server.ts';
import { startLocalSftp, type LocalSftp } from '../helpers/sftp_server.ts';
import { buildApp } from '../../src/app.ts';
import { exportStatic } from '../../src/export/static_export.ts';
import { updateArticle } from '../../src/content/articles.ts';
import { addMirror, checkMirrors, listMirrors, removeMirror, type Mirror } from '../../src/mirrors/mirrors.ts';
import { copyDir, DEBOUNCE_MS, mirrorTick, RETRY_MS, setSiteExporter, watchForChanges } from '../../src/mirrors/schedule.ts';
import { openTarget, type TargetSettings } from '../../src/mirrors/targets.ts';
import { signingKey } from '../../src/mirrors/signing.ts';
import { SIGNED_MANIFEST, sha256Hex, type SignedManifest } from '../../src/mirrors/signed_manifest.ts';
import { verifyCopy, verifyWith } from '../../src/mirrors/verify.ts';
import { ValidationError } from '../../src/errors.ts';

test('mirrors on a bucket, an SFTP host, a git remote and a folder get the copy, then only what changed', async (t) => {
  let tc: TestContext | undefined;
  let s3: LocalS3 | undefined;
  let sftp: LocalSftp | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'khabar-mirrors-'));
  const bare = join(tmp, 'site.git');
  const folder = join(tmp, 'folder');
  try {
    tc = await makeDemoContext('sqlite');
    const { ctx, clock } = tc;
    s3 = await startLocalS3('khabar-mirror');
    sftp = await startLocalSftp();
    if (!sftp) t.diagnostic('sshd is not installed: the SFTP mirror is left out (.ci/run installs openssh-server)');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
    const app = await buildApp(ctx);
    t.after(() => app.close());
    setSiteExporter(ctx, (dir) => exportStatic(app, dir));
    const unwatch = watchForChanges(ctx);
    t.after(unwatch);

    const targets: Record<string, TargetSettings> = {
      bucket: { kind: 's3', ...s3.settings, prefix: 'site' },
      git: { kind: 'git', remote: `file://${bare}`, branch: 'main', privateKey: '' },
      folder: { kind: 'folder', path: folder },
      ...(sftp ? { sftp: { kind: 'sftp' as const, host: sftp.host, port: sftp.port, username: sftp.username, privateKey: sftp.privateKey, hostKey: sftp.hostKey, path: join(sftp.root, 'site') } } : {}),
    };
    const mirrors: Record<string, Mirror> = {};
    for (const [name, target] of Object.entries(targets)) {
      const { kind, ...rest } = target;
      mirrors[name] = await addMirror(ctx, { kind, name, publicUrl: `https://${name}.mirror.example/`, target: rest });
    }
    const listed = await listMirrors(ctx);
    assert.ok(listed.every((m) => m.status === 'new'));
    assert.ok(!JSON.stringify(listed).includes(s3.settings.secretAccessKey === 'S3RVER' ? 'BEGIN OPENSSH' : 'S3RVER'), 'no credential is shown');
    const stored = await ctx.db.selectFrom('mirrors').select('target').execute();
    assert.ok(stored.every((r) => !r.target.includes('PRIVATE KEY') && !r.target.includes(folder)), 'places and credentials are stored sealed');

    const key = createPublicKey((await signingKey(ctx)).privateKey);
    const publicHolds = async (name: string) => {
      const target = await openTarget(targets[name], join(tmp, `check-${name}`));
      try {
        return await verifyWith(target.read, key, { concurrency: 4 });
      } finally {
        await target.close();
      }
    };

    const first = await mirrorTick(ctx);
    assert.equal(first.exported, true);
    assert.deepEqual(first.pushed.sort(), Object.values(mirrors).map((m) => m.id).sort());
    const files = Object.keys((JSON.parse(readFileSync(join(copyDir(ctx), SIGNED_MANIFEST), 'utf8')) as SignedManifest).files).length;
    for (const m of await listMirrors(ctx)) {
      assert.equal(m.status, 'current', `${m.name}: ${m.detail}`);
      assert.equal(m.detail, `sent ${files} files, removed 0`);
    }
    for (const name of Object.keys(targets)) {
      const r = await publicHolds(name);
      assert.equal(r.ok, true, `${name} holds the whole signed copy: ${JSON.stringify(r).slice(0, 300)}`);
      assert.equal(r.checked, files);
    }
    const home = await app.inject({ method: 'GET', url: '/' });
    for (const name of Object.keys(targets)) assert.match(home.body, new RegExp(`${name}\\.mirror\\.example`), `the footer lists the current mirror ${name}`);
    // the mirrors came up: the copies' own footers are brought to list them too, once the debounce has passed
    assert.equal((await mirrorTick(ctx)).exported, false);
    clock.advance(DEBOUNCE_MS);
    assert.equal((await mirrorTick(ctx)).exported, true);
    const copyHome = readFileSync(join(folder, 'index.html'), 'utf8');
    for (const name of Object.keys(targets)) assert.match(copyHome, new RegExp(`${name}\\.mirror\\.example`), `every copy's footer lists ${name}`);

    await t.test('nothing changed: nothing is exported or sent', async () => {
      clock.advance(60_000);
      const r = await mirrorTick(ctx);
      assert.equal(r.exported, false);
    });

    await t.test('a story changes: after the debounce only the changed files go to each mirror', async () => {
      const story = await ctx.db.selectFrom('articles').select(['id', 'slug']).where('status', '=', 'published').where('language', '=', 'en')
        .where('source_id', 'is', null).orderBy('published_at', 'asc').executeTakeFirstOrThrow();
      await updateArticle(ctx, story.id, { headline: 'A headline corrected for every mirror' }, { userId: null });
      assert.equal((await mirrorTick(ctx)).exported, false, 'not while edits may still come');
      clock.advance(DEBOUNCE_MS);
      const r = await mirrorTick(ctx);
      assert.equal(r.exported, true, 'within the debounce and one tick of the change (well under a minute)');
      for (const m of await listMirrors(ctx)) {
        assert.equal(m.status, 'current', m.detail);
        const sent = Number(/^sent (\d+) files/.exec(m.detail)?.[1]);
        assert.ok(sent > 0 && sent < files / 4, `${m.name}: only what changed was sent (${m.detail} of ${files})`);
      }
      for (const name of Object.keys(targets)) {
        const target = await openTarget(targets[name], join(tmp, `read-${name}`));
        try {
          const page = await target.read(`articles/${story.slug}.html`) ?? await target.read(`articles/${story.slug}/index.html`);
          assert.match(String(page), /A headline corrected for every mirror/, `${name} shows the change`);
        } finally {
          await target.close();
        }
      }
      const log = execFileSync('git', ['--git-dir', bare, 'log', '--format=%s', 'main'], { encoding: 'utf8' }).trim().split('\n');
      assert.equal(log.length, 3, 'one commit per push on the git remote (the first, the footers, the story)');
    });

    await t.test('a file altered on a mirror: the deep check marks it changed, verify-mirror names it, the next push repairs it', async () => {
      const manifest = JSON.parse(readFileSync(join(copyDir(ctx), SIGNED_MANIFEST), 'utf8')) as SignedManifest;
      const page = Object.keys(manifest.files).find((f) => f.endsWith('.html') && f.startsWith('articles/'))!;
      writeFileSync(join(folder, page), '<p>An altered page</p>');
      const latest = sha256Hex(readFileSync(join(copyDir(ctx), SIGNED_MANIFEST)));
      await checkMirrors(ctx, latest, { deep: true });
      const after = await listMirrors(ctx);
      const changed = after.find((m) => m.name === 'folder')!;
      assert.equal(changed.status, 'changed');
      assert.match(changed.detail, new RegExp(`1 changed, 0 missing: ${page.replace(/[.]/g, '\\.')}`));
      assert.ok(after.filter((m) => m.name !== 'folder').every((m) => m.status === 'current'), 'the others stay current');
      const home = await app.inject({ method: 'GET', url: '/' });
      assert.doesNotMatch(home.body, /folder\.mirror\.example/, 'a changed mirror is no longer listed in footers');
      const report = await verifyCopy(folder, key);
      assert.equal(report.ok, false);
      assert.deepEqual(report.changed, [page]);
      clock.advance(RETRY_MS);
      const r = await mirrorTick(ctx);
      assert.ok(r.pushed.includes(changed.id));
      assert.equal((await verifyCopy(folder, key)).ok, true, 'sent whole again, the copy verifies');
      assert.equal((await listMirrors(ctx)).find((m) => m.name === 'folder')!.status, 'current');
    });

    await t.test('bad settings get a clear message; an unreachable mirror fails alone', async () => {
      const bad = async (kind: string, target: Record<string, unknown>, field: string) => {
        await assert.rejects(addMirror(ctx, { kind, name: 'x', publicUrl: 'https://x.example/', target }), (e: unknown) => e instanceof ValidationError && e.field === field);
      };
      await bad('ftp', {}, 'kind');
      await bad('s3', { ...s3!.settings, endpoint: 'ftp://x' }, 'endpoint');
      await bad('sftp', { host: 'h', username: 'u', privateKey: 'not a key', path: '/srv' }, 'privateKey');
      await bad('git', { remote: 'ext::sh -c touch /tmp/x' }, 'remote');
      await bad('folder', { path: 'relative/path' }, 'path');
      await assert.rejects(addMirror(ctx, { kind: 'folder', name: 'x', publicUrl: 'javascript:alert(1)', target: { path: '/tmp/x' } }), ValidationError);
      const broken = await addMirror(ctx, { kind: 'git', name: 'broken', publicUrl: 'https://broken.example/', target: { remote: `file://${join(tmp, 'no-such.git')}` } });
      clock.advance(RETRY_MS);
      await mirrorTick(ctx);
      const all = await listMirrors(ctx);
      const b = all.find((m) => m.id === broken.id)!;
      assert.equal(b.status, 'failing');
      assert.match(b.detail, /^push failed: /);
      assert.ok(all.filter((m) => m.id !== broken.id).every((m) => m.status === 'current'));
      await removeMirror(ctx, broken.id);
    });
  } finally {
    await tc?.close();
    await s3?.close();
    await sftp?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
