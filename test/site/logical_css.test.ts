// The reader pages' style sheets mirror for right-to-left pages by themselves: every rule says start and end
// (margin-inline-start, inset-inline, text-align: start), never left and right, so dir="rtl" on a Dari or Pashto
// page flips the layout with nothing added. A rule with a physical side, or a shorthand whose left and right differ,
// fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** The reader pages' sheets, and the newsroom app's: a Dari or Pashto interface mirrors the same way. */
const SHEETS = ['public/site.css', 'public/lite.css', 'admin-ui/src/app.css', 'admin-ui/src/content.css'];

/** Shorthands whose four values run top, right, bottom, left. */
const BOX = /^(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/;

/** Each declaration of a sheet as [property, value], comments left out. */
function declarations(css: string): [string, string][] {
  const out: [string, string][] = [];
  for (const block of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\{([^{}]*)\}/g)) {
    for (const d of block[1].split(';')) {
      const i = d.indexOf(':');
      if (i > 0) out.push([d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).trim().toLowerCase()]);
    }
  }
  return out;
}

/** Why a declaration would not mirror, or null. */
function physical(prop: string, value: string): string | null {
  if (/(^|-)(left|right)(-|$)/.test(prop)) return 'a physical side in the property';
  if (/\b(left|right)\b/.test(value)) return 'a physical side in the value';
  if (prop === 'float' || prop === 'clear') return null;
  const parts = value.replace(/!important/, '').trim().split(/\s+(?![^(]*\))/);
  if (BOX.test(prop) && parts.length === 4 && parts[1] !== parts[3]) return 'left and right differ in a four-value shorthand';
  if (prop === 'border-radius') {
    const [corners] = value.split('/');
    const r = corners.trim().split(/\s+/);
    // mirrored, top-left and top-right swap, and so do bottom-left and bottom-right
    const [tl, tr, br, bl] = [r[0], r[1] ?? r[0], r[2] ?? r[0], r[3] ?? r[1] ?? r[0]];
    if (tl !== tr || bl !== br) return 'corners differ between the two sides';
  }
  return null;
}

test('the checker catches the physical properties it is meant to', () => {
  for (const [p, v] of [['margin-left', '1rem'], ['padding-right', '0'], ['left', '0'], ['text-align', 'left'], ['float', 'right'],
    ['margin', '0 1rem 0 2rem'], ['border-top-left-radius', '4px'], ['border-radius', '4px 0 0 4px'], ['background-position', 'right top']]) {
    assert.ok(physical(p, v), `${p}: ${v}`);
  }
  for (const [p, v] of [['margin-inline-start', '1rem'], ['text-align', 'start'], ['margin', '0 1rem'], ['margin', '0 0 .3rem'],
    ['border-radius', '50%'], ['inset-inline-start', '.5rem'], ['clip', 'rect(0 0 0 0)'], ['padding', '.5rem 1rem 0 1rem']]) {
    assert.equal(physical(p, v), null, `${p}: ${v}`);
  }
});

for (const sheet of SHEETS) {
  test(`${sheet} uses logical properties only, so right-to-left pages mirror`, () => {
    const css = readFileSync(new URL(`../../${sheet}`, import.meta.url), 'utf8');
    const found = declarations(css).flatMap(([p, v]) => {
      const why = physical(p, v);
      return why ? [`${p}: ${v} (${why})`] : [];
    });
    assert.ok(declarations(css).length > 20, 'the sheet was read');
    assert.deepEqual(found, []);
  });
}

test('Dari and Pashto pages get an Arabic-script font stack and a taller line', () => {
  const css = readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8');
  const rule = /:lang\(fa\),:lang\(ps\)\{([^}]*)\}/.exec(css)?.[1] ?? '';
  assert.match(rule, /font-family:"Noto Naskh Arabic",\s*"?Vazirmatn"?,.*Tahoma/);
  const lh = Number(/line-height:([\d.]+)/.exec(rule)?.[1]);
  assert.ok(lh >= 1.7, `line height ${lh}`);
});
