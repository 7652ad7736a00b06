// The lite edition: text-first pages (home, each language's home, article, section) of a few kilobytes, with
// headlines, bylines, the body and links, and no pictures, ads, comments or scripts. Each page takes its lang and
// dir from what it shows, goes out through the one HTML path (sendPage: page cache, ETag, compression), and links
// back to the same page of the full edition.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../../context.ts';
import { findArticleBySlug, type ArticleCard, type ListFilter } from '../../content/reading.ts';
import { getSectionBySlug } from '../../content/sections.ts';
import { NotFoundError } from '../../errors.ts';
import { t, dir } from '../../i18n/index.ts';
import { separatorOf } from '../../i18n/dates.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { sendPage } from '../../http/send_page.ts';
import { loadSiteView, type SiteView } from '../site_view.ts';
import { cardTags, siteTags } from '../cache_tags.ts';
import { parsePage, pageCount, pageHref } from '../paging.ts';
import { publishedList } from '../rails.ts';
import { When, articleHref, authorHref, sectionHref } from '../views/parts.tsx';
import { LiteLayout } from './lite_layout.tsx';
import { articleDescription, describePage, inDefaultLanguage, siteLine } from '../views/describe.ts';
import { LITE, liteArticle, liteHome, liteSection } from './lite_paths.ts';
import { READS } from '../page_query.ts';
import { liveStory } from '../../live/reading.ts';
import { LiteLive } from '../live_block.tsx';

/** Stories on one page of a lite list: headlines and a line each, still a few kilobytes compressed. */
const LITE_PER_PAGE = 25;

/** The article body without what costs bytes to fetch: pictures, media and embedded frames (captions stay). */
export function textOnly(html: string): string {
  return html
    .replace(/<(picture|video|audio|iframe|object)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(img|source|embed)\b[^>]*>/gi, '');
}

/** The comma between the items of a list: Dari and Pashto write their own (،). */
const listComma = (lang: string) => (dir(lang) === 'rtl' ? '، ' : ', ');

function Byline({ authors, lang }: { authors: ArticleCard['authors']; lang: string }): VNode | null {
  if (!authors.length) return null;
  return (
    <>
      {t(lang, 'article.by')}{' '}
      {authors.map((p, i) => <>{i > 0 ? (i === authors.length - 1 ? ` ${t(lang, 'article.and')} ` : listComma(lang)) : null}<a href={authorHref(p.slug)} rel="author">{p.name}</a></>)}
    </>
  );
}

/** A section's name in a story's language: the newsroom's name for it there, or the one it has. */
function sectionNameIn(site: SiteView, section: { slug: string; name: string }, lang: string): string {
  if (lang === site.lang) return site.sections.find((s) => s.slug === section.slug)?.name ?? section.name;
  return site.settings.localized[lang]?.sections?.[section.slug] || section.name;
}

function LiteList({ items, site }: { items: ArticleCard[]; site: SiteView }): VNode {
  return (
    <ol class="lite-list">
      {items.map((a) => (
        <li lang={a.language !== site.lang ? a.language : undefined} dir={dir(a.language) !== dir(site.lang) ? dir(a.language) : undefined}>
          <h2><a href={liteArticle(a.slug)}>{a.headline}</a></h2>
          <p class="meta">
            {/* the story's language's separator: a middle dot beside Persian digits reads as a zero */}
            {a.section ? <><a href={liteSection(a.section.slug, site.base && a.language === site.lang ? site.lang : undefined)}>{sectionNameIn(site, a.section, a.language)}</a>{separatorOf(a.language)}</> : null}
            <Byline authors={a.authors} lang={a.language} />{a.authors.length ? separatorOf(a.language) : null}
            <When at={a.published_at} site={site} lang={a.language} />
          </p>
          {a.standfirst ? <p>{a.standfirst}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Pager({ page, pages, base, lang }: { page: number; pages: number; base: string; lang: string }): VNode | null {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t(lang, 'pager.label')}>
      <ul>
        {page > 1 ? <li><a rel="prev" href={pageHref(base, page - 1)}>{t(lang, 'pager.newer')}</a></li> : null}
        <li>{t(lang, 'pager.page', { page, pages })}</li>
        {page < pages ? <li><a rel="next" href={pageHref(base, page + 1)}>{t(lang, 'pager.older')}</a></li> : null}
      </ul>
    </nav>
  );
}

/** A lite list page: the home (all languages or one) or a section. */
async function liteList(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, spec: {
  lang?: string; heading: (site: SiteView) => string; base: string; full: string; filter: ListFilter; tags: string[];
  /** the newsroom's own words about the list (the site's line, a section's description) */
  describe: (site: SiteView) => string | undefined;
}) {
  const page = parsePage(req.query);
  const [site, list] = await Promise.all([
    loadSiteView(ctx, spec.lang),
    publishedList(ctx, spec.filter, LITE_PER_PAGE, (page - 1) * LITE_PER_PAGE),
  ]);
  const pages = pageCount(list.total, page, LITE_PER_PAGE);
  const heading = spec.heading(site);
  const title = page > 1 ? t(site.lang, 'list.page_title', { title: heading, page }) : heading;
  // A language's lite home stands for that language's front (/fa/) where the site has one.
  const full = spec.lang ? `${site.base}${spec.full}` : spec.full;
  return sendPage(reply, (
    <LiteLayout site={site} title={`${title} | ${site.settings.name}`} description={describePage(site, heading, spec.describe(site), list.items)}
      origin={ctx.config.publicUrl} full={pageHref(full, page)}>
      <h1>{heading}</h1>
      {list.items.length ? <LiteList items={list.items} site={site} /> : <p>{t(site.lang, 'list.empty')}</p>}
      <Pager page={page} pages={pages} base={spec.base} lang={site.lang} />
    </LiteLayout>
  ), { cacheTags: [...siteTags(site), ...spec.tags, ...cardTags(list.items)] });
}

type SlugReq = FastifyRequest<{ Params: { slug: string } }>;

async function liteArticleShow(ctx: AppContext, req: SlugReq, reply: FastifyReply) {
  const a = await ctx.reads.get(`article:${req.params.slug}`, () => findArticleBySlug(ctx.db, req.params.slug));
  // Moved, removed and unpublished stories: the full edition answers (a redirect, 410 or 404), so say nothing more here.
  if (a?.status !== 'published') throw new NotFoundError('We could not find that article.');
  const [site, live] = await Promise.all([loadSiteView(ctx, a.language), liveStory(ctx.db, a.id)]);
  const lang = site.lang;
  const full = articleHref(a.slug);
  return sendPage(reply, (
    <LiteLayout site={site} title={`${a.headline} | ${site.settings.name}`} description={articleDescription(a)} origin={ctx.config.publicUrl} full={full}>
      <article>
        {a.card.section ? <p class="meta"><a href={liteSection(a.card.section.slug, site.base ? lang : undefined)}>{sectionNameIn(site, a.card.section, lang)}</a></p> : null}
        <h1>{a.headline}</h1>
        {a.standfirst ? <p><strong>{a.standfirst}</strong></p> : null}
        <p class="meta">
          <Byline authors={a.card.authors} lang={lang} />{a.card.authors.length ? separatorOf(lang) : null}
          {t(lang, 'article.published')} <When at={a.published_at!} site={site} lang={lang} style="datetime" />
        </p>
        <div dangerouslySetInnerHTML={{ __html: textOnly(a.body_html) }} />
        {live ? <LiteLive live={live} site={site} lang={lang} /> : null}
        {a.tags.length ? <p class="meta">{t(lang, 'article.tags')}: {a.tags.map((tag, i) => <>{i > 0 ? listComma(lang) : null}{tag.name}</>)}</p> : null}
        <p><a href={`${full}#comments`}>{t(lang, 'lite.full_story')}</a></p>
      </article>
    </LiteLayout>
  ), { cacheTags: [...siteTags(site), ...cardTags([a.card]), ...(live ? [`live:${a.id}`] : [])] });
}

export async function liteRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.ctx;
  app.get(LITE, (_req, reply) => reply.redirect(liteHome(), 301));
  app.get(liteHome(), READS.list, (req, reply) => liteList(ctx, req, reply, {
    heading: (site) => t(site.lang, 'lite.title', { name: site.settings.name }), base: liteHome(), full: '/', filter: {}, tags: ['list:latest'], describe: siteLine,
  }));
  app.get<{ Params: { lang: string } }>(`${LITE}/:lang/`, READS.list, (req, reply) => {
    const lang = req.params.lang;
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new NotFoundError('We could not find that page.');
    return liteList(ctx, req, reply, {
      lang, heading: (site) => t(site.lang, 'lite.in_language', { language: t(lang, `language.${lang as (typeof LANGUAGES)[number]}`) }),
      base: liteHome(lang), full: '/', filter: { language: lang }, tags: ['list:latest'], describe: siteLine,
    });
  });
  app.get<{ Params: { slug: string } }>(`${LITE}/articles/:slug`, READS.nothing, (req, reply) => liteArticleShow(ctx, req, reply));
  // A section in one of the site's other languages: its name and stories in that language, its full page /fa/section/x.
  app.get<{ Params: { lang: string; slug: string } }>(`${LITE}/:lang/section/:slug`, READS.list, async (req, reply) => {
    const { lang, slug } = req.params;
    const s = (LANGUAGES as readonly string[]).includes(lang) ? await getSectionBySlug(ctx.db, slug) : null;
    if (!s) throw new NotFoundError('We could not find that section.');
    return liteList(ctx, req, reply, {
      lang, heading: (site) => site.sections.find((x) => x.id === s.id)?.name ?? s.name, base: liteSection(s.slug, lang), full: sectionHref(s.slug),
      filter: { sectionId: s.id, language: lang }, tags: [`section:${s.id}`, `list:section:${s.id}`], describe: (site) => inDefaultLanguage(site, s.description),
    });
  });
  app.get<{ Params: { slug: string } }>(`${LITE}/section/:slug`, READS.list, async (req, reply) => {
    const s = await getSectionBySlug(ctx.db, req.params.slug);
    if (!s) throw new NotFoundError('We could not find that section.');
    return liteList(ctx, req, reply, {
      heading: () => s.name, base: liteSection(s.slug), full: sectionHref(s.slug), filter: { sectionId: s.id }, tags: [`section:${s.id}`, `list:section:${s.id}`],
      describe: (site) => inDefaultLanguage(site, s.description),
    });
  });
}
