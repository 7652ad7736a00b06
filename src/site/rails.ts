// The story rails shown beside pages: a section's latest, and "The World News".
import type { AppContext } from '../context.ts';
import { listPublished, type ArticleCard, type ListFilter } from '../content/reading.ts';
import { getSectionBySlug } from '../content/sections.ts';
import { t } from '../i18n/index.ts';
import { sectionHref } from './views/parts.tsx';
import { loadSiteView } from './site_view.ts';
import { languageFilter } from './fronts.ts';

export const WORLD_SECTION = 'world-news';

export interface RailData {
  title: string;
  href?: string;
  items: ArticleCard[];
}

/** Latest stories of the world-news section under the title "The World News" (empty when there is no such section). */
/** listPublished through the read cache. */
export function publishedList(ctx: AppContext, filter: ListFilter, limit: number, offset = 0) {
  return ctx.reads.get(`list:${JSON.stringify(filter)}:${limit}:${offset}`, () => listPublished(ctx.db, filter, limit, offset));
}

export async function worldRail(ctx: AppContext, lang: string, excludeIds: number[] = [], limit = 5): Promise<RailData> {
  return ctx.reads.get(`rail:world:${lang}:${excludeIds.join(',')}:${limit}`, async () => {
    const section = await getSectionBySlug(ctx.db, WORLD_SECTION);
    if (!section) return { title: t(lang, 'home.world_rail'), items: [] };
    const site = await loadSiteView(ctx, lang);
    // A language's pages show that language's stories (a one-language site shows every story).
    const { items } = await listPublished(ctx.db, { ...languageFilter(site), sectionId: section.id, excludeIds }, limit);
    return { title: t(lang, 'home.world_rail'), href: `${site.base}${sectionHref(section.slug)}`, items };
  });
}

/** Latest stories of one section (or of the whole site when sectionId is null), titled with the section's name in
 * the page's language and linking its section page there. */
export async function sectionRail(ctx: AppContext, lang: string, section: { id: number; slug: string; name: string } | null, excludeIds: number[], limit = 5): Promise<RailData> {
  const site = await loadSiteView(ctx, lang);
  const { items } = await publishedList(ctx, { ...languageFilter(site), sectionId: section?.id, excludeIds }, limit);
  if (!section) return { title: t(lang, 'home.latest'), items };
  return { title: site.sections.find((s) => s.id === section.id)?.name ?? section.name, href: `${site.base}${sectionHref(section.slug)}`, items };
}
