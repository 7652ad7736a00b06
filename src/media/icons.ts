// The site's icons (favicon.ico, PNG icons, the Apple touch icon) drawn from the newsroom's logo, or from the
// first letter of its name when it has no logo. Made once per logo and name, and kept in memory: a few small
// PNGs, asked for by every browser on every first visit.
import { createHash } from 'node:crypto';
import type { MediaStore } from './store.ts';
import { loadSharp } from './sharp.ts';
import { masterKey } from './images.ts';

/** The square sizes made, in pixels: favicon.png 32, the Apple touch icon 180, the manifest's 192 and 512. */
export const ICON_SIZES = [32, 180, 192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];
const ICO_SIZES = [16, 32, 48];

export interface IconFile {
  bytes: Buffer;
  type: string;
  etag: string;
}

export interface SiteIcons {
  ico: IconFile;
  png: Record<IconSize, IconFile>;
}

/** Icon sets by logo and name (a logo's storage key names its bytes); a handful at most. */
const made = new Map<string, Promise<SiteIcons>>();
const KEEP = 8;

const file = (bytes: Buffer, type: string): IconFile => ({ bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` });

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A drawn stand-in: the name's first letter, white on the site's dark ink, in a rounded square. */
function drawnIcon(name: string): Buffer {
  const letter = escapeXml(Array.from(name.trim())[0]?.toUpperCase() ?? 'K');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">`
    + `<rect width="512" height="512" rx="96" fill="#1d1d1b"/>`
    + `<text x="256" y="256" dy=".35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="320" fill="#ffffff">${letter}</text></svg>`);
}

/** An .ico holding PNG images (allowed since Windows Vista; every current browser reads them). */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((x) => x.png)]);
}

async function make(store: MediaStore, logoKey: string | null, name: string): Promise<SiteIcons> {
  const sharp = loadSharp();
  // An image's storage key names its main variant, made lazily; the clean master is always there.
  const m = logoKey ? /^(\d{4}\/\d{2})\/([0-9a-f]{16})-\d+\.jpg$/.exec(logoKey) : null;
  const logo = m ? await store.get(masterKey(m[1], m[2])) : null;
  const source = logo ?? drawnIcon(name);
  // A logo that is not square sits centred on white; the drawn icon is square already.
  const square = (size: number) => sharp(source, { density: logo ? undefined : 144 })
    .resize(size, size, { fit: 'contain', background: logo ? '#ffffff' : { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 }).toBuffer();
  const png = {} as Record<IconSize, IconFile>;
  for (const size of ICON_SIZES) png[size] = file(await square(size), 'image/png');
  const ico = icoFromPngs(await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await square(size) }))));
  return { ico: file(ico, 'image/x-icon'), png };
}

/** The icons for this logo (its master's storage key) and name; failures are not kept, so a retry tries again. */
export function siteIcons(store: MediaStore, logoKey: string | null, name: string): Promise<SiteIcons> {
  const key = `${logoKey ?? ''}|${name}`;
  let p = made.get(key);
  if (!p) {
    if (made.size >= KEEP) made.delete(made.keys().next().value!);
    p = make(store, logoKey, name);
    made.set(key, p);
    p.catch(() => made.delete(key));
  }
  return p;
}
