// The search box in the site header and on the error page: a plain GET form to /search, no script.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';

/** `base`: the page language's prefix ('' or '/fa', '/ps'), so a Dari reader's results page is in Dari. */
export function SearchBox({ lang, q = '', id = 'site-search', base = '' }: { lang: string; q?: string; id?: string; base?: string }): VNode {
  return (
    <search class="search-box" aria-label={t(lang, 'search.label')}><form action={`${base}/search`} method="get">
      <label for={id} class="visually-hidden">{t(lang, 'search.words')}</label>
      <input id={id} type="search" name="q" value={q} maxLength={200} />
      <button type="submit">{t(lang, 'search.button')}</button>
    </form></search>
  );
}
