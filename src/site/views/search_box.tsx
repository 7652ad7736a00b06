// The search box in the site header and on the error page: a plain GET form to /search, no script.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';

export function SearchBox({ lang, q = '', id = 'site-search' }: { lang: string; q?: string; id?: string }): VNode {
  return (
    <search class="search-box" aria-label={t(lang, 'search.label')}><form action="/search" method="get">
      <label for={id} class="visually-hidden">{t(lang, 'search.words')}</label>
      <input id={id} type="search" name="q" value={q} maxLength={200} />
      <button type="submit">{t(lang, 'search.button')}</button>
    </form></search>
  );
}
