// A static copy carries a manifest signed with the newsroom's Ed25519 key, and `verify-mirror` checks a copy on
// disk or on a web server against it: a whole copy verifies; a changed, removed or added file is named; a copy
// signed with another key, or whose manifest was edited, is refused outright. The key is made once and kept sealed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeDemoContext } from '../helpers/demo.ts';
import type { TestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { exportStatic } from '../../src/export/static_export.ts';
import { publicKeyFrom, rawPublicKey, signingKey, storedPublicKey } from '../../src/mirrors/signing.ts';
import { SIGNATURE, SIGNED_MANIFEST, signManifest, type SignedManifest } from '../../src/mirrors/signed_manifest.ts';
import { verifyCopy } from '../../src/mirrors/verify.ts';
import { describeReport } from '../../src/cli/verify_mirror.ts';

test('a signed static copy verifies, and every change to it is named', async (t) => {
  let tc: TestContext | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-mirror-'));
  try {
    tc = await makeDemoContext('sqlite');
    const ctx = tc.ctx;
    assert.equal(await storedPublicKey(ctx), null, 'no key until the first export needs one');
    const app = await buildApp(ctx);
    try {
      await exportStatic(app, dir);
    } finally {
      await app.close();
    }
    const publicKey = await storedPublicKey(ctx);
    assert.ok(publicKey && publicKey.length === 43, 'the export made the key');
    assert.equal((await signingKey(ctx)).publicKey, publicKey, 'the same key every time');
    const sealed = await ctx.db.selectFrom('mirror_settings').select('value').executeTakeFirstOrThrow();
    assert.ok(!sealed.value.includes('MC4CAQAwBQYDK2Vw'), 'the private key is stored sealed, not as plain PKCS#8');
    const key = publicKeyFrom(publicKey)!;
    const manifest = JSON.parse(readFileSync(join(dir, SIGNED_MANIFEST), 'utf8')) as SignedManifest;
    assert.ok(Object.keys(manifest.files).length > 50 && manifest.files['index.html'], 'every file is listed');

    await t.test('the whole copy verifies, from disk and from a web server', async () => {
      const r = await verifyCopy(dir, key);
      assert.equal(r.ok, true, describeReport(dir, r).join('\n'));
      assert.equal(r.checked, Object.keys(manifest.files).length);
      const server = createServer((req, res) => {
        try {
          res.end(readFileSync(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        const web = await verifyCopy(url, key);
        assert.equal(web.ok, true, describeReport(url, web).join('\n'));
        assert.equal(web.manifestHash, r.manifestHash);
      } finally {
        server.close();
      }
    });

    await t.test('a changed, a removed and an added file are each named', async () => {
      const page = Object.keys(manifest.files).find((f) => f.startsWith('articles/') && f.endsWith('.html'))!;
      const gone = Object.keys(manifest.files).find((f) => f.endsWith('.xml'))!;
      const original = readFileSync(join(dir, page));
      const goneBytes = readFileSync(join(dir, gone));
      appendFileSync(join(dir, page), '<script src="https://evil.example/x.js"></script>');
      unlinkSync(join(dir, gone));
      writeFileSync(join(dir, 'extra.html'), '<p>not the newsroom</p>');
      try {
        const r = await verifyCopy(dir, key);
        assert.equal(r.ok, false);
        assert.deepEqual(r.changed, [page]);
        assert.deepEqual(r.missing, [gone]);
        assert.deepEqual(r.extra, ['extra.html']);
        assert.match(describeReport(dir, r).join('\n'), /1 changed: .*\n1 missing: .*\n1 not in the manifest: extra\.html\nNOT VERIFIED/);
      } finally {
        writeFileSync(join(dir, page), original);
        writeFileSync(join(dir, gone), goneBytes);
        unlinkSync(join(dir, 'extra.html'));
      }
      assert.equal((await verifyCopy(dir, key)).ok, true, 'put back, it verifies again');
    });

    await t.test('an edited manifest or another key is refused outright', async () => {
      const bytes = readFileSync(join(dir, SIGNED_MANIFEST));
      const sig = readFileSync(join(dir, SIGNATURE), 'utf8');
      const other = generateKeyPairSync('ed25519');
      assert.equal((await verifyCopy(dir, publicKeyFrom(rawPublicKey(other.publicKey))!)).problem, 'signature', 'a copy checked with another key');
      // a faker re-signs the manifest with their own key: under the newsroom's key it is refused
      const forged = signManifest({ ...manifest, files: { ...manifest.files, 'index.html': '0'.repeat(64) } }, other.privateKey);
      writeFileSync(join(dir, SIGNED_MANIFEST), forged.bytes);
      writeFileSync(join(dir, SIGNATURE), forged.signature);
      try {
        const r = await verifyCopy(dir, key);
        assert.equal(r.problem, 'signature');
        assert.match(describeReport(dir, r)[0], /NOT VERIFIED: its manifest is not signed with the newsroom's key/);
        writeFileSync(join(dir, SIGNED_MANIFEST), Buffer.concat([bytes.subarray(0, 40), Buffer.from(' '), bytes.subarray(40)]));
        writeFileSync(join(dir, SIGNATURE), sig);
        assert.equal((await verifyCopy(dir, key)).problem, 'signature', 'one byte added to the manifest');
      } finally {
        writeFileSync(join(dir, SIGNED_MANIFEST), bytes);
        writeFileSync(join(dir, SIGNATURE), sig);
      }
      assert.equal((await verifyCopy(join(dir, 'no-such-folder'), key)).problem, 'format');
      assert.equal(publicKeyFrom('not a key'), null);
    });
  } finally {
    await tc?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
