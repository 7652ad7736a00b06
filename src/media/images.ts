// Images in: checked by content (never by name), bounded in pixels and frames, decoded once to prove they are
// whole, and kept as a clean master (oriented, no EXIF/GPS, at most the widest variant). Images out: the srcset
// data every view uses (width/height always known). The AVIF/WebP/JPEG variants named in a row are made from
// the master at their first request (src/media/variants.ts), so an upload or the demo newsroom answers fast.
import { loadSharp, type SharpFactory } from './sharp.ts';
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { optionalText } from '../content/fields.ts';
import { remember } from '../remember.ts';
import { inTurn } from './queue.ts';
import { dominantColour } from './placeholder.ts';

type Sharp = ReturnType<SharpFactory>;
type Metadata = Awaited<ReturnType<Sharp['metadata']>>;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Larger images are refused before decoding: a small file that claims 100,000 x 100,000 pixels is a bomb.
 * For an animation the bound is on every frame together (frames x width x height). */
export const MAX_PIXELS = 50_000_000;
/** An animation is shown by its first frame; more frames than this are refused. */
export const MAX_FRAMES = 100;
export const VARIANT_WIDTHS = [480, 960, 1600];
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif', 'tiff']);
export type Format = 'avif' | 'webp' | 'jpeg';
export const FORMATS: Format[] = ['avif', 'webp', 'jpeg'];
export const MIME: Record<Format, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };
const NOT_AN_IMAGE = 'The file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF)';

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

/** The widths an image of this width is drawn at: the usual ones below it, and its own up to the widest. */
export function variantWidths(width: number): number[] {
  const widths = VARIANT_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]));
  return [...new Set(widths)];
}

/** Where an image's clean master is kept: outside every address /media/ answers. */
export function masterKey(folder: string, hash: string): string {
  return `masters/${folder}/${hash}.png`;
}

export function variantKey(folder: string, hash: string, width: number, format: Format): string {
  return `${folder}/${hash}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
}

/** Reads what the bytes really are; refuses anything that is not a raster image we accept, or too large. */
async function inspect(bytes: Buffer): Promise<{ width: number; height: number; format: string }> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new ValidationError('file', 'The file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ValidationError('file', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  const sharp = loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new ValidationError('file', NOT_AN_IMAGE);
  }
  if (meta.format === 'svg') throw new ValidationError('file', 'SVG images are not accepted; please upload a PNG or JPEG');
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new ValidationError('file', NOT_AN_IMAGE);
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  // For an animation, sharp's height is that of one frame unless every frame is asked for.
  const h = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height ?? 0;
  if (!w || !h) throw new ValidationError('file', 'The image has no size');
  if (w * h > MAX_PIXELS) throw new ValidationError('file', `The image has too many pixels (at most ${MAX_PIXELS / 1_000_000} megapixels)`);
  const frames = meta.pages ?? 1;
  if (frames > MAX_FRAMES) {
    throw new ValidationError('file', `The animation has ${frames} frames; at most ${MAX_FRAMES} are accepted. Please upload a still image or a shorter animation`);
  }
  if (frames * w * h > MAX_PIXELS) {
    throw new ValidationError('file', `The animation has too many pixels in all (${frames} frames of ${w} x ${h}; at most ${MAX_PIXELS / 1_000_000} megapixels together). Please upload a still image or a smaller animation`);
  }
  return { width: w, height: h, format: meta.format };
}

/** The image decoded in full (which proves it whole), oriented, without EXIF, GPS or XMP, at most as wide as
 * the widest variant, losslessly: what every variant is made from. */
async function cleanMaster(bytes: Buffer): Promise<Buffer> {
  const sharp = loadSharp();
  try {
    return await inTurn(() => sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .resize({ width: VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1], withoutEnlargement: true })
      .png({ compressionLevel: 1 })
      .toBuffer());
  } catch {
    throw new ValidationError('file', 'The image is damaged and cannot be read');
  }
}

/** Checks, cleans and stores an image; returns the media row, whose variants are made at first request. */
export async function ingestImage(ctx: AppContext, bytes: Buffer, meta: ImageMeta = {}) {
  const alt = optionalText('alt', meta.alt, 500);
  const caption = optionalText('caption', meta.caption, 500);
  const credit = optionalText('credit', meta.credit, 200);
  const info = await inspect(bytes);
  const now = ctx.clock.now();
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const variants: Variant[] = [];
  for (const width of variantWidths(info.width)) {
    const height = Math.round((info.height * width) / info.width);
    for (const format of FORMATS) variants.push({ format, width, height, key: variantKey(folder, hash, width, format) });
  }
  const main = variants.filter((v) => v.format === 'jpeg').at(-1)!;
  const existing = await ctx.db.selectFrom('media').selectAll().where('storage_key', '=', main.key).executeTakeFirst();
  if (existing) return existing;
  const master = await cleanMaster(bytes);
  await ctx.media.put(masterKey(folder, hash), master);
  const placeholder = await inTurn(() => dominantColour(master));
  const row = await ctx.db.insertInto('media').values({
    storage_key: main.key, mime: MIME.jpeg, width: main.width, height: main.height, bytes: bytes.length, placeholder,
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

/** The master a media row's variants are made from (its storage key names the folder and the bytes' hash). */
export function masterOf(storageKey: string): string | null {
  const m = /^(\d{4}\/\d{2})\/([0-9a-f]{16})-\d+\.jpg$/.exec(storageKey);
  return m ? masterKey(m[1], m[2]) : null;
}

/** Works out the placeholder colour of every picture that has none yet (taken in before colours were kept);
 * returns how many it filled. Runs in the background of `serve`, one picture at a time. */
export async function fillPlaceholders(ctx: AppContext): Promise<number> {
  const rows = await ctx.db.selectFrom('media').select(['id', 'storage_key']).where('placeholder', '=', '').execute();
  let filled = 0;
  for (const row of rows) {
    const key = masterOf(row.storage_key);
    const master = key ? await ctx.media.get(key) : null;
    if (!master) continue;
    const colour = await inTurn(() => dominantColour(master));
    await ctx.db.updateTable('media').set({ placeholder: colour }).where('id', '=', row.id).execute();
    await ctx.events.emit('content.changed', { kind: 'media', id: row.id });
    filled++;
  }
  return filled;
}
