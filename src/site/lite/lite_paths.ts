// Addresses of the lite edition (/lite/...): text-first pages that are also the reader's cookie-free data-saver toggle.
export const LITE = '/lite';
export const liteHome = (lang?: string) => (lang ? `${LITE}/${lang}/` : `${LITE}/`);
export const liteArticle = (slug: string) => `${LITE}/articles/${encodeURIComponent(slug)}`;
/** A section's lite page: in a language the site publishes in besides its own, that language's (/lite/fa/section/x). */
export const liteSection = (slug: string, lang?: string) => `${LITE}${lang ? `/${lang}` : ''}/section/${encodeURIComponent(slug)}`;

/** The lite page showing the same thing as a full-edition address (its home, an article or a section), or the
 * lite home for any other page. */
export function liteHrefFor(path: string): string {
  const m = /^\/(articles|section)\/[^/?#]+$/.exec(path);
  return m ? `${LITE}${path}` : liteHome();
}
