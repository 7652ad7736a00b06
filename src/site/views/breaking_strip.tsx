// The breaking-news strip at the top of every page in its language (full and lite editions), while it runs.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';

export function BreakingStrip({ site }: { site: SiteView }): VNode | null {
  const b = site.breaking;
  if (!b) return null;
  return (
    <aside class="breaking" aria-label={t(site.lang, 'breaking.region')}>
      <p><strong>{t(site.lang, 'breaking.label')}</strong> <a href={b.url} dir="auto">{b.text}</a></p>
    </aside>
  );
}
