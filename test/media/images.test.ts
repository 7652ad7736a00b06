import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import zlib from 'node:zlib';
import { makeTestContext } from '../helpers/context.ts';
import { ingestImage, imageSources, MAX_PIXELS } from '../../src/media/images.ts';
import { ValidationError } from '../../src/errors.ts';

async function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Someone', Artist: 'Secret Photographer' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 31/1 0/1' } })
    .toBuffer();
}

/** A PNG whose header claims width x height pixels, followed by a tiny compressed stream: the classic bomb shape. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

test('images: variants in three formats, EXIF and GPS stripped, srcset data', async () => {
  const t = await makeTestContext('sqlite');
  try {
    const input = await jpegWithGps(2000, 1000);
    assert.ok((await sharp(input).metadata()).exif, 'the fixture carries EXIF');
    const m = await ingestImage(t.ctx, input, { alt: 'A river', caption: 'The river', credit: 'Photo: Desk' });
    assert.equal(m.alt, 'A river');
    const variants = JSON.parse(m.variants) as { format: string; width: number; key: string }[];
    assert.deepEqual([...new Set(variants.map((v) => v.width))], [480, 960, 1600]);
    assert.deepEqual([...new Set(variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
    for (const v of variants) {
      const bytes = await t.ctx.media.get(v.key);
      assert.ok(bytes, v.key);
      const meta = await sharp(bytes!).metadata();
      assert.equal(meta.exif, undefined, `${v.key} has no EXIF`);
      assert.equal(meta.width, v.width);
    }
    const s = imageSources(m);
    assert.equal(s.width, 960);
    assert.equal(s.height, 480);
    assert.match(s.srcset, /\/media\/.+-480\.jpg 480w, .+-960\.jpg 960w, .+-1600\.jpg 1600w/);
    assert.deepEqual(s.sources.map((x) => x.type), ['image/avif', 'image/webp']);

    const small = await ingestImage(t.ctx, await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } }).png().toBuffer());
    assert.deepEqual([...new Set((JSON.parse(small.variants) as { width: number }[]).map((v) => v.width))], [300], 'never enlarged');
  } finally {
    await t.close();
  }
});

test('images: refuses what is not a raster image, SVG, and decompression bombs', async () => {
  const t = await makeTestContext('sqlite');
  try {
    const refuse = (bytes: Buffer, re: RegExp) => assert.rejects(ingestImage(t.ctx, bytes), (e: unknown) => e instanceof ValidationError && e.field === 'file' && re.test(e.message));
    await refuse(Buffer.from('<?php system($_GET["c"]); ?>'), /not an image/);
    await refuse(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), /SVG/);
    await refuse(Buffer.alloc(0), /empty/);
    // A PNG that claims to be enormous: refused from its header, before decoding.
    const side = Math.ceil(Math.sqrt(MAX_PIXELS)) * 10;
    const bomb = pngHeaderOnly(side, side);
    await refuse(bomb, /too many pixels|not an image/);
    const count = await t.ctx.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing stored');
  } finally {
    await t.close();
  }
});
