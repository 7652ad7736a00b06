// GET /search: the reader's search. Whatever arrives in the address answers with a results page (a bad date or an
// unknown section is ignored, a page past the end is empty): a search is never an error. Result pages are not
// for search engines (noindex).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { publishedCards, publishedTexts } from '../content/reading.ts';
import { searchIndexFor } from '../search/search_index.ts';
import { MARK_END, MARK_START, queryTerms } from '../search/normalise.ts';
import { snippetOf } from '../search/snippet.ts';
import { t, dir, separatorOf, zonedMidnight, type MessageKey } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { loadSiteView } from './site_view.ts';
import { cardTags, siteTags } from './cache_tags.ts';
import { sendPage } from '../http/send_page.ts';
import { Layout, frontLinks } from './views/layout.tsx';
import { Pager, SectionLabel, When, articleHref } from './views/parts.tsx';
import { frontSite } from './fronts.ts';

const PER_PAGE = 10;
const MAX_PAGE = 1000;

interface SearchParams {
  q: string;
  section: string;
  lang: string;
  from: string;
  to: string;
  page: number;
}

function one(v: unknown): string {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : '';
}

const DAY = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The address's parameters, each one kept only when it makes sense. */
export function searchParams(query: unknown): SearchParams {
  const raw = (query ?? {}) as Record<string, unknown>;
  const day = (s: string) => (DAY.test(s) ? s : '');
  const page = Number(one(raw.page));
  return {
    q: one(raw.q).slice(0, 200),
    section: one(raw.section).slice(0, 200),
    lang: (LANGUAGES as readonly string[]).includes(one(raw.lang)) ? one(raw.lang) : '',
    from: day(one(raw.from)),
    to: day(one(raw.to)),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

export function searchHref(p: SearchParams, page: number, base = ''): string {
  const qs = new URLSearchParams();
  for (const k of ['q', 'section', 'lang', 'from', 'to'] as const) if (p[k]) qs.set(k, p[k]);
  if (page > 1) qs.set('page', String(page));
  return `${base}/search?${qs}`;
}

/** A snippet from the engine (plain text with our private-use markers) as text and <mark> elements: Preact
 * escapes the text, so nothing a story or a reader wrote can become markup. */
export function Snippet({ text }: { text: string }): VNode {
  const parts: ComponentChildren[] = [];
  for (const [i, chunk] of text.split(MARK_START).entries()) {
    if (i === 0) {
      parts.push(chunk.replaceAll(MARK_END, ''));
      continue;
    }
    const end = chunk.indexOf(MARK_END);
    const marked = end < 0 ? chunk : chunk.slice(0, end);
    parts.push(<mark>{marked}</mark>, end < 0 ? '' : chunk.slice(end + 1).replaceAll(MARK_END, ''));
  }
  return <p class="search-snippet">{parts}</p>;
}

/** GET /search, and /fa/search, /ps/search: the search page in the site's languages (words, dates and digits in the
 * page's language; each result in its own). */
export async function searchShow(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, language?: string) {
  const p = searchParams(req.query);
  const site = await frontSite(ctx, reply, language, `search${req.url.includes('?') ? `?${req.url.split('?', 2)[1]}` : ''}`);
  if (!site) return reply;
  const { lang, settings, base } = site;
  const section = site.sections.find((s) => s.slug === p.section);
  const [y1, m1, d1] = p.from.split('-').map(Number);
  const [y2, m2, d2] = p.to.split('-').map(Number);
  const results = await searchIndexFor(ctx).query({
    q: p.q,
    sectionId: section?.id,
    language: p.lang || undefined,
    from: p.from ? zonedMidnight(y1, m1, d1, settings.timeZone).toISOString() : undefined,
    to: p.to ? zonedMidnight(y2, m2, d2 + 1, settings.timeZone).toISOString() : undefined,
    limit: PER_PAGE,
    offset: (p.page - 1) * PER_PAGE,
  });
  const ids = results.hits.map((h) => h.articleId);
  const [cardList, texts] = await Promise.all([publishedCards(ctx.db, ids), publishedTexts(ctx.db, ids)]);
  const cards = new Map(cardList.map((c) => [c.id, c]));
  // The engine's snippet is cut from its normalised copy (no ZWNJ, Latin digits); the reader sees one cut the same
  // way from the story as written.
  const terms = queryTerms(p.q);
  const snippet = (h: { articleId: number; snippet: string }) => (texts.has(h.articleId) ? snippetOf(texts.get(h.articleId) ?? '', terms) : h.snippet);
  const pages = Math.max(1, Math.ceil(results.total / PER_PAGE));
  const words = p.q.trim();
  const heading = words ? t(lang, 'search.title_for', { q: words }) : t(lang, 'search.title');
  const prev = p.page > 1 && p.page <= pages ? <link rel="prev" href={searchHref(p, p.page - 1, base)} /> : null;
  const next = p.page < pages ? <link rel="next" href={searchHref(p, p.page + 1, base)} /> : null;
  // Results can change with any story: 'articles' is purged by every change readers can see (page_cache_events.ts).
  const cacheTags = [...siteTags(site), 'articles', 'list:latest', ...cardTags([...cards.values()])];
  return sendPage(reply, (
    <Layout site={site} title={`${heading} | ${settings.name}`} languages={frontLinks(site, ctx.config.publicUrl, `/search${p.q ? `?q=${encodeURIComponent(p.q)}` : ''}`)} head={<><meta name="robots" content="noindex" />{prev}{next}</>}>
      <section class="search-page">
        <h1>{heading}</h1>
        <search aria-label={t(lang, 'search.label')}><form class="search-form" action={`${base}/search`} method="get">
          <p>
            <label for="search-q">{t(lang, 'search.words')}</label>
            <input id="search-q" type="search" name="q" value={p.q} maxLength={200} />
          </p>
          <p>
            <label for="search-section">{t(lang, 'search.section')}</label>
            <select id="search-section" name="section">
              <option value="">{t(lang, 'search.any')}</option>
              {site.sections.map((s) => <option value={s.slug} selected={s.slug === p.section}>{s.name}</option>)}
            </select>
          </p>
          <p>
            <label for="search-lang">{t(lang, 'search.language')}</label>
            <select id="search-lang" name="lang">
              <option value="">{t(lang, 'search.any')}</option>
              {LANGUAGES.map((l) => <option value={l} selected={l === p.lang}>{t(lang, `language.${l}` as MessageKey)}</option>)}
            </select>
          </p>
          <p><label for="search-from">{t(lang, 'search.from')}</label> <input id="search-from" type="date" name="from" value={p.from} /></p>
          <p><label for="search-to">{t(lang, 'search.to')}</label> <input id="search-to" type="date" name="to" value={p.to} /></p>
          <p><button type="submit">{t(lang, 'search.button')}</button></p>
        </form></search>
        {!words ? <p>{t(lang, 'search.prompt')}</p> : (
          <>
            <p class="list-count">{t(lang, results.more ? 'search.count_more' : 'search.count', { count: results.total })}</p>
            {results.hits.length ? (
              <ol class="search-results" aria-label={t(lang, 'search.results')}>
                {results.hits.map((h) => {
                  const a = cards.get(h.articleId);
                  if (!a) return null;
                  return (
                    <li lang={a.language} dir={dir(a.language)}>
                      {a.section ? <SectionLabel section={a.section} site={site} /> : null}
                      <h2 class="card-headline"><a href={articleHref(a.slug)}>{a.headline}</a></h2>
                      <Snippet text={snippet(h)} />
                      {/* the result's date and language in the page's language, as the rest of the page */}
                      <p class="card-meta" lang={lang} dir={dir(lang)}><When at={a.published_at} site={site} lang={lang} />{a.language !== lang
                        ? <>{separatorOf(lang)}<span class="card-language">{t(lang, `language.${a.language}` as MessageKey)}</span></> : null}</p>
                    </li>
                  );
                })}
              </ol>
            ) : <p>{t(lang, 'search.none')}</p>}
            <Pager page={p.page} pages={pages} href={(n) => searchHref(p, n, base)} lang={lang} />
          </>
        )}
      </section>
    </Layout>
  ), { cacheTags });
}
