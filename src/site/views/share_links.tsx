// Share links under a story: plain addresses of each network's own share page (no third-party script, image or
// cookie reaches the reader until they choose to follow one), an email link, and "Copy link", which is a plain
// link to the canonical address; /assets/share.js copies it to the clipboard instead when scripts run.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';
import { assetUrl } from '../assets.ts';

type Network = 'facebook' | 'x' | 'whatsapp' | 'telegram' | 'linkedin' | 'email';

/** Each network's documented share address for a page address and its headline. */
export function shareHref(network: Network, url: string, title: string): string {
  const u = encodeURIComponent(url);
  const tt = encodeURIComponent(title);
  switch (network) {
    case 'facebook': return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
    case 'x': return `https://x.com/intent/tweet?url=${u}&text=${tt}`;
    case 'whatsapp': return `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`;
    case 'telegram': return `https://t.me/share/url?url=${u}&text=${tt}`;
    case 'linkedin': return `https://www.linkedin.com/sharing/share-offsite/?url=${u}`;
    case 'email': return `mailto:?subject=${tt}&body=${encodeURIComponent(`${title}\n\n${url}`)}`;
  }
}

const NETWORKS: Network[] = ['facebook', 'x', 'whatsapp', 'telegram', 'linkedin', 'email'];

export function ShareLinks({ url, title, lang }: { url: string; title: string; lang: string }): VNode {
  return (
    <nav class="share" aria-label={t(lang, 'share.label')}>
      <ul>
        {NETWORKS.map((n) => (
          <li>
            <a class={`share-${n}`} href={shareHref(n, url, title)} rel={n === 'email' ? undefined : 'noopener noreferrer nofollow'}
              target={n === 'email' ? undefined : '_blank'}>
              {t(lang, `share.${n}`)}{n === 'email' ? null : <span class="visually-hidden"> {t(lang, 'share.new_window')}</span>}
            </a>
          </li>
        ))}
        <li><a class="share-copy" href={url} data-copied={t(lang, 'share.copied')}>{t(lang, 'share.copy')}</a></li>
      </ul>
      <script type="module" src={assetUrl('share.js')} />
    </nav>
  );
}
