// The frame of a lite-edition page: the site's name, its sections and languages as lite links, the page, and a way
// back to the full edition. One small stylesheet, no pictures, no scripts.
import type { ComponentChildren, VNode } from 'preact';
import { t, dir, localYear } from '../../i18n/index.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import type { SiteView } from '../site_view.ts';
import { assetUrl } from '../assets.ts';
import { MirrorList } from '../views/mirrors.tsx';
import { BreakingStrip } from '../views/breaking_strip.tsx';
import { liteHome, liteSection } from './lite_paths.ts';

export function LiteLayout({ site, title, description, origin, full, children }: {
  site: SiteView; title: string;
  /** the meta description, in the page's language (src/site/views/describe.ts) */
  description: string;
  /** the site's public origin: the canonical address is absolute */
  origin: string;
  /** the same page in the full edition (an address of this site): the lite page's canonical address, so that search
   * engines send readers to the full page and never count the two as rivals */
  full: string;
  children: ComponentChildren;
}): VNode {
  const { settings, lang } = site;
  return (
    <html lang={lang} dir={dir(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={origin + full} />
        <link rel="stylesheet" href={assetUrl('lite.css')} />
      </head>
      <body>
        <header>
          <p><a href={liteHome()}><strong>{settings.name}</strong></a> · {t(lang, 'lite.name')}</p>
          <nav aria-label={t(lang, 'site.sections')}>
            <ul>{site.sections.map((s) => <li><a href={liteSection(s.slug, site.base ? lang : undefined)}>{s.name}</a></li>)}</ul>
          </nav>
          <nav aria-label={t(lang, 'lite.languages')}>
            <ul>{LANGUAGES.map((l) => <li><a href={liteHome(l)} lang={l} dir={dir(l)} hreflang={l}>{t(l, `language.${l}`)}</a></li>)}</ul>
          </nav>
        </header>
        <BreakingStrip site={site} />
        <main>{children}</main>
        <footer>
          <p><a href={full}>{t(lang, 'lite.full')}</a></p>
          <MirrorList site={site} />
          <p><a href="/offline/">{t(lang, 'offline.link')}</a></p>
          <p>{t(lang, 'site.footer.rights', { year: localYear(site.now, settings.timeZone), name: settings.name })}</p>
        </footer>
      </body>
    </html>
  );
}
