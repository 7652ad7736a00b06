// The demo newsroom's pictures, drawn locally as SVG and rasterised with sharp (no downloads): abstract hero
// illustrations, initials portraits, partner logos and the site logo. Each goes through ingestImage like an upload.
import { loadSharp } from '../media/sharp.ts';
import type { AppContext } from '../context.ts';
import { ingestImage, type MediaRow } from '../media/images.ts';
import { seeded } from './compose.ts';

export interface Palette {
  name: string;
  /** background, two accents, light */
  colors: [string, string, string, string];
  /** words for the alt text: "deep blue", "ochre", ... */
  words: [string, string, string];
}

export const PALETTES: Palette[] = [
  { name: 'dusk', colors: ['#1d3557', '#e9a23b', '#457b9d', '#f1faee'], words: ['deep blue', 'ochre', 'steel blue'] },
  { name: 'earth', colors: ['#5a3d2b', '#d98f4e', '#8aa05b', '#f4ead5'], words: ['earth brown', 'apricot', 'olive green'] },
  { name: 'lapis', colors: ['#14213d', '#3a86ff', '#fca311', '#e5e5e5'], words: ['navy', 'bright blue', 'amber'] },
  { name: 'pomegranate', colors: ['#4a0e23', '#d1495b', '#edae49', '#fbeee0'], words: ['dark wine', 'pomegranate red', 'saffron'] },
  { name: 'valley', colors: ['#0b3d2e', '#40916c', '#b7e4c7', '#f6fff8'], words: ['forest green', 'jade', 'pale mint'] },
  { name: 'dust', colors: ['#3d405b', '#e07a5f', '#f2cc8f', '#f4f1de'], words: ['slate', 'terracotta', 'sand'] },
  { name: 'river', colors: ['#023047', '#219ebc', '#ffb703', '#edf6f9'], words: ['ink blue', 'turquoise', 'marigold'] },
  { name: 'plum', colors: ['#2d1e2f', '#7b2cbf', '#ff9e00', '#f8edeb'], words: ['near black', 'violet', 'orange'] },
];

const SHAPES = ['overlapping circles', 'angled bands', 'a field of dots', 'layered ridges'] as const;

async function png(svg: string): Promise<Buffer> {
  const sharp = loadSharp();
  // Handed straight to ingestImage, which keeps its own lossless master: fast compression is enough.
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}

/** An abstract 1600x900 illustration; returns the SVG and words describing it. */
export function heroSvg(index: number): { svg: string; alt: string } {
  const pal = PALETTES[index % PALETTES.length];
  const [bg, a, b, light] = pal.colors;
  const random = seeded(1000 + index);
  // Past the first round of palettes, each palette meets a different shape.
  const shape = SHAPES[(index + Math.floor(index / PALETTES.length)) % SHAPES.length];
  const parts: string[] = [];
  if (shape === 'overlapping circles') {
    for (let i = 0; i < 7; i++) {
      const r = 120 + random() * 260;
      parts.push(`<circle cx="${(random() * 1600).toFixed(0)}" cy="${(random() * 900).toFixed(0)}" r="${r.toFixed(0)}" fill="${i % 2 ? a : b}" fill-opacity="${(0.35 + random() * 0.4).toFixed(2)}"/>`);
    }
  } else if (shape === 'angled bands') {
    for (let i = 0; i < 6; i++) {
      const y = i * 170 - 100 + random() * 60;
      parts.push(`<polygon points="0,${y.toFixed(0)} 1600,${(y - 260).toFixed(0)} 1600,${(y - 160).toFixed(0)} 0,${(y + 100 + random() * 40).toFixed(0)}" fill="${[a, b, light][i % 3]}" fill-opacity="0.6"/>`);
    }
  } else if (shape === 'a field of dots') {
    for (let x = 80; x < 1600; x += 110) {
      for (let y = 80; y < 900; y += 110) {
        const r = 10 + random() * 34;
        parts.push(`<circle cx="${x}" cy="${y}" r="${r.toFixed(0)}" fill="${random() < 0.5 ? a : b}"/>`);
      }
    }
  } else {
    for (let i = 0; i < 5; i++) {
      const base = 380 + i * 110;
      const pts = [`0,900`];
      for (let x = 0; x <= 1600; x += 200) pts.push(`${x},${(base - random() * 180).toFixed(0)}`);
      pts.push('1600,900');
      parts.push(`<polygon points="${pts.join(' ')}" fill="${[a, b, light, a, b][i]}" fill-opacity="${(0.45 + i * 0.1).toFixed(2)}"/>`);
    }
    parts.push(`<circle cx="${(300 + random() * 1000).toFixed(0)}" cy="200" r="90" fill="${light}" fill-opacity="0.8"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900"><rect width="1600" height="900" fill="${bg}"/>${parts.join('')}</svg>`;
  const a0 = /^[aeiou]/.test(pal.words[0]) ? 'an' : 'a';
  const alt = `Abstract illustration: ${shape} in ${pal.words[1]} and ${pal.words[2]} on ${a0} ${pal.words[0]} background`;
  return { svg, alt };
}

export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((w) => w[0]).slice(0, 2).join('').toUpperCase();
}

/** A 400x400 portrait: a coloured disc with the person's initials. */
export function portraitSvg(name: string, index: number): string {
  const [bg, a, , light] = PALETTES[(index * 3 + 1) % PALETTES.length].colors;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="${bg}"/>`
    + `<circle cx="200" cy="170" r="120" fill="${a}" fill-opacity="0.85"/><rect x="70" y="300" width="260" height="140" rx="120" fill="${light}" fill-opacity="0.25"/>`
    + `<text x="200" y="205" font-family="DejaVu Sans, Arial, sans-serif" font-size="104" font-weight="700" fill="${light}" text-anchor="middle">${initials(name)}</text></svg>`;
}

/** A wide 600x200 wordmark logo. */
export function logoSvg(name: string, colors: [string, string]): string {
  const safe = name.replace(/[<>&"]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200"><rect width="600" height="200" fill="#ffffff"/>`
    + `<rect x="24" y="40" width="120" height="120" rx="24" fill="${colors[0]}"/><circle cx="84" cy="100" r="34" fill="${colors[1]}"/>`
    + `<text x="170" y="122" font-family="DejaVu Sans, Arial, sans-serif" font-size="56" font-weight="700" fill="${colors[0]}">${safe}</text></svg>`;
}

export interface HeroImage {
  media: MediaRow;
  alt: string;
}

export async function makeHero(ctx: AppContext, index: number): Promise<HeroImage> {
  const { svg, alt } = heroSvg(index);
  const media = await ingestImage(ctx, await png(svg), { alt, caption: 'An illustration drawn for Khabar Daily.', credit: 'Illustration: Khabar Daily' });
  return { media, alt };
}

export async function makePortrait(ctx: AppContext, name: string, index: number, alt = `Portrait of ${name}`): Promise<MediaRow> {
  return ingestImage(ctx, await png(portraitSvg(name, index)), { alt, credit: 'Illustration: Khabar Daily' });
}

export async function makeLogo(ctx: AppContext, name: string, colors: [string, string]): Promise<MediaRow> {
  return ingestImage(ctx, await png(logoSvg(name, colors)), { alt: `${name} logo` });
}
