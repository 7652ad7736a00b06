// The preview of a draft: the article as the public page draws it (headline, section, bylines, hero, body),
// inside the site's layout under a banner that says it is not public, never indexed.
import type { VNode } from 'preact';
import type { ArticlePage } from '../content/reading.ts';
import type { SiteView } from './site_view.ts';
import { Layout } from './views/layout.tsx';
import { Picture } from './views/picture.tsx';
import { Bylines, sectionHref, When } from './views/parts.tsx';
import { t } from '../i18n/index.ts';

export function PreviewPage({ a, site, until }: { a: ArticlePage; site: SiteView; until: string }): VNode {
  const hero = a.card.hero;
  return (
    <Layout site={site} title={`${a.headline} | ${site.settings.name}`} current={a.card.section?.slug} head={<meta name="robots" content="noindex, nofollow" />}>
      <p class="preview-banner" role="status">
        <strong>{t(site.lang, 'preview.title')}</strong>{' '}
        {t(site.lang, a.status === 'published' ? 'preview.published' : 'preview.not_public', { status: t(site.lang, `status.${a.status}`) })}{' '}
        {t(site.lang, 'preview.until')} <When at={until} site={site} lang={site.lang} style="datetime" />.
      </p>
      <article class="story" data-status={a.status}>
        <header class="story-header">
          {a.card.section ? <a class="section-label" href={sectionHref(a.card.section.slug)}>{a.card.section.name}</a> : null}
          <h1>{a.headline}</h1>
          {a.standfirst ? <p class="standfirst">{a.standfirst}</p> : null}
          <div class="story-meta"><Bylines authors={a.card.authors} lang={site.lang} /></div>
        </header>
        {hero ? (
          <figure class="hero">
            <Picture media={hero} alt={a.hero_alt || hero.alt} sizes="(min-width: 60em) 42em, 100vw" eager />
            {a.hero_caption || hero.caption ? <figcaption>{a.hero_caption || hero.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: a.body_html }} />
      </article>
    </Layout>
  );
}
