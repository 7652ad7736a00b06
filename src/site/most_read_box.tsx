// The readers' "Most read" list on fronts and article pages: the stories of the page's language read most over the
// last 24 hours or 7 days, as the newsroom chose (src/audience/most_read.ts works it out every few minutes). Pages
// stay cached: each carries the tag `most-read:<language>`, purged only when that list's stories or order change.
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { mostReadFor, type MostRead } from '../audience/most_read.ts';
import { t } from '../i18n/index.ts';
import { articleHref } from './views/parts.tsx';

/** The list for a page in this language, or null when the newsroom shows none (kept until a list changes). */
export function loadMostRead(ctx: AppContext, lang: string): Promise<MostRead | null> {
  return ctx.reads.get(`most-read:${lang}`, () => mostReadFor(ctx, lang));
}

/** The page-cache tags of a page showing the list: the list itself and each story on it (a headline changes). */
export function mostReadTags(lang: string, list: MostRead | null): string[] {
  return [`most-read:${lang}`, ...(list?.stories.map((s) => `article:${s.id}`) ?? [])];
}

export function MostReadBox({ list, lang, except }: { list: MostRead | null; lang: string; except?: number }): VNode | null {
  const stories = list?.stories.filter((s) => s.id !== except) ?? [];
  if (!list || !stories.length) return null;
  return (
    <section class="rail most-read" aria-labelledby="most-read-heading">
      <h2 id="most-read-heading" class="rail-title">{t(lang, list.period === '24h' ? 'most_read.title_24h' : 'most_read.title_7d')}</h2>
      <ol class="rail-list most-read-list">
        {stories.map((s) => <li><a href={articleHref(s.slug)}>{s.headline}</a></li>)}
      </ol>
    </section>
  );
}
