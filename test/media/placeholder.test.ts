// Placeholder colours: the dominant colour of a picture, kept when it is taken in, filled in for older pictures,
// and drawn through a palette class whose rules are in the site's stylesheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dominantColour, paletteCss, placeholderClass } from '../../src/media/placeholder.ts';
import { fillPlaceholders, ingestImage, getMedia } from '../../src/media/images.ts';
import { loadSharp } from '../../src/media/sharp.ts';
import { makeTestContext, testDialects } from '../helpers/context.ts';

/** A PNG mostly of one colour, with a stripe of another. */
async function png(main: { r: number; g: number; b: number }, stripe = { r: 250, g: 250, b: 250 }): Promise<Buffer> {
  const sharp = loadSharp();
  const band = await sharp({ create: { width: 120, height: 20, channels: 3, background: stripe } }).png().toBuffer();
  return sharp({ create: { width: 120, height: 80, channels: 3, background: main } }).composite([{ input: band, top: 0, left: 0 }]).png().toBuffer();
}

const near = (hex: string, r: number, g: number, b: number) => {
  const [x, y, z] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return Math.abs(x - r) <= 16 && Math.abs(y - g) <= 16 && Math.abs(z - b) <= 16;
};

test('the dominant colour is the colour most of the picture has', async () => {
  const colour = await dominantColour(await png({ r: 30, g: 110, b: 40 }));
  assert.match(colour, /^#[0-9a-f]{6}$/);
  assert.ok(near(colour, 30, 110, 40), `${colour} is the green of most of the picture`);
});

test('palette classes: nearest colour, nothing for a bad value, every rule in site.css', () => {
  assert.equal(placeholderClass('#2b6aa9'), 'ph-26a');
  assert.equal(placeholderClass('#000000'), 'ph-222');
  assert.equal(placeholderClass('#ffffff'), 'ph-ddd');
  for (const bad of ['', 'red', '#fff', '#12345g', '#1234567', null, undefined, '";x:url(//evil)']) assert.equal(placeholderClass(bad), null, String(bad));
  const css = readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8');
  assert.equal(paletteCss().split('\n').length, 64);
  assert.ok(css.includes(paletteCss()), 'public/site.css holds the palette as paletteCss() writes it');
});

for (const dialect of testDialects()) {
  test(`an image taken in keeps its colour; older ones are filled in (${dialect})`, async () => {
    const tc = await makeTestContext(dialect);
    try {
      const row = await ingestImage(tc.ctx, await png({ r: 200, g: 40, b: 40 }), { alt: 'red' });
      assert.ok(near(row.placeholder, 200, 40, 40), `${row.placeholder} is the picture's red`);
      // a picture from before colours were kept
      await tc.ctx.db.updateTable('media').set({ placeholder: '' }).where('id', '=', row.id).execute();
      const changed: number[] = [];
      tc.ctx.events.on('content.changed', (e) => { if (e.kind === 'media') changed.push(e.id); });
      assert.equal(await fillPlaceholders(tc.ctx), 1);
      assert.ok(near((await getMedia(tc.ctx.db, row.id))!.placeholder, 200, 40, 40));
      assert.deepEqual(changed, [row.id], 'pages showing it are told (purged)');
      assert.equal(await fillPlaceholders(tc.ctx), 0, 'nothing left to fill');
    } finally {
      await tc.close();
    }
  });
}
