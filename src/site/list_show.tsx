// Section, tag, author and date-archive pages: one paginated list of stories with a heading and an intro.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../context.ts';
import type { ListFilter } from '../content/reading.ts';
import { getSectionBySlug } from '../content/sections.ts';
import { getTagBySlug } from '../content/tags.ts';
import { findRedirect } from '../content/redirects.ts';
import { getPersonBySlug } from '../content/people.ts';
import { mediaById, publishedTimes, type ArticleCard } from '../content/reading.ts';
import { KhabarError, NotFoundError } from '../errors.ts';
import { t, formatDate, formatNumber, localDay, zonedMidnight } from '../i18n/index.ts';
import { loadSiteView, type SiteView } from './site_view.ts';
import { sendPage } from '../http/send_page.ts';
import { cardTags, siteTags } from './cache_tags.ts';
import { WORLD_SECTION } from './rails.ts';
import { parsePage, pageCount, pageHref, PER_PAGE } from './paging.ts';
import { publishedList, worldRail } from './rails.ts';
import { Layout, frontLinks, type LanguageLinks } from './views/layout.tsx';
import { frontSite, languageFilter, pinnedStories } from './fronts.ts';
import { Pager, Rail, StoryCard, sectionHref, tagHref, authorHref } from './views/parts.tsx';
import { Picture } from './views/picture.tsx';
import { PagingLinks } from './views/social_meta.tsx';
import { describePage, inDefaultLanguage } from './views/describe.ts';

interface ListSpec {
  title: (lang: string) => string;
  base: string;
  filter: ListFilter;
  page: number;
  /** items shown before page 1 of this list elsewhere (the home page) */
  offset?: number;
  current?: string;
  intro?: (site: SiteView) => ComponentChildren;
  /** announce this list's own feeds (section, tag and author pages) */
  feeds?: boolean;
  /** page-cache tags of what the heading and intro show (the section, tag or author) */
  cacheTags?: string[];
  /** the page's language (a language's front or section pages); the site's default otherwise */
  lang?: string;
  /** the same list in the site's other languages */
  languages?: LanguageLinks;
  /** the stories an editor pinned on this page (a section's front), shown first on page 1; the filter leaves them out */
  pinned?: { lead: ArticleCard | null; top: ArticleCard[] };
  /** the newsroom's own words about the list for its meta description (a section's description, an author's bio) */
  describe?: (site: SiteView) => string | undefined;
}

/** The list a filter draws from, as a page-cache tag: a story published into it changes every page of it. */
function listTag(f: ListFilter): string {
  return f.sectionId !== undefined ? `list:section:${f.sectionId}` : f.tagId !== undefined ? `list:tag:${f.tagId}` : f.personId !== undefined ? `list:person:${f.personId}` : 'list:latest';
}

export async function listPage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, spec: ListSpec) {
  const pinned = spec.pinned ? [...(spec.pinned.lead ? [spec.pinned.lead] : []), ...spec.pinned.top].slice(0, PER_PAGE) : [];
  const adjust = (spec.offset ?? 0) - pinned.length;
  const first = spec.page === 1 && pinned.length > 0;
  const [site, found] = await Promise.all([
    loadSiteView(ctx, spec.lang),
    publishedList(ctx, spec.filter, first ? PER_PAGE - pinned.length : PER_PAGE, first ? 0 : (spec.page - 1) * PER_PAGE + adjust),
  ]);
  const list = { items: first ? [...pinned, ...found.items] : found.items, total: found.total + pinned.length };
  const pages = pageCount(Math.max(0, found.total - adjust), spec.page);
  const lead = first && spec.pinned?.lead ? list.items[0] : null;
  const lang = site.lang;
  const world = await worldRail(ctx, lang, list.items.map((a) => a.id), 5);
  const heading = spec.title(lang);
  const title = spec.page > 1 ? t(lang, 'list.page_title', { title: heading, page: spec.page }) : heading;
  const worldId = site.sections.find((s) => s.slug === WORLD_SECTION)?.id;
  const cacheTags = [
    ...siteTags(site), listTag(spec.filter), ...cardTags([...list.items, ...world.items]), ...(spec.cacheTags ?? []),
    ...(worldId !== undefined ? [`list:section:${worldId}`] : []),
  ];
  return sendPage(reply, (
    <Layout site={site} title={`${title} | ${site.settings.name}`} description={describePage(site, heading, spec.describe?.(site), list.items)} current={spec.current} feeds={spec.feeds ? spec.base : undefined} languages={spec.languages} canonical={`${ctx.config.publicUrl}${pageHref(spec.base, spec.page)}`}
      head={<PagingLinks base={ctx.config.publicUrl} page={spec.page} pages={pages} href={(p) => pageHref(spec.base, p)} />}>
      <div class="list-layout">
        <div class="list-main">
          <header class="list-header">
            <h1>{heading}</h1>
            {spec.intro?.(site)}
            <p class="list-count">{t(lang, 'list.count', { count: list.total })}</p>
          </header>
          {lead ? <section class={lead.hero ? 'section-lead' : 'section-lead lead-text'} aria-label={t(lang, 'home.lead')}><StoryCard a={lead} site={site} size="lead" level={2} eager /></section> : null}
          {list.items.length ? <div class="card-list">{list.items.slice(lead ? 1 : 0).map((a, i) => <StoryCard a={a} site={site} level={2} eager={i === 0 && !lead} />)}</div>
            : <p>{t(lang, 'list.empty')}</p>}
          <Pager page={spec.page} pages={pages} href={(p) => pageHref(spec.base, p)} lang={lang} />
        </div>
        <div class="list-aside"><Rail {...world} site={site} /></div>
      </div>
    </Layout>
  ), { cacheTags });
}

type SlugReq = FastifyRequest<{ Params: { slug: string } }>;

/** A section's page in the site's default language (/section/x) or another it publishes in (/fa/section/x). */
export async function sectionShow(ctx: AppContext, req: SlugReq, reply: FastifyReply, language?: string) {
  const page = parsePage(req.query);
  const s = await getSectionBySlug(ctx.db, req.params.slug);
  if (!s) throw new NotFoundError('We could not find that section.');
  const path = sectionHref(s.slug);
  const site = await frontSite(ctx, reply, language, path.slice(1));
  if (!site) return reply;
  const name = site.sections.find((x) => x.id === s.id)?.name ?? s.name;
  // The section's front: the editor's lead and top stories first, then the section's newest.
  const front = `section:${s.id}:${site.lang}`;
  const pinned = await pinnedStories(ctx, front);
  const excludeIds = [...(pinned.lead ? [pinned.lead.id] : []), ...pinned.top.map((a) => a.id)];
  return listPage(ctx, req, reply, {
    title: () => name, base: `${site.base}${path}`, filter: { ...languageFilter(site), sectionId: s.id, ...(excludeIds.length ? { excludeIds } : {}) }, page, current: s.slug,
    feeds: true, cacheTags: [`section:${s.id}`, `front:${front}`], pinned,
    lang: site.lang, languages: frontLinks(site, ctx.config.publicUrl, path),
    intro: () => (s.description ? <p class="list-intro">{s.description}</p> : null),
    describe: (site) => inDefaultLanguage(site, s.description),
  });
}

export async function tagShow(ctx: AppContext, req: SlugReq, reply: FastifyReply) {
  const page = parsePage(req.query);
  const tag = await getTagBySlug(ctx.db, req.params.slug);
  if (!tag) {
    // A tag renamed or merged into another leaves a redirect at its old address.
    const moved = await findRedirect(ctx.db, `/tag/${req.params.slug}`);
    if (moved && moved.status_code !== 410) return reply.redirect(moved.to_path, moved.status_code as 301 | 302);
    throw new NotFoundError('We could not find that tag.');
  }
  return listPage(ctx, req, reply, { title: (lang) => t(lang, 'list.tag', { name: tag.name }), base: tagHref(tag.slug), filter: { tagId: tag.id }, page, feeds: true, cacheTags: [`tag:${tag.id}`] });
}

export async function authorShow(ctx: AppContext, req: SlugReq, reply: FastifyReply) {
  const page = parsePage(req.query);
  const p = await getPersonBySlug(ctx.db, req.params.slug);
  if (!p) throw new NotFoundError('We could not find that author.');
  const photo = await mediaById(ctx.db, p.photo_media_id);
  return listPage(ctx, req, reply, {
    title: (lang) => t(lang, 'list.author', { name: p.name }), base: authorHref(p.slug), filter: { personId: p.id }, page, feeds: true,
    cacheTags: [`person:${p.id}`, ...(photo ? [`media:${photo.id}`] : [])],
    describe: () => p.bio || p.role_label || undefined,
    intro: () => (
      <section class="author-bio" aria-label={p.name}>
        {photo ? <Picture media={photo} alt={p.name} sizes="6em" display={160} eager /> : null}
        <div>
          {p.role_label ? <p class="role" dir="auto">{p.role_label}</p> : null}
          {p.bio ? <p dir="auto">{p.bio}</p> : null}
        </div>
      </section>
    ),
  });
}

type ArchiveReq = FastifyRequest<{ Params: { year: string; month?: string } }>;

/** /YYYY/ and /YYYY/MM/: stories published in that year or month of the site's time zone. */
export async function archiveShow(ctx: AppContext, req: ArchiveReq, reply: FastifyReply) {
  const page = parsePage(req.query);
  const year = Number(req.params.year);
  const month = req.params.month === undefined ? null : Number(req.params.month);
  if (year < 1900 || year > 2999 || (month !== null && (month < 1 || month > 12))) throw new KhabarError(400, 'bad_date', 'That is not a valid year or month.');
  const { timeZone } = (await loadSiteView(ctx)).settings;
  const from = zonedMidnight(year, month ?? 1, 1, timeZone).toISOString();
  const to = zonedMidnight(month === null ? year + 1 : year, month === null ? 1 : month + 1, 1, timeZone).toISOString();
  const months = month === null ? await ctx.reads.get(`months:${year}:${timeZone}`, () => monthsWithStories(ctx, from, to, timeZone)) : [];
  return listPage(ctx, req, reply, {
    title: (lang) => (month === null ? t(lang, 'list.year', { year }) : t(lang, 'list.month', { month: monthName(year, month, lang, timeZone) })),
    base: archiveHref(year, month), filter: { from, to }, page,
    intro: (site) => (months.length ? (
      <nav class="archive-months" aria-label={t(site.lang, 'archive.months')}>
        <ul>{months.map(([m, n]) => <li><a href={archiveHref(year, m)}>{monthName(year, m, site.lang, timeZone)}</a> ({formatNumber(n, site.lang)})</li>)}</ul>
      </nav>
    ) : null),
  });
}

const archiveHref = (year: number, month: number | null) => (month === null ? `/${year}/` : `/${year}/${String(month).padStart(2, '0')}/`);

/** "November 2026": the Gregorian month the archive address names, in the reader's language. */
function monthName(year: number, month: number, lang: string, timeZone: string): string {
  return formatDate(zonedMidnight(year, month, 15, timeZone), lang, { timeZone, calendar: 'gregorian' }, 'month');
}

/** [month, number of stories] for each month of the range that has any, in the site's time zone. */
async function monthsWithStories(ctx: AppContext, from: string, to: string, timeZone: string): Promise<[number, number][]> {
  const counts = new Map<number, number>();
  for (const at of await publishedTimes(ctx.db, from, to)) {
    const m = Number(localDay(new Date(at), timeZone).slice(5, 7));
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return [...counts.entries()];
}
