// The stamps of everything the public pages show (src/content/stamps.ts explains them), gathered from each domain
// that owns a part: content (with the site's local day), pictures, comment threads, house ads and the readers'
// "Most read" lists.
import type { AppContext } from '../context.ts';
import { contentStamps, type Stamps } from '../content/stamps.ts';
import { commentStamps } from '../comments/stamps.ts';
import { mediaStamps } from '../media/stamps.ts';
import { adStamps } from '../ads/stamps.ts';
import { getSettings } from '../content/settings.ts';
import { localDay } from '../i18n/index.ts';
import { listsStamp } from '../newsletters/lists.ts';
import { mostReadStamps } from '../audience/most_read.ts';
import { currentMirrorAddresses } from '../mirrors/mirrors.ts';
import { editionsStamp } from '../mirrors/offline_edition.ts';

export type { Stamps };

export async function siteStamps(ctx: AppContext): Promise<Stamps> {
  const now = ctx.clock.now();
  const { timeZone } = await getSettings(ctx.db);
  const parts = await Promise.all([contentStamps(ctx.db, localDay(now, timeZone)), mediaStamps(ctx.db), commentStamps(ctx.db), adStamps(ctx.db, now), mostReadStamps(ctx)]);
  const stamps: Stamps = Object.assign({ newsletters: await listsStamp(ctx.db) }, ...parts);
  // every footer lists the current mirrors, so the frame's stamp carries them
  stamps.settings = `${stamps.settings ?? ''}|mirrors:${(await currentMirrorAddresses(ctx)).join(' ')}`;
  // /offline/ lists the offline editions the site holds
  stamps.offline = editionsStamp(ctx);
  return stamps;
}

/** A tag's stamp: its own, or its family's (`front:*` for `front:home:en`) where a domain stamps the family whole. */
export function stampFor(stamps: Stamps, tag: string): string | undefined {
  return stamps[tag] ?? stamps[`${tag.slice(0, tag.indexOf(':') + 1)}*`];
}
