// A square cut from a picture (a portrait for a byline, a logo): the newsroom moves a square box over the picture,
// and the box's part of the clean master becomes a picture of its own through the usual way in (ingestImage), with
// its own variants. The original stays as it was.
import type { AppContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { getMedia, ingestImage, masterOf, MAX_PIXELS, type MediaRow } from './images.ts';
import { inTurn } from './queue.ts';
import { loadSharp } from './sharp.ts';

/** The square, in the picture's pixels as the media row gives its width and height: left, top, side. */
export interface SquareBox {
  x: number;
  y: number;
  size: number;
}

/** The smallest square side worth a portrait, in pixels. */
export const MIN_SQUARE = 32;

function checkBox(box: SquareBox, width: number, height: number): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(box.size) || box.size < MIN_SQUARE) throw new ValidationError('size', `size must be at least ${MIN_SQUARE} pixels`);
  if (box.size > Math.min(width, height)) throw new ValidationError('size', `size must fit in the picture (at most ${Math.min(width, height)} pixels)`);
  if (!whole(box.x) || box.x + box.size > width) throw new ValidationError('x', `x must keep the square inside the picture (0 to ${width - box.size})`);
  if (!whole(box.y) || box.y + box.size > height) throw new ValidationError('y', `y must keep the square inside the picture (0 to ${height - box.size})`);
}

/** Cuts the square from the picture's master and takes it in as a new picture (alt text and credit carried over). */
export async function squareFrom(ctx: AppContext, mediaId: number, box: SquareBox, uploadedBy: number | null): Promise<MediaRow> {
  const media = await getMedia(ctx.db, mediaId);
  if (!media) throw new NotFoundError('Media not found');
  checkBox(box, media.width, media.height);
  const key = masterOf(media.storage_key);
  const master = key ? await ctx.media.get(key) : null;
  if (!master) throw new ValidationError('id', 'This picture\'s original is not kept, so it cannot be cut; upload it again');
  const sharp = loadSharp();
  const square = await inTurn(async () => {
    const meta = await sharp(master, { limitInputPixels: MAX_PIXELS }).metadata();
    // The master may differ from the row's size by rounding: the box is scaled to it.
    const scale = (meta.width ?? media.width) / media.width;
    const side = Math.max(1, Math.min(Math.round(box.size * scale), meta.width ?? 0, meta.height ?? 0));
    const left = Math.min(Math.round(box.x * scale), (meta.width ?? 0) - side);
    const top = Math.min(Math.round(box.y * scale), (meta.height ?? 0) - side);
    return sharp(master, { limitInputPixels: MAX_PIXELS }).extract({ left, top, width: side, height: side }).png({ compressionLevel: 1 }).toBuffer();
  });
  return ingestImage(ctx, square, { alt: media.alt, credit: media.credit, uploadedBy });
}
