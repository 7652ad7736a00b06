// The favicon, the PNG icons and the web app manifest: drawn when the newsroom has no logo, from the logo once it
// has one; ETag and 304; named in every page's head.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { makeTestApp } from '../helpers/context.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { ingestImage } from '../../src/media/images.ts';

/** The images inside an .ico: [width, PNG bytes] from its directory. */
function icoImages(ico: Buffer): [number, Buffer][] {
  assert.equal(ico.readUInt16LE(0), 0);
  assert.equal(ico.readUInt16LE(2), 1, 'an icon file');
  const n = ico.readUInt16LE(4);
  return Array.from({ length: n }, (_, i) => {
    const at = 6 + 16 * i;
    const len = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return [ico.readUInt8(at) || 256, ico.subarray(offset, offset + len)] as [number, Buffer];
  });
}

async function centre(png: Buffer): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return [...data.subarray(at, at + 3)];
}

test('site icons and manifest', async (s) => {
  const t = await makeTestApp('sqlite');
  try {
    await updateSettings(t.ctx, { name: 'Test Daily' });
    await s.test('the favicon no longer 404s: a drawn icon without a logo', async () => {
      const r = await t.app.inject('/favicon.ico');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'image/x-icon');
      const images = icoImages(r.rawPayload);
      assert.deepEqual(images.map(([w]) => w), [16, 32, 48]);
      for (const [w, png] of images) {
        const m = await sharp(png).metadata();
        assert.deepEqual([m.format, m.width, m.height], ['png', w, w]);
      }
      // Drawn: the name's first letter ("T", whose stem crosses the centre) in white on dark ink.
      const drawn = await centre((await t.app.inject('/icon-512.png')).rawPayload);
      assert.ok(drawn.every((c) => c > 220), `white letter at the centre: ${drawn}`);
      for (const [path, size] of [['/favicon.png', 32], ['/apple-touch-icon.png', 180], ['/icon-192.png', 192], ['/icon-512.png', 512]] as const) {
        const p = await t.app.inject(path);
        assert.equal(p.statusCode, 200, path);
        assert.equal(p.headers['content-type'], 'image/png');
        const m = await sharp(p.rawPayload).metadata();
        assert.deepEqual([m.width, m.height], [size, size], path);
      }
    });

    await s.test('long-cached with an ETag, 304 when unchanged', async () => {
      const r = await t.app.inject('/favicon.png');
      assert.match(String(r.headers['cache-control']), /max-age=86400/);
      const etag = String(r.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      const again = await t.app.inject({ url: '/favicon.png', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.rawPayload.length, 0);
    });

    await s.test('the manifest names the site and its icons', async () => {
      const r = await t.app.inject('/manifest.webmanifest');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^application\/manifest\+json/);
      const m = r.json() as { name: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
      assert.equal(m.name, 'Test Daily');
      assert.equal(m.start_url, '/');
      assert.deepEqual(m.icons.map((i) => [i.src, i.sizes, i.type]), [['/icon-192.png', '192x192', 'image/png'], ['/icon-512.png', '512x512', 'image/png']]);
      for (const i of m.icons) assert.equal((await t.app.inject(i.src)).statusCode, 200);
    });

    await s.test('a logo replaces the drawn icon', async () => {
      const before = await t.app.inject('/icon-512.png');
      const red = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#cc0000' } }).png().toBuffer();
      const logo = await ingestImage(t.ctx, red, { alt: 'Logo' });
      await updateSettings(t.ctx, { logoMediaId: logo.id });
      t.clock.advance(60_000);
      const after = await t.app.inject('/icon-512.png');
      assert.notEqual(after.headers.etag, before.headers.etag);
      const [r, g, b] = await centre(after.rawPayload);
      assert.ok(r > 180 && g < 40 && b < 40, `the logo's red at the centre: ${[r, g, b]}`);
      const ico = icoImages((await t.app.inject('/favicon.ico')).rawPayload);
      const [r2] = await centre(ico[2][1]);
      assert.ok(r2 > 180);
    });

    await s.test('every page names the icons and the manifest', async () => {
      const html = (await t.app.inject('/')).body;
      assert.match(html, /<link rel="icon" href="\/favicon.ico" sizes="48x48"\/?>/);
      assert.match(html, /<link rel="icon" href="\/favicon.png" type="image\/png" sizes="32x32"\/?>/);
      assert.match(html, /<link rel="apple-touch-icon" href="\/apple-touch-icon.png"\/?>/);
      assert.match(html, /<link rel="manifest" href="\/manifest.webmanifest"\/?>/);
    });
  } finally {
    await t.close();
  }
});
