import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import zlib from 'node:zlib';
import { makeTestContext } from '../helpers/context.ts';
import { ingestImage, imageSources, MAX_PIXELS, MAX_FRAMES } from '../../src/media/images.ts';
import { variantFile } from '../../src/media/variants.ts';
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
    const kept = await t.ctx.media.get(m.storage_key.replace(/^(.*)\/(\w+)-\d+\.jpg$/, 'masters/$1/$2.png'));
    assert.ok(kept, 'a clean master is kept');
    assert.equal((await sharp(kept!).metadata()).exif, undefined, 'the master has no EXIF');
    for (const v of variants) {
      const file = await variantFile(t.ctx.media, v.key);
      assert.ok(file, v.key);
      assert.equal(file!.type, `image/${v.format}`);
      const meta = await sharp(file!.bytes).metadata();
      assert.equal(meta.exif, undefined, `${v.key} has no EXIF`);
      assert.equal(meta.width, v.width);
      assert.equal(meta.format === 'heif' ? 'avif' : meta.format, v.format);
      assert.deepEqual(await t.ctx.media.get(v.key), file!.bytes, 'made once, then kept in the store');
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

/** A GIF whose frames each cover the whole width x height screen (one colour, so the file stays tiny). */
function animatedGif(width: number, height: number, frames: number): Buffer {
  const u16 = (n: number) => [n & 0xff, n >> 8];
  // LZW, minimum code size 2: clear, then index 0 for every pixel, then end; a run of one colour compresses
  // to almost nothing, but this fixture only needs the codes of the first pixel, which libvips repeats.
  const lzw = [0x02, 0x02, 0x44, 0x01, 0x00];
  const frame = [0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, ...u16(0), ...u16(0), ...u16(1), ...u16(1), 0x00, ...lzw];
  const bytes = [...Buffer.from('GIF89a', 'latin1'), ...u16(width), ...u16(height), 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00,
    0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00];
  for (let i = 0; i < frames; i++) bytes.push(...frame);
  bytes.push(0x3b);
  return Buffer.from(bytes);
}

test('images: an animation is bounded in frames and in pixels over all its frames', async () => {
  const t = await makeTestContext('sqlite');
  try {
    const refuse = (bytes: Buffer, re: RegExp) => assert.rejects(ingestImage(t.ctx, bytes), (e: unknown) => e instanceof ValidationError && e.field === 'file' && re.test(e.message));
    const many = animatedGif(2000, 2000, 200);
    const seen = await sharp(many).metadata();
    assert.deepEqual([seen.format, seen.width, seen.pages], ['gif', 2000, 200], 'the fixture is a 200-frame 2000 x 2000 GIF');
    await refuse(many, new RegExp(`200 frames; at most ${MAX_FRAMES}`));
    // Few frames, but 20 x 4 megapixels: more than one upload may hold.
    await refuse(animatedGif(2000, 2000, 20), /too many pixels in all \(20 frames of 2000 x 2000; at most 50 megapixels together\)/);
    const count = await t.ctx.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing stored');
    // A short, small animation is an image like any other, drawn by its first frame.
    const small = await ingestImage(t.ctx, animatedGif(400, 300, 5));
    assert.equal(small.width, 400);
  } finally {
    await t.close();
  }
});
