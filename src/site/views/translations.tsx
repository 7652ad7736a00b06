// The language switcher at the top of an article that has translations: every language the story is published in,
// each named in its own language and linking to that version (the current one marked), so a reader who landed on
// the wrong language sees the way to their own before the headline. hreflang links in the head say the same to
// search engines (the layout's, both ways: each version lists the others).
import type { VNode } from 'preact';
import { t, dir, type MessageKey } from '../../i18n/index.ts';
import { articleHref } from './parts.tsx';

export interface StoryVersion {
  language: string;
  slug: string;
  headline: string;
}

export function TranslationSwitch({ current, others, lang }: { current: StoryVersion; others: StoryVersion[]; lang: string }): VNode | null {
  if (!others.length) return null;
  const all = [current, ...others];
  return (
    <nav class="translations" aria-label={t(lang, 'translations.label')}>
      <ul>
        {all.map((v) => (
          <li lang={v.language} dir={dir(v.language)}>
            <a href={articleHref(v.slug)} hreflang={v.language} title={v.headline} aria-current={v === current ? 'page' : undefined}>
              {t(v.language, `language.${v.language}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
