// The meta description of an indexable page: what search engines show under its title, in the page's language and
// in the newsroom's own words. The page's own text where the newsroom wrote one for that language (the site's line,
// a section's description, an author's bio, a static page's first lines); otherwise the headlines it lists in that
// language; only when it lists none, a sentence of the catalog naming the page and the newsroom.
import { excerpt, plainText } from '../../content/sanitize.ts';
import { t } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';

/** What search engines show of a description: about 160 characters. */
const SHOWN = 160;

/** Plain words (a headline, a bio: never read as markup) cut to what a result shows, at a word. */
const clipText = (text: string) => excerpt(text, SHOWN);

/** The text of the newsroom's sanitized HTML (a static page's body) cut the same way. */
export const clip = (html: string) => clipText(plainText(html));

/** The site's one-line description when the newsroom wrote it in the page's language, else undefined. */
export function siteLine(site: SiteView): string | undefined {
  const own = site.settings.localized[site.lang]?.description;
  if (own) return own;
  return site.lang === site.settings.language && site.settings.description ? site.settings.description : undefined;
}

/** Words the newsroom wrote in the site's default language only (a section's description): for that language's pages. */
export const inDefaultLanguage = (site: SiteView, text: string | null | undefined) => (site.lang === site.settings.language && text ? text : undefined);

/** An article's description: its own SEO words when the newsroom gave them; the standfirst or first lines otherwise. */
export const articleDescription = (a: { seo_description: string | null; standfirst: string | null; body_text: string }) =>
  a.seo_description || a.standfirst || excerpt(a.body_text, SHOWN);

/** The page's description: its own words, or the headlines it lists in its language, or the catalog's sentence. */
export function describePage(site: SiteView, title: string, own: string | undefined, items: { headline: string; language: string }[]): string {
  if (own?.trim()) return clipText(own);
  const headlines = items.filter((a) => a.language === site.lang).map((a) => a.headline.trim()).filter(Boolean);
  if (headlines.length) return clipText(headlines.join(' · '));
  return t(site.lang, 'meta.list', { title, name: site.settings.name });
}
