// A picture's variants as /media/ serves them: kept in the MediaStore once made, made from the image's clean
// master at their first request otherwise (through the encoding queue), and made once however many requests
// for the same variant arrive together. Only the names a media row can hold are answered; masters never are.
import type { MediaStore } from './store.ts';
import { FORMATS, MAX_PIXELS, MIME, masterKey, variantKey, variantWidths, type Format } from './images.ts';
import { loadSharp, type SharpFactory } from './sharp.ts';
import { inTurn } from './queue.ts';

/** `2026/11/0123456789abcdef-960.avif`: the only shape of name /media/ answers. */
const VARIANT_NAME = /^(\d{4}\/\d{2})\/([0-9a-f]{16})-(\d{1,4})\.(avif|webp|jpg)$/;

export interface MediaFile {
  bytes: Buffer;
  type: string;
}

function encode(img: ReturnType<SharpFactory>, format: Format): ReturnType<SharpFactory> {
  if (format === 'avif') return img.avif({ quality: 50, effort: 2 });
  if (format === 'webp') return img.webp({ quality: 74, effort: 3 });
  return img.jpeg({ quality: 78, mozjpeg: true, progressive: true });
}

/** Variants being made now, per store: a second request for one waits for the first one's result. */
const making = new WeakMap<MediaStore, Map<string, Promise<Buffer | null>>>();

/** The bytes of a variant, made and kept at its first request; null when no image has a variant of that name. */
export async function variantFile(store: MediaStore, key: string): Promise<MediaFile | null> {
  const m = VARIANT_NAME.exec(key);
  if (!m) return null;
  const [, folder, hash, widthText, ext] = m;
  const format = FORMATS.find((f) => (f === 'jpeg' ? 'jpg' : f) === ext)!;
  const width = Number(widthText);
  if (variantKey(folder, hash, width, format) !== key) return null;
  const kept = await store.get(key);
  const bytes = kept ?? (await once(store, key, () => makeVariant(store, masterKey(folder, hash), width, format, key)));
  return bytes ? { bytes, type: MIME[format] } : null;
}

function once(store: MediaStore, key: string, make: () => Promise<Buffer | null>): Promise<Buffer | null> {
  let inFlight = making.get(store);
  if (!inFlight) making.set(store, (inFlight = new Map()));
  const pending = inFlight.get(key);
  if (pending) return pending;
  const made = make().finally(() => inFlight.delete(key));
  inFlight.set(key, made);
  return made;
}

async function makeVariant(store: MediaStore, master: string, width: number, format: Format, key: string): Promise<Buffer | null> {
  const sharp = loadSharp();
  return inTurn(async () => {
    // Made by a request that finished between this one's look and its turn: nothing left to do.
    const made = await store.get(key);
    if (made) return made;
    // Read in its turn, so that many waiting variants do not each hold their master meanwhile.
    const source = await store.get(master);
    if (!source) return null;
    const img = sharp(source, { limitInputPixels: MAX_PIXELS });
    const { width: full = 0 } = await img.metadata();
    // Only the widths the image's row names: no one can make a server encode any size they like.
    if (!variantWidths(full).includes(width)) return null;
    const bytes = await encode(img.resize({ width, withoutEnlargement: true }), format).toBuffer();
    await store.put(key, bytes);
    return bytes;
  });
}
