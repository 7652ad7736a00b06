// Deleting a picture from the library: refused while anything shows it (an article, a byline photo, a source's or
// the site's logo, a house ad), so no page loses a picture by surprise; otherwise its record goes and the files
// (the cleaned original and every variant) are removed through the media store.
import type { AppContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { mediaUses, type MediaUse } from '../content/media_usage.ts';
import { getSettings } from '../content/settings.ts';
import { getMedia, masterKey, type Variant } from './images.ts';

const WHAT: Record<MediaUse['kind'], string> = { article: 'article', person: 'byline photo of', source: 'logo of the source', house_ad: 'house ad', site_logo: '' };

/** The refusal's words: where the picture is used (at most five places named). */
function usedIn(uses: MediaUse[]): string {
  const named = uses.slice(0, 5).map((u) => (u.kind === 'site_logo' ? u.name : `${WHAT[u.kind]} “${u.name}”`));
  const more = uses.length > 5 ? ` and ${uses.length - 5} more` : '';
  return `This picture is in use, so it cannot be deleted: ${named.join(', ')}${more}. Remove it from there first.`;
}

/** Deletes the picture and its files; a ConflictError naming where it is used while it is. */
export async function deleteMedia(ctx: AppContext, id: number): Promise<void> {
  const media = await getMedia(ctx.db, id);
  if (!media) throw new NotFoundError('Media not found');
  const uses = await mediaUses(ctx.db, media, (await getSettings(ctx.db)).logoMediaId);
  if (uses.length) throw new ConflictError(usedIn(uses));
  await ctx.db.deleteFrom('media').where('id', '=', id).execute();
  const variants = JSON.parse(media.variants) as Variant[];
  // The record keeps its largest JPEG variant's key, <folder>/<hash>-<width>.jpg; the master is masters/<folder>/<hash>.png.
  const master = /^(.+)\/([0-9a-f]+)-\d+\.\w+$/.exec(media.storage_key);
  // The master goes first, so a variant requested meanwhile cannot be made again from it.
  const keys = [...(master ? [masterKey(master[1], master[2])] : []), ...variants.map((v) => v.key)];
  for (const key of keys) await ctx.media.delete(key);
  await ctx.events.emit('content.changed', { kind: 'media', id });
}
