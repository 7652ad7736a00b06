// An image may be an article's hero only once it has alt text (on the image, or given for this article).
import type { Db } from '../db/schema.ts';
import { getMedia } from '../media/images.ts';
import { ValidationError } from '../errors.ts';

/** Throws a ValidationError naming heroAlt when the hero image would have no alt text. */
export async function checkHeroAlt(db: Db, heroMediaId: number | null | undefined, heroAlt: string | undefined): Promise<void> {
  if (!heroMediaId) return;
  const media = await getMedia(db, heroMediaId);
  if (!media) throw new ValidationError('heroMediaId', 'heroMediaId names no media');
  if (!media.alt.trim() && !(heroAlt ?? '').trim()) {
    throw new ValidationError('heroAlt', 'The hero image needs alt text: describe it on the image or in heroAlt');
  }
}
