// A picture's placeholder colour: its dominant colour, worked out once by sharp when the picture is taken in and
// kept in its media row, so that a reader on a slow connection sees a box of the picture's colour, not a hole,
// until the bytes arrive. The pages' Content-Security-Policy allows no inline style, so a page draws the colour
// through a class: the nearest of the 64 colours of a palette whose rules sit at the end of public/site.css
// (paletteCss() writes them; a test keeps the two the same). Pictures taken in before colours were kept get theirs
// from fillPlaceholders (images.ts) when `serve` starts.
import { loadSharp } from './sharp.ts';

/** Each channel of a palette colour is one of these hex digits (doubled: 2 is 0x22). */
const LEVELS = ['2', '6', 'a', 'd'] as const;

/** The dominant colour of an image, as #rrggbb. */
export async function dominantColour(image: Buffer): Promise<string> {
  const sharp = loadSharp();
  // A thumbnail has the same dominant colour, at a fraction of the work.
  const small = await sharp(image).resize({ width: 64, height: 64, fit: 'inside' }).toBuffer();
  const { dominant } = await sharp(small).stats();
  return `#${[dominant.r, dominant.g, dominant.b].map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('')}`;
}

/** The palette class nearest to a #rrggbb colour ("ph-26a"), or null when the colour is not known. */
export function placeholderClass(colour: string | null | undefined): string | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!m) return null;
  const digit = (hex: string) => {
    const v = Number.parseInt(hex, 16);
    let best: string = LEVELS[0];
    for (const l of LEVELS) if (Math.abs(Number.parseInt(l + l, 16) - v) < Math.abs(Number.parseInt(best + best, 16) - v)) best = l;
    return best;
  };
  return `ph-${digit(m[1])}${digit(m[2])}${digit(m[3])}`;
}

/** The palette's CSS rules, one line each ("img.ph-26a{background-color:#26a}"). */
export function paletteCss(): string {
  const rules: string[] = [];
  for (const r of LEVELS) for (const g of LEVELS) for (const b of LEVELS) rules.push(`img.ph-${r}${g}${b}{background-color:#${r}${g}${b}}`);
  return rules.join('\n');
}
