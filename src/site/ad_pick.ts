// Which creative a page shows in a slot: one speaking the page's language (a language-neutral one where it has
// none). The pick is weighted and changes every ten minutes per page, so a page stays byte-identical (cacheable,
// same ETag) between rotations.
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { pickCreative } from '../ads/ads.ts';
import { mediaById } from '../content/reading.ts';
import type { Creative } from './views/parts.tsx';

const ROTATION_MS = 10 * 60 * 1000;

export async function creativeFor(ctx: AppContext, slot: string, page: string, language: string): Promise<Creative | null> {
  const now = ctx.clock.now();
  const bucket = Math.floor(now.getTime() / ROTATION_MS);
  const h = createHash('sha256').update(`${slot}|${page}|${bucket}`).digest();
  return ctx.reads.get(`ad:${slot}:${language}:${page}:${bucket}`, async () => {
    const c = await pickCreative(ctx.db, slot, now, () => h.readUInt32BE(0) / 2 ** 32, language);
    if (!c) return null;
    return { id: c.id, headline: c.headline, body: c.body, link_url: c.link_url, image: await mediaById(ctx.db, c.image_media_id) };
  });
}
