// What an article tells search engines and social networks in its <head>: Open Graph, the Twitter card and
// schema.org JSON-LD (NewsArticle and BreadcrumbList). All addresses absolute, from the site's public URL.
import type { VNode } from 'preact';
import type { ArticlePage } from '../../content/reading.ts';
import { imageSources } from '../../media/images.ts';
import { localeOf } from '../../i18n/dates.ts';
import { t } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';
import { authorHref, sectionHref } from './parts.tsx';

/** Cards use the hero's largest JPEG (the 1600-pixel variant where the upload is that wide). */
const CARD_WIDTH = 1600;
/** The drawn icon stands in for the publisher logo when the newsroom has none (see icons.ts). */
export const FALLBACK_LOGO_PATH = '/icon-512.png';

/** JSON for a <script type="application/ld+json">: `<`, `>` and `&` as \u escapes, so a headline holding
 * "</script>" or "<!--" cannot end the element or change how the HTML parser reads it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** og:locale form of a content language: en_GB, fa_AF, ps_AF. */
export const ogLocale = (lang: string) => localeOf(lang).replace('-', '_');

const iso = (at: string) => new Date(at).toISOString();

/** `live`: what a live story adds to (or changes in) its JSON-LD: LiveBlogPosting, its coverage times and entries. */
export function ArticleMeta({ a, site, base, url, description, live }: { a: ArticlePage; site: SiteView; base: string; url: string; description: string; live?: Record<string, unknown> }): VNode {
  const { settings } = site;
  const hero = a.card.hero ? imageSources(a.card.hero, CARD_WIDTH) : null;
  const heroAlt = a.hero_alt || a.card.hero?.alt || '';
  const logo = site.logo ? imageSources(site.logo, 480) : null;
  // The section as the page's language names it, and the breadcrumbs to that language's front and section pages.
  const own = a.card.section;
  const section = own ? { ...own, name: site.sections.find((s) => s.id === own.id)?.name ?? own.name } : null;
  const published = iso(a.published_at ?? a.updated_at);
  const modified = iso(a.updated_at);
  const publisherLogo = { '@type': 'ImageObject', url: base + (logo ? logo.src : FALLBACK_LOGO_PATH), ...(logo ? { width: logo.width, height: logo.height } : { width: 512, height: 512 }) };
  const crumbs = [
    { name: t(site.lang, 'site.home'), item: `${base}${site.base}/` },
    ...(section ? [{ name: section.name, item: base + site.base + sectionHref(section.slug) }] : []),
    { name: a.headline, item: url },
  ];
  const graph = [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: a.headline,
      description,
      // Search engines want an image for every story: without a hero, the newsroom's logo stands in.
      image: [hero ? { '@type': 'ImageObject', url: base + hero.src, width: hero.width, height: hero.height } : publisherLogo],
      datePublished: published,
      dateModified: modified,
      author: a.card.authors.map((p) => ({ '@type': 'Person', name: p.name, url: base + authorHref(p.slug) })),
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: settings.name,
        url: `${base}/`,
        logo: publisherLogo,
      },
      ...(section ? { articleSection: section.name } : {}),
      keywords: a.tags.map((tag) => tag.name),
      inLanguage: a.language,
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      ...live,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
    },
  ];
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:title" content={a.seo_title || a.headline} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={settings.name} />
      <meta property="og:locale" content={ogLocale(a.language)} />
      {hero ? <>
        <meta property="og:image" content={base + hero.src} />
        <meta property="og:image:type" content="image/jpeg" />
        <meta property="og:image:width" content={String(hero.width)} />
        <meta property="og:image:height" content={String(hero.height)} />
        {heroAlt ? <meta property="og:image:alt" content={heroAlt} /> : null}
      </> : null}
      <meta property="article:published_time" content={published} />
      <meta property="article:modified_time" content={modified} />
      {section ? <meta property="article:section" content={section.name} /> : null}
      {a.tags.map((tag) => <meta property="article:tag" content={tag.name} />)}
      <meta name="twitter:card" content={hero ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={a.seo_title || a.headline} />
      <meta name="twitter:description" content={description} />
      {hero ? <meta name="twitter:image" content={base + hero.src} /> : null}
      {hero && heroAlt ? <meta name="twitter:image:alt" content={heroAlt} /> : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(graph) }} />
    </>
  );
}

/** The card a list or front page gives social networks when shared: the page's own title and address, the
 * newsroom's name, line and logo. Articles give their own (ArticleMeta). */
export function PageCard({ site, title, description, url }: { site: SiteView; title: string; description: string; url: string }): VNode {
  const origin = new URL(url).origin;
  const logo = site.logo ? imageSources(site.logo, 480) : null;
  const image = origin + (logo ? logo.src : FALLBACK_LOGO_PATH);
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={site.settings.name} />
      <meta property="og:locale" content={ogLocale(site.lang)} />
      <meta property="og:image" content={image} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      <meta name="twitter:image" content={image} />
    </>
  );
}

/** The icons and manifest every page names (src/site/icons.ts serves them). */
export function SiteIconLinks(): VNode {
  return (
    <>
      <link rel="icon" href="/favicon.ico" sizes="48x48" />
      <link rel="icon" href="/favicon.png" type="image/png" sizes="32x32" />
      <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      <link rel="manifest" href="/manifest.webmanifest" />
    </>
  );
}

/** <link rel="prev"> and <link rel="next"> for a page of a list that pages (absolute addresses). */
export function PagingLinks({ base, page, pages, href }: { base: string; page: number; pages: number; href: (p: number) => string }): VNode {
  return (
    <>
      {page > 1 ? <link rel="prev" href={base + href(page - 1)} /> : null}
      {page < pages ? <link rel="next" href={base + href(page + 1)} /> : null}
    </>
  );
}
