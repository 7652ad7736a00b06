// The frame of every public page: date bar, masthead, section navigation, footer. No scripts.
import type { ComponentChildren, VNode } from 'preact';
import { t, dir, dualDate, formatDate, localDay, localYear, separatorOf, type MessageKey } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';
import { assetUrl } from '../assets.ts';
import { Picture } from './picture.tsx';
import { FeedLinks } from '../feeds/feed_links.tsx';
import { PageCard, SiteIconLinks } from './social_meta.tsx';
import { SearchBox } from './search_box.tsx';
import { MirrorList } from './mirrors.tsx';
import { liteHrefFor } from '../lite/lite_paths.ts';
import { BreakingStrip } from './breaking_strip.tsx';
import { AlertsOptIn } from './alerts_optin.tsx';

export interface LayoutProps {
  site: SiteView;
  title: string;
  description?: string;
  canonical?: string;
  /** section slug to mark as current in the navigation */
  current?: string;
  head?: ComponentChildren;
  /** an article page, whose head carries its own social card (ArticleMeta) */
  article?: boolean;
  /** the list whose feeds the page announces (its address; '' for the whole site's) */
  feeds?: string;
  /** the same page in the site's other languages (with this one), for hreflang and the language switcher */
  languages?: LanguageLinks;
  children: ComponentChildren;
}

export interface LanguageLinks {
  /** the site's public origin: hreflang addresses are absolute */
  origin: string;
  links: { lang: string; path: string }[];
}

/** The fronts of every language the site publishes in ("/", "/fa/", "/ps/"), or nothing for a one-language site. */
export function frontLinks(site: SiteView, origin: string, path = '/'): LanguageLinks | undefined {
  if (site.published.length < 2) return undefined;
  return { origin, links: site.published.map((l, i) => ({ lang: l, path: i === 0 ? path : `/${l}${path}` })) };
}

function LanguageSwitch({ languages, lang }: { languages: LanguageLinks; lang: string }): VNode {
  return (
    <nav class="languages" aria-label={t(lang, 'language.switch')}>
      <ul>
        {languages.links.map((l) => (
          <li><a href={l.path} hreflang={l.lang} lang={l.lang} dir={dir(l.lang)} aria-current={l.lang === lang ? 'page' : undefined}>{t(l.lang, `language.${l.lang}` as MessageKey)}</a></li>
        ))}
      </ul>
    </nav>
  );
}

/** Today's date in the page language's calendar; with the other calendar's beside it when the site asks for both
 * ("دوشنبه، ۱۶ قوس ۱۴۰۵ هـ.ش ـ ۷ دسمبر ۲۰۲۶ م"), each carrying its era mark. */
function Today({ site }: { site: SiteView }): VNode {
  const { now, lang, settings } = site;
  const both = dualDate(now, lang, settings);
  const day = localDay(now, settings.timeZone);
  if (!both) return <p><time datetime={day}>{formatDate(now, lang, settings, 'weekday')}</time></p>;
  return <p><time datetime={day}>{both.first}</time>{separatorOf(lang)}<time datetime={day}>{both.second}</time></p>;
}

export function Layout({ site, title, description, canonical, current, head, feeds, languages, article, children }: LayoutProps): VNode {
  const { settings, lang } = site;
  const today = site.now;
  const year = localYear(today, settings.timeZone);
  return (
    <html lang={lang} dir={dir(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {canonical && !article ? <PageCard site={site} title={title} description={description ?? settings.description} url={canonical} /> : null}
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {feeds === undefined ? null : <FeedLinks base={feeds} title={title} />}
        {languages?.links.map((l) => <link rel="alternate" hreflang={l.lang} href={`${languages.origin}${l.path}`} />)}
        <SiteIconLinks />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">{t(lang, 'site.skip')}</a>
        <header class="masthead">
          <div class="datebar">
            <Today site={site} />
            <p class="lite-link"><a href={liteHrefFor(canonical ? new URL(canonical).pathname : '/')}>{t(lang, 'lite.link')}</a></p>
            {settings.social.length ? (
              <ul class="social" aria-label={t(lang, 'site.footer.follow')}>
                {settings.social.map((s) => <li><a href={s.url} rel="me noopener">{s.label}</a></li>)}
              </ul>
            ) : null}
            {languages && languages.links.length > 1 ? <LanguageSwitch languages={languages} lang={lang} /> : null}
          </div>
          <div class="brand">
            <a class="brand-name" href={`${site.base}/`}>
              {site.logo
                ? <Picture media={site.logo} alt={settings.name} sizes="216px" display={480} eager class="brand-logo" />
                : <span>{settings.name}</span>}
            </a>
            {/* a language the newsroom has not written the description in shows the default one: marked as such, so that
              its punctuation lands on the right side of a right-to-left page */}
            {site.settings.localized[lang]?.description || lang === site.settings.language
              ? <p class="tagline">{settings.description}</p>
              : <p class="tagline" lang={site.settings.language} dir={dir(site.settings.language)}>{settings.description}</p>}
          </div>
          <SearchBox lang={lang} base={site.base} />
          <nav class="sections" aria-label={t(lang, 'site.sections')}>
            <ul>
              <li><a href={`${site.base}/`} aria-current={current === '' ? 'page' : undefined}>{t(lang, 'site.home')}</a></li>
              {site.sections.map((s) => (
                <li><a href={`${site.base}/section/${encodeURIComponent(s.slug)}`} aria-current={current === s.slug ? 'page' : undefined}>{s.name}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        <BreakingStrip site={site} />
        <main id="main">{children}</main>
        <footer class="site-footer">
          <section aria-label={t(lang, 'site.footer.about', { name: settings.name })}>
            <p class="footer-name">{settings.name}</p>
          </section>
          <nav aria-label={t(lang, 'site.footer.archive')}>
            <ul>
              {site.sections.map((s) => <li><a href={`${site.base}/section/${encodeURIComponent(s.slug)}`}>{s.name}</a></li>)}
              <li><a href={`/${year}/`}>{t(lang, 'site.footer.archive')}</a></li>
            </ul>
          </nav>
          <MirrorList site={site} />
          <AlertsOptIn site={site} current={current} />
          <p class="offline-link"><a href="/offline/">{t(lang, 'offline.link')}</a></p>
          <p class="legal">{t(lang, 'site.footer.rights', { year, name: settings.name })}{separatorOf(lang)}{t(lang, 'site.footer.powered')}</p>
        </footer>
      </body>
    </html>
  );
}
