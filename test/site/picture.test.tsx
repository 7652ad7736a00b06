// The markup inside <picture> is rendered once and kept: every input that changes it must change what is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { Picture } from '../../src/site/views/picture.tsx';
import type { MediaView } from '../../src/content/reading.ts';
import { SaveData } from '../../src/http/save_data.ts';

const variants = (id: string) => JSON.stringify([480, 960].flatMap((width) => (['avif', 'webp', 'jpeg'] as const).map((format) => ({
  format, width, height: width / 2, key: `2026/11/${id}-${width}.${format === 'jpeg' ? 'jpg' : format}`,
}))));

const media = (id: string): MediaView => ({ id: 1, storage_key: `2026/11/${id}.jpg`, width: 1920, height: 960, variants: variants(id), alt: '', caption: '', credit: '', placeholder: '' });

test('a kept picture changes with the image, display size, sizes, loading and alt text, and escapes its alt', () => {
  const river = media('river');
  const shown = (props: Partial<Parameters<typeof Picture>[0]>) => render(<Picture media={river} alt="A river" sizes="100vw" {...props} />);
  const first = shown({});
  assert.equal(shown({}), first, 'the same inputs, the same markup');
  assert.match(first, /^<picture><source type="image\/avif" srcset="\/media\/2026\/11\/river-480\.avif 480w, \/media\/2026\/11\/river-960\.avif 960w" sizes="100vw"\/>/);
  assert.match(first, /<img [^>]*alt="A river" loading="lazy" decoding="async"\/><\/picture>$/);

  assert.match(shown({ alt: 'A bridge' }), /alt="A bridge"/);
  assert.match(shown({ alt: '"><script>alert(1)</script>' }), /alt="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
  assert.doesNotMatch(shown({ alt: '"><script>alert(1)</script>' }), /<script>/);
  assert.match(shown({ sizes: '20em' }), /sizes="20em"/);
  assert.doesNotMatch(shown({ sizes: '20em' }), /sizes="100vw"/);
  assert.match(shown({ eager: true }), /loading="eager" decoding="auto" fetchpriority="high"/);
  assert.match(shown({ display: 480 }), /<img src="\/media\/2026\/11\/river-480\.jpg"/);
  assert.match(shown({ display: 960 }), /<img src="\/media\/2026\/11\/river-960\.jpg"/);
  assert.match(shown({ class: 'brand-logo' }), /^<picture class="brand-logo"><source/);
  assert.match(render(<Picture media={media('market')} alt="A river" sizes="100vw" />), /market-480\.avif/, 'another image, its own sources');
});

test('a picture shows its placeholder colour, and only its smallest variants to a reader saving data', () => {
  const river = { ...media('river'), placeholder: '#2b6aa9' };
  const normal = render(<Picture media={river} alt="A river" sizes="100vw" />);
  assert.match(normal, /<img [^>]*class="ph-26a"\/>/, 'the nearest palette colour, as a class (no inline style under the CSP)');
  assert.doesNotMatch(normal, /style=/);
  assert.doesNotMatch(render(<Picture media={media('river')} alt="A river" sizes="100vw" />), /class="ph-/, 'no colour known, no class');
  const saving = render(<SaveData.Provider value={true}><Picture media={river} alt="A river" sizes="100vw" /></SaveData.Provider>);
  assert.match(saving, /<source type="image\/avif" srcset="\/media\/2026\/11\/river-480\.avif 480w" sizes="100vw"\/>/);
  assert.match(saving, /<img src="\/media\/2026\/11\/river-480\.jpg" srcset="\/media\/2026\/11\/river-480\.jpg 480w"/);
  assert.doesNotMatch(saving, /-960\./, 'no larger variant is offered');
  assert.match(saving, /width="960" height="480"/, 'the box keeps its size');
  assert.match(render(<Picture media={river} alt="A river" sizes="100vw" />), /river-960\.avif 960w/, 'an ordinary reader still gets every width');
});
