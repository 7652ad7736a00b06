// What every public page shows around its content: the site's settings, sections, logo and "now", in the
// page's language: the site's name, description and section names as the newsroom wrote them for it.
import type { AppContext } from '../context.ts';
import { getSettings, type SiteSettings } from '../content/settings.ts';
import { listSections } from '../content/sections.ts';
import { mediaById, type MediaView } from '../content/reading.ts';
import { listBreaking, liveBreaking, type BreakingStrip } from '../content/breaking_news.ts';
import { liveArticleIds } from '../live/coverage.ts';
import { alertsOffer } from '../channels/offer.ts';
import { currentMirrorAddresses } from '../mirrors/mirrors.ts';

export interface SiteView {
  settings: SiteSettings;
  sections: { id: number; slug: string; name: string; description: string }[];
  logo: MediaView | null;
  now: Date;
  /** language of the page's content (the site's language unless an article says otherwise) */
  lang: string;
  /** where else the site can be read when its domain is blocked: KHABAR_MIRRORS and the mirrors that hold the
   * latest copy (src/mirrors) */
  mirrors: readonly string[];
  /** the path prefix of the page language's front and section pages: '' for the default language, '/fa', '/ps' */
  base: string;
  /** the languages the site publishes in, its default first */
  published: string[];
  /** the page language's breaking-news strip, while it runs */
  breaking: BreakingStrip | null;
  /** the stories covered live now: their cards carry a Live label (absent: none) */
  live?: ReadonlySet<number>;
  /** the site's VAPID public key while the newsroom offers push alerts (the footer's opt-in), else null */
  alertsKey?: string | null;
}

/** The languages a site publishes in, its default first. */
export function publishedLanguages(settings: SiteSettings): string[] {
  return [settings.language, ...settings.languages.filter((l) => l !== settings.language)];
}

export async function loadSiteView(ctx: AppContext, lang?: string): Promise<SiteView> {
  const { settings, sections, logo, strips, live, mirrors } = await ctx.reads.get('site', async () => {
    const [settings, sections, strips, live, current] = await Promise.all([getSettings(ctx.db), listSections(ctx.db), listBreaking(ctx.db), liveArticleIds(ctx.db), currentMirrorAddresses(ctx)]);
    const mirrors = [...new Set([...ctx.config.mirrors, ...current])];
    return { settings, sections, logo: await mediaById(ctx.db, settings.logoMediaId), strips, live: new Set(live), mirrors };
  });
  const now = ctx.clock.now();
  const l = lang ?? settings.language;
  const published = publishedLanguages(settings);
  const own = settings.localized[l];
  return {
    // Footer links keep their address; their label is the language's when the newsroom gave one (by address).
    settings: own ? { ...settings, name: own.name || settings.name, description: own.description ?? settings.description,
      social: settings.social.map((s) => ({ ...s, label: own.social?.[s.url] ?? s.label })) } : settings,
    sections: own?.sections ? sections.map((s) => ({ ...s, name: own.sections?.[s.slug] ?? s.name })) : sections,
    logo, now, lang: l, published, mirrors, breaking: liveBreaking(strips, now).get(l) ?? null,
    base: l !== settings.language && published.includes(l) ? `/${l}` : '',
    live,
    alertsKey: await ctx.reads.get('alerts-offer', () => alertsOffer(ctx)),
  };
}
