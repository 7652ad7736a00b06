// Images in: checked by content (never by name), oriented, stripped of EXIF/GPS, and written as AVIF/WebP/JPEG
// variants at a few widths. Images out: the srcset data every view uses (width/height always known).
import { loadSharp, type SharpFactory } from './sharp.ts';

type Sharp = ReturnType<SharpFactory>;
type Metadata = Awaited<ReturnType<Sharp['metadata']>>;
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { optionalText } from '../content/fields.ts';
import { remember } from '../remember.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Larger images are refused before decoding: a small file that claims 100,000 x 100,000 pixels is a bomb. */
export const MAX_PIXELS = 50_000_000;
export const VARIANT_WIDTHS = [480, 960, 1600];
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif', 'tiff']);
type Format = 'avif' | 'webp' | 'jpeg';
const FORMATS: Format[] = ['avif', 'webp', 'jpeg'];
const MIME: Record<Format, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

export interface Variant {
  format: Format;
  width: number;
  height: number;
  key: string;
}

export interface ImageMeta {
  alt?: string;
  caption?: string;
  credit?: string;
  uploadedBy?: number | null;
}

function encode(img: Sharp, format: Format): Sharp {
  if (format === 'avif') return img.avif({ quality: 50, effort: 2 });
  if (format === 'webp') return img.webp({ quality: 74, effort: 3 });
  return img.jpeg({ quality: 78, mozjpeg: true, progressive: true });
}

/** Reads what the bytes really are; refuses anything that is not a raster image we accept. */
async function inspect(bytes: Buffer): Promise<{ width: number; height: number; format: string }> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new ValidationError('file', 'The file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ValidationError('file', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  const sharp = loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new ValidationError('file', 'The file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF)');
  }
  if (meta.format === 'svg') throw new ValidationError('file', 'SVG images are not accepted; please upload a PNG or JPEG');
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new ValidationError('file', 'The file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF)');
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  const h = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!w || !h) throw new ValidationError('file', 'The image has no size');
  if (w * h > MAX_PIXELS) throw new ValidationError('file', 'The image has too many pixels (at most 50 megapixels)');
  return { width: w, height: h, format: meta.format };
}

/** Checks, cleans and stores an image with its variants; returns the media row. */
export async function ingestImage(ctx: AppContext, bytes: Buffer, meta: ImageMeta = {}) {
  const alt = optionalText('alt', meta.alt, 500);
  const caption = optionalText('caption', meta.caption, 500);
  const credit = optionalText('credit', meta.credit, 200);
  const info = await inspect(bytes);
  const now = ctx.clock.now();
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const widths = VARIANT_WIDTHS.filter((w) => w < info.width);
  widths.push(Math.min(info.width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]));
  const variants: Variant[] = [];
  const sharp = loadSharp();
  let decoded: Buffer;
  try {
    // One decode, auto-oriented; metadata (EXIF, GPS, XMP) is not carried into any output.
    decoded = await sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false }).rotate().toBuffer();
  } catch {
    throw new ValidationError('file', 'The image is damaged and cannot be read');
  }
  for (const width of [...new Set(widths)]) {
    const height = Math.round((info.height * width) / info.width);
    for (const format of FORMATS) {
      const out = await encode(sharp(decoded).resize({ width, withoutEnlargement: true }), format).toBuffer();
      const key = `${folder}/${hash}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
      await ctx.media.put(key, out);
      variants.push({ format, width, height, key });
    }
  }
  const main = variants.filter((v) => v.format === 'jpeg').at(-1)!;
  const existing = await ctx.db.selectFrom('media').selectAll().where('storage_key', '=', main.key).executeTakeFirst();
  if (existing) return existing;
  const row = await ctx.db.insertInto('media').values({
    storage_key: main.key, mime: MIME.jpeg, width: main.width, height: main.height, bytes: bytes.length,
    alt, caption, credit, variants: JSON.stringify(variants), uploaded_by: meta.uploadedBy ?? null, created_at: now.toISOString(),
  }).returningAll().executeTakeFirstOrThrow();
  return row;
}

export type MediaRow = Awaited<ReturnType<typeof ingestImage>>;

export async function getMedia(db: Db, id: number) {
  return (await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listMedia(db: Db, opts: { limit?: number; offset?: number } = {}) {
  return db.selectFrom('media').selectAll().orderBy('id', 'desc').limit(Math.min(opts.limit ?? 50, 200)).offset(opts.offset ?? 0).execute();
}

export async function updateMedia(ctx: AppContext, id: number, patch: { alt?: string; caption?: string; credit?: string }) {
  const set: Record<string, string> = {};
  if (patch.alt !== undefined) set.alt = optionalText('alt', patch.alt, 500);
  if (patch.caption !== undefined) set.caption = optionalText('caption', patch.caption, 500);
  if (patch.credit !== undefined) set.credit = optionalText('credit', patch.credit, 200);
  if (!(await getMedia(ctx.db, id))) throw new NotFoundError('Media not found');
  if (Object.keys(set).length) await ctx.db.updateTable('media').set(set).where('id', '=', id).execute();
  await ctx.events.emit('content.changed', { kind: 'media', id });
  return (await getMedia(ctx.db, id))!;
}

export interface ImageSources {
  src: string;
  width: number;
  height: number;
  /** JPEG srcset for <img> */
  srcset: string;
  /** AVIF and WebP <source> elements for <picture> */
  sources: { type: string; srcset: string }[];
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

const drawn = remember<ImageSources>(2000);

/** What a view needs to draw an image: src, width/height and srcsets per format. */
export function imageSources(media: { storage_key: string; width: number; height: number; variants: string }, displayWidth = 960): ImageSources {
  // The storage key names the uploaded bytes (their hash), and the variants follow from those bytes.
  return drawn(`${displayWidth}|${media.storage_key}`, () => sourcesAfresh(media, displayWidth));
}

function sourcesAfresh(media: { storage_key: string; width: number; height: number; variants: string }, displayWidth: number): ImageSources {
  const variants = JSON.parse(media.variants) as Variant[];
  const set = (f: Format) => variants.filter((v) => v.format === f).map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', ');
  const jpegs = variants.filter((v) => v.format === 'jpeg');
  const pick = jpegs.find((v) => v.width >= displayWidth) ?? jpegs.at(-1);
  // Frozen: one object serves every request that draws this image.
  return Object.freeze({
    src: mediaUrl(pick?.key ?? media.storage_key),
    width: pick?.width ?? media.width,
    height: pick?.height ?? media.height,
    srcset: set('jpeg'),
    sources: (['avif', 'webp'] as const).filter((f) => variants.some((v) => v.format === f)).map((f) => ({ type: MIME[f], srcset: set(f) })),
  });
}
