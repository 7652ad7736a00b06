import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { makeTestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { ingestImage, type Variant } from '../../src/media/images.ts';
import type { MediaStore } from '../../src/media/store.ts';
import { ENCODING_AT_ONCE, inTurn } from '../../src/media/queue.ts';

/** A store that is not a folder (as S3 would be), counting what is written. */
class MemoryStore implements MediaStore {
  readonly files = new Map<string, Buffer>();
  readonly puts: string[] = [];
  async put(key: string, bytes: Buffer) {
    this.puts.push(key);
    this.files.set(key, bytes);
  }
  async delete(key: string) {
    this.files.delete(key);
  }
  async get(key: string) {
    return this.files.get(key) ?? null;
  }
  async remove(key: string) {
    this.files.delete(key);
  }
}

test('/media/: a variant is made at its first request, once for many requests at the same moment, then kept; nothing else is answered', async () => {
  const t = await makeTestContext('sqlite');
  const store = new MemoryStore();
  const ctx = { ...t.ctx, media: store };
  const app = await buildApp(ctx);
  try {
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const row = await ingestImage(ctx, photo, { alt: 'Blue' });
    assert.deepEqual(store.puts, [store.puts[0]], 'an upload stores only its clean master');
    assert.match(store.puts[0], /^masters\//);
    const variants = JSON.parse(row.variants) as Variant[];
    assert.equal(variants.length, 9, 'three widths in three formats, named in the row');

    const avif = variants.find((v) => v.format === 'avif' && v.width === 960)!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'GET', url: `/media/${avif.key}` })));
    for (const r of answers) {
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'image/avif');
      assert.match(String(r.headers['cache-control']), /immutable/);
      assert.deepEqual(r.rawPayload, answers[0].rawPayload);
    }
    assert.equal(store.puts.filter((k) => k === avif.key).length, 1, 'five requests at once, one encoding');
    const meta = await sharp(answers[0].rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [avif.width, avif.height]);
    const again = await app.inject({ method: 'GET', url: `/media/${avif.key}` });
    assert.equal(again.statusCode, 200);
    assert.equal(store.puts.filter((k) => k === avif.key).length, 1, 'the kept variant is served as it is');

    const jpeg = variants.find((v) => v.format === 'jpeg' && v.width === 1600)!;
    assert.equal((await app.inject({ method: 'HEAD', url: `/media/${jpeg.key}` })).statusCode, 200);
    const refused = [
      jpeg.key.replace('-1600.', '-800.'), // a width the image has no variant at
      jpeg.key.replace('-1600.', '-01600.'),
      jpeg.key.replace(/-1600\.jpg$/, '-1600.png'),
      jpeg.key.replace(/^\d{4}\/\d{2}\/[0-9a-f]+/, '2020/01/0123456789abcdef'), // no such image
      store.puts[0], // the master, with whatever the upload carried
      '../secret.key',
    ];
    for (const key of refused) {
      const r = await app.inject({ method: 'GET', url: `/media/${key}` });
      assert.equal(r.statusCode, 404, key);
      assert.match(String(r.headers['content-type']), /text\/html/, 'the site\'s own 404 page');
    }
    assert.ok(!store.puts.some((k) => k.endsWith('-800.jpg') || k.includes('0123456789abcdef')), 'nothing made for names no row holds');
  } finally {
    await app.close();
    await t.close();
  }
});

test('image work takes its turn: never more than the queue allows at the same moment', async () => {
  let now = 0;
  let most = 0;
  const work = async () => {
    now++;
    most = Math.max(most, now);
    await new Promise((resolve) => setImmediate(resolve));
    now--;
  };
  const failing = inTurn(async () => { throw new Error('damaged'); });
  await Promise.all([...Array.from({ length: 6 }, () => inTurn(work)), assert.rejects(failing, /damaged/)]);
  assert.equal(most, ENCODING_AT_ONCE);
  await inTurn(work);
  assert.equal(now, 0, 'a failure frees its turn');
});
