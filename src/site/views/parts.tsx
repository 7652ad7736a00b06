// Pieces shared by the public pages: story cards, bylines, ad slots, the pager, rails.
import type { VNode } from 'preact';
import { t, dir, formatDate, listParts, separatorOf, type MessageKey } from '../../i18n/index.ts';
import type { ArticleCard as Card, Byline } from '../../content/reading.ts';
import type { SiteView } from '../site_view.ts';
import { Picture } from './picture.tsx';
import { imageSources } from '../../media/images.ts';

export const articleHref = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const sectionHref = (slug: string) => `/section/${encodeURIComponent(slug)}`;
export const authorHref = (slug: string) => `/author/${encodeURIComponent(slug)}`;
export const tagHref = (slug: string) => `/tag/${encodeURIComponent(slug)}`;

/** A name or number set inside a sentence of another direction, isolated the way <bdi> isolates an element (U+2068
 * FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE): "More from Mariam Sadat" in a Dari sentence stays whole. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A section label in the page's language: the name the newsroom gave the section in it (the menu's), linking to
 * the section's page in that language. */
export function SectionLabel({ section, site }: { section: { id: number; slug: string; name: string }; site: SiteView }): VNode {
  const name = site.sections.find((s) => s.id === section.id)?.name ?? section.name;
  return <a class="section-label" href={`${site.base}${sectionHref(section.slug)}`}>{name}</a>;
}

export function When({ at, site, lang, style = 'date' }: { at: string; site: SiteView; lang: string; style?: 'date' | 'datetime' }): VNode {
  return <time datetime={at}>{formatDate(at, lang, site.settings, style)}</time>;
}

/** "By: A and B", each name linking to the author's page. */
export function Bylines({ authors, lang }: { authors: Byline[]; lang: string }): VNode | null {
  if (!authors.length) return null;
  // The language's own list words and punctuation ("A, B and C"; "الف، ب و ج"); each name isolated (<bdi>) so a
  // Latin name in a Dari byline, or the reverse, does not reorder what is around it.
  const parts = listParts(authors.map((a) => a.slug), lang);
  const bySlug = new Map(authors.map((a) => [a.slug, a]));
  return (
    <p class="byline">
      {t(lang, 'article.by')}{' '}
      {parts.map((p) => {
        const a = p.type === 'element' ? bySlug.get(p.value) : undefined;
        return a ? <a href={authorHref(a.slug)} rel="author"><bdi>{a.name}</bdi></a> : p.value;
      })}
    </p>
  );
}

/** A story in a list. `size` picks the layout: lead (big image), card (image), line (headline only). */
export function StoryCard({ a, site, size = 'card', level = 3, eager }: { a: Card; site: SiteView; size?: 'lead' | 'card' | 'line'; level?: 2 | 3; eager?: boolean }): VNode {
  const H = level === 2 ? 'h2' : 'h3';
  const lang = a.language;
  return (
    <article class={`story-card story-${size}`} lang={lang !== site.lang ? lang : undefined} dir={dir(lang) !== dir(site.lang) ? dir(lang) : undefined}>
      {size !== 'line' && a.hero ? (
        <a href={articleHref(a.slug)} tabindex={-1} aria-hidden="true" class="card-image">
          <Picture media={a.hero} alt="" sizes={size === 'lead' ? '(min-width: 60em) 40em, 100vw' : '(min-width: 60em) 20em, 100vw'} display={size === 'lead' ? 960 : 480} eager={eager} />
        </a>
      ) : null}
      <div class="card-text">
        {a.section && size !== 'line' ? <SectionLabel section={a.section} site={site} /> : null}
        <H class="card-headline">{site.live?.has(a.id) ? <><span class="card-live">{t(lang, 'live.badge')}</span> </> : null}<a href={articleHref(a.slug)}>{a.headline}</a></H>
        {size !== 'line' && a.standfirst ? <p class="card-standfirst">{a.standfirst}</p> : null}
        <p class="card-meta">
          {/* in the story's own language and punctuation ("A، B و C"), each name and the date isolated (<bdi>) so that a
              Latin name beside Arabic-script words, or a date's digits, do not reorder what is around them */}
          {a.authors.length ? <span>{listParts(a.authors.map((p) => p.name), lang).map((p) => (p.type === 'element' ? <bdi>{p.value}</bdi> : p.value))}{separatorOf(lang)}</span> : null}
          <bdi><When at={a.published_at} site={site} lang={lang} /></bdi>
          {lang !== site.lang ? <>{separatorOf(lang)}<span class="card-language" lang={site.lang} dir={dir(site.lang)}>{t(site.lang, `language.${lang}` as MessageKey)}</span></> : null}
        </p>
      </div>
    </article>
  );
}

export interface Creative {
  id: number;
  headline: string;
  body: string;
  link_url: string;
  image: { storage_key: string; width: number; height: number; variants: string } | null;
}

/** A house ad, always labelled "- Advertisement -". Renders nothing when no creative is running. */
export function AdSlot({ creative, slot, lang }: { creative: Creative | null; slot: string; lang: string }): VNode | null {
  if (!creative) return null;
  const img = creative.image ? imageSources(creative.image, 480) : null;
  const inner = (
    <>
      {img ? <img src={img.src} srcset={img.srcset} sizes="20em" width={img.width} height={img.height} alt="" loading="lazy" decoding="async" /> : null}
      {creative.headline ? <strong dir="auto">{creative.headline}</strong> : null}
      {creative.body ? <span dir="auto">{creative.body}</span> : null}
    </>
  );
  return (
    <aside class={`ad ad-${slot}`} aria-label={`${t(lang, 'ad.label')} (${slot})`}>
      <p class="ad-label">{t(lang, 'ad.label')}</p>
      {creative.link_url ? <a class="ad-body" href={creative.link_url} rel="sponsored noopener">{inner}</a> : <div class="ad-body">{inner}</div>}
    </aside>
  );
}

/** Older/newer links and "Page N of M". */
export function Pager({ page, pages, href, lang }: { page: number; pages: number; href: (p: number) => string; lang: string }): VNode | null {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t(lang, 'pager.label')}>
      {page > 1 ? <a rel="prev" href={href(page - 1)}>{t(lang, 'pager.newer')}</a> : <span />}
      <span>{t(lang, 'pager.page', { page, pages })}</span>
      {page < pages ? <a rel="next" href={href(page + 1)}>{t(lang, 'pager.older')}</a> : <span />}
    </nav>
  );
}

/** A titled list of stories in a side rail or block. */
export function Rail({ title, href, items, site, label }: { title: string; href?: string; items: Card[]; site: SiteView; label?: string }): VNode | null {
  if (!items.length) return null;
  return (
    <section class="rail" aria-label={label ?? title}>
      <h2 class="rail-title">{href ? <a href={href}>{title}</a> : title}</h2>
      <ol class="rail-list">
        {items.map((a) => <li><StoryCard a={a} site={site} size="line" /></li>)}
      </ol>
    </section>
  );
}
