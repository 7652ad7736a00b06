// The page-cache tags of what a public page shows (src/http/page_cache_events.ts purges by the same names): each
// story card or story, each list it draws from, the section menu, and the settings every page uses.
import type { ArticleCard } from '../content/reading.ts';
import type { SiteView } from './site_view.ts';

/** Every page: the site's settings and logo, and the sections in its menu. */
export function siteTags(site: SiteView): string[] {
  return ['settings', `breaking:${site.lang}`, ...site.sections.map((s) => `section:${s.id}`), ...(site.logo ? [`media:${site.logo.id}`] : [])];
}

/** Story cards: each story, its section, its authors and its image. */
export function cardTags(cards: readonly ArticleCard[]): string[] {
  return cards.flatMap((a) => [
    `article:${a.id}`,
    ...(a.section ? [`section:${a.section.id}`] : []),
    ...a.authors.map((p) => `person:${p.id}`),
    ...(a.hero ? [`media:${a.hero.id}`] : []),
  ]);
}
