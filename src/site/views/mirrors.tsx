// The mirrors a reader can turn to when the site's own domain is blocked (KHABAR_MIRRORS), in every footer.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';

/** "mirror.example/khabar/": the address as a reader would type it. */
function shown(address: string): string {
  const u = new URL(address);
  return u.pathname === '/' ? u.host : `${u.host}${u.pathname}`;
}

export function MirrorList({ site }: { site: Pick<SiteView, 'mirrors' | 'lang'> }): VNode | null {
  if (!site.mirrors.length) return null;
  return (
    <p class="mirrors">
      {t(site.lang, 'mirrors.label')}{' '}
      {site.mirrors.map((m, i) => <>{i > 0 ? ' · ' : null}<a href={m} dir="ltr">{shown(m)}</a></>)}
    </p>
  );
}
