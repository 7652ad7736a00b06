// The media store's contract, on a folder two instances share (KHABAR_MEDIA_DIR): what one writes the other
// reads, a rewrite is seen whole or not at all, and no key leaves the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskMediaStore } from '../../src/media/store.ts';

test('two instances on one shared media folder see each other\'s files, whole, and no key escapes it', async () => {
  const shared = mkdtempSync(join(tmpdir(), 'khabar-media-shared-'));
  try {
    const a = new DiskMediaStore(shared);
    const b = new DiskMediaStore(shared);
    const master = Buffer.alloc(256 * 1024, 7);
    await a.put('masters/2026/11/flood.png', master);
    assert.deepEqual(await b.get('masters/2026/11/flood.png'), master);
    assert.equal(await b.get('masters/2026/11/none.png'), null);
    // Both write the same variant at once (each made it on a first request): a reader gets one of them, whole.
    const [x, y] = [Buffer.alloc(100_000, 1), Buffer.alloc(120_000, 2)];
    await Promise.all([a.put('variants/flood-480.webp', x), b.put('variants/flood-480.webp', y)]);
    const got = await a.get('variants/flood-480.webp');
    assert.ok(got?.equals(x) || got?.equals(y), 'one write, whole');
    assert.deepEqual(readdirSync(join(shared, 'variants')), ['flood-480.webp'], 'no half-written file left behind');
    for (const key of ['../secret.key', 'a/../../etc/passwd', '/etc/passwd', 'a//b', '.hidden']) {
      await assert.rejects(a.put(key, Buffer.from('x')), /unsafe media key/, key);
      assert.equal(await b.get(key), null, key);
    }
  } finally {
    rmSync(shared, { recursive: true, force: true });
  }
});
