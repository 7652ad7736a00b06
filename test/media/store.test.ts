// The media store's contract, run once for each implementation: the folder instances share (KHABAR_MEDIA_DIR)
// and an S3-compatible bucket (KHABAR_S3_*, against s3rver on this machine). Two instances each with their own
// store on the same place: what one writes the other reads, a rewrite is seen whole or not at all, a missing key
// is null, and no key leaves the store. Then what only one of them has: no half-written file in the folder; wrong
// keys for the bucket are an error, not a missing picture; and a site on S3 serves its pictures under /media/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DiskMediaStore, type MediaStore } from '../../src/media/store.ts';
import { bucketAddress, MediaStoreError, S3MediaStore } from '../../src/media/s3_store.ts';
import { ingestImage, type Variant } from '../../src/media/images.ts';
import { makeTestApp } from '../helpers/context.ts';
import { startLocalS3 } from '../helpers/s3_server.ts';

interface Place {
  /** a store as one instance opens it; each call is another instance */
  open(): MediaStore;
  close(): Promise<void>;
}

const implementations: { name: string; place(): Promise<Place> }[] = [
  {
    name: 'a shared folder',
    async place() {
      const shared = mkdtempSync(join(tmpdir(), 'khabar-media-shared-'));
      return { open: () => new DiskMediaStore(shared), close: async () => rmSync(shared, { recursive: true, force: true }) };
    },
  },
  {
    name: 'an S3-compatible bucket',
    async place() {
      const s3 = await startLocalS3();
      return { open: () => new S3MediaStore(s3.settings), close: () => s3.close() };
    },
  },
];

for (const { name, place } of implementations) {
  test(`media store contract: two instances on ${name} see each other's files, whole, and no key escapes it`, async () => {
    const p = await place();
    try {
      const [a, b] = [p.open(), p.open()];
      const master = Buffer.alloc(256 * 1024, 7);
      await a.put('masters/2026/11/flood.png', master);
      assert.deepEqual(await b.get('masters/2026/11/flood.png'), master);
      assert.equal(await b.get('masters/2026/11/none.png'), null);
      // Both write the same variant at once (each made it on a first request): a reader gets one of them, whole.
      const [x, y] = [Buffer.alloc(100_000, 1), Buffer.alloc(120_000, 2)];
      await Promise.all([a.put('variants/flood-480.webp', x), b.put('variants/flood-480.webp', y)]);
      const got = await b.get('variants/flood-480.webp');
      assert.ok(got?.equals(x) || got?.equals(y), 'one write, whole');
      // A later write replaces the earlier one for every reader.
      await b.put('variants/flood-480.webp', x);
      assert.deepEqual(await a.get('variants/flood-480.webp'), x);
      // A delete by one instance is seen by the other; deleting what is not there is no error.
      await a.delete('variants/flood-480.webp');
      assert.equal(await b.get('variants/flood-480.webp'), null);
      await b.delete('variants/flood-480.webp');
      for (const key of ['../secret.key', 'a/../../etc/passwd', '/etc/passwd', 'a//b', '.hidden', 'a?x=1', 'a b']) {
        await assert.rejects(a.put(key, Buffer.from('x')), /unsafe media key/, key);
        assert.equal(await b.get(key), null, key);
        await assert.rejects(b.delete(key), /unsafe media key/, key);
      }
    } finally {
      await p.close();
    }
  });
}

test('a shared folder: a write in progress leaves no half-written file behind', async () => {
  const shared = mkdtempSync(join(tmpdir(), 'khabar-media-shared-'));
  try {
    const [a, b] = [new DiskMediaStore(shared), new DiskMediaStore(shared)];
    await Promise.all([a.put('variants/flood-480.webp', Buffer.alloc(100_000, 1)), b.put('variants/flood-480.webp', Buffer.alloc(120_000, 2))]);
    assert.deepEqual(readdirSync(join(shared, 'variants')), ['flood-480.webp']);
  } finally {
    rmSync(shared, { recursive: true, force: true });
  }
});

test('an S3 bucket: addresses in path and virtual-hosted style; refused keys are an error, not a missing picture', async () => {
  const settings = { endpoint: 'https://s3.eu-central-1.amazonaws.com', bucket: 'kabul-daily' };
  assert.equal(bucketAddress({ ...settings, pathStyle: false }), 'https://kabul-daily.s3.eu-central-1.amazonaws.com');
  assert.equal(bucketAddress({ ...settings, pathStyle: true }), 'https://s3.eu-central-1.amazonaws.com/kabul-daily');
  assert.equal(bucketAddress({ endpoint: 'http://10.0.0.5:9000/', bucket: 'media', pathStyle: true }), 'http://10.0.0.5:9000/media');
  const s3 = await startLocalS3();
  try {
    const wrong = new S3MediaStore({ ...s3.settings, accessKeyId: 'NOT-A-KEY' });
    await assert.rejects(wrong.get('masters/2026/11/flood.png'), (e: unknown) => e instanceof MediaStoreError && /HTTP 403/.test(e.message));
    await assert.rejects(wrong.put('masters/2026/11/flood.png', Buffer.from('x')), MediaStoreError);
    const noBucket = new S3MediaStore({ ...s3.settings, bucket: 'no-such-bucket' });
    await assert.rejects(noBucket.put('masters/2026/11/flood.png', Buffer.from('x')), /HTTP 404/);
  } finally {
    await s3.close();
  }
});

test('a site with its media on S3 stores the upload in the bucket and serves its variants under /media/', async () => {
  const s3 = await startLocalS3();
  const t = await makeTestApp('sqlite', { s3: s3.settings });
  try {
    assert.ok(t.ctx.media instanceof S3MediaStore, 'KHABAR_S3_* picks the bucket');
    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const row = await ingestImage(t.ctx, photo, { alt: 'Brown' });
    const webp = (JSON.parse(row.variants) as Variant[]).find((v) => v.format === 'webp')!;
    const res = await t.app.inject({ method: 'GET', url: `/media/${webp.key}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.match(String(res.headers['content-security-policy'] ?? ''), /img-src[^;]*'self'/, 'same origin: the CSP needs nothing new');
    // Made once, kept in the bucket: another instance on the same bucket reads it from there.
    assert.deepEqual(await new S3MediaStore(s3.settings).get(webp.key), res.rawPayload);
  } finally {
    await t.close();
    await s3.close();
  }
});
