// What every public page shows around its content: the site's settings, sections, logo and "now".
import type { AppContext } from '../context.ts';
import { getSettings, type SiteSettings } from '../content/settings.ts';
import { listSections } from '../content/sections.ts';
import { mediaById, type MediaView } from '../content/reading.ts';

export interface SiteView {
  settings: SiteSettings;
  sections: { id: number; slug: string; name: string; description: string }[];
  logo: MediaView | null;
  now: Date;
  /** language of the page's content (the site's language unless an article says otherwise) */
  lang: string;
  /** where else the site can be read when its domain is blocked (KHABAR_MIRRORS) */
  mirrors: readonly string[];
}

export async function loadSiteView(ctx: AppContext, lang?: string): Promise<SiteView> {
  const { settings, sections, logo } = await ctx.reads.get('site', async () => {
    const [settings, sections] = await Promise.all([getSettings(ctx.db), listSections(ctx.db)]);
    return { settings, sections, logo: await mediaById(ctx.db, settings.logoMediaId) };
  });
  return { settings, sections, logo, now: ctx.clock.now(), lang: lang ?? settings.language, mirrors: ctx.config.mirrors };
}
