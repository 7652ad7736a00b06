// GET /: lead story, latest, a block per section, "The World News" rail; ?page=N pages through older stories.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { t } from '../i18n/index.ts';
import { loadSiteView } from './site_view.ts';
import { sendPage } from '../http/send_page.ts';
import { cardTags, siteTags } from './cache_tags.ts';
import { parsePage, pageCount, pageHref, PER_PAGE } from './paging.ts';
import { publishedList, worldRail, WORLD_SECTION } from './rails.ts';
import { Layout, frontLinks } from './views/layout.tsx';
import { frontSite, languageFilter } from './fronts.ts';
import { Pager, Rail, StoryCard, sectionHref } from './views/parts.tsx';
import { listPage } from './list_show.tsx';
import { PagingLinks } from './views/social_meta.tsx';

const LATEST = 7;

/** The front page of the site's default language (GET /) or of another language it publishes in (GET /fa/, /ps/). */
export async function homeShow(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, language?: string) {
  const site = await frontSite(ctx, reply, language);
  if (!site) return reply;
  const page = parsePage(req.query);
  const home = `${site.base}/`;
  const only = languageFilter(site);
  if (page > 1) return listPage(ctx, req, reply, { title: (lang) => t(lang, 'home.latest'), base: home, filter: only, page, offset: LATEST - PER_PAGE, lang: site.lang, languages: frontLinks(site, ctx.config.publicUrl) });
  const lang = site.lang;
  const { items: top, total } = await publishedList(ctx, only, LATEST);
  const [lead, ...latest] = top;
  const shown = top.map((a) => a.id);
  const [world, blocks] = await Promise.all([
    worldRail(ctx, lang, [], 5),
    Promise.all(site.sections.filter((s) => s.slug !== WORLD_SECTION).map(async (s) => ({ section: s, items: (await publishedList(ctx, { ...only, sectionId: s.id, excludeIds: shown }, 4)).items }))),
  ]);
  const cacheTags = [
    ...siteTags(site), 'list:latest', ...cardTags([...top, ...world.items, ...blocks.flatMap((b) => b.items)]),
    ...site.sections.map((s) => `list:section:${s.id}`),
  ];
  const pages = total > LATEST ? pageCount(total - LATEST + PER_PAGE, 1) : 1;
  return sendPage(reply, (
    <Layout site={site} title={t(lang, 'home.title', { name: site.settings.name })} description={site.settings.description} current="" feeds={site.base} canonical={`${ctx.config.publicUrl}${home}`}
      languages={frontLinks(site, ctx.config.publicUrl)} head={<PagingLinks base={ctx.config.publicUrl} page={1} pages={pages} href={(p) => pageHref(home, p)} />}>
      <h1 class="visually-hidden">{site.settings.name}</h1>
      <div class="home-top">
        {lead ? (
          <section class="lead" aria-label={t(lang, 'home.lead')}>
            <StoryCard a={lead} site={site} size="lead" level={2} eager />
          </section>
        ) : <p>{t(lang, 'list.empty')}</p>}
        {latest.length ? (
          <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="rail-title">{t(lang, 'home.latest')}</h2>
            <div class="latest-list">{latest.map((a) => <StoryCard a={a} site={site} size="line" />)}</div>
          </section>
        ) : null}
        <div class="home-aside"><Rail {...world} site={site} /></div>
      </div>
      {blocks.filter((b) => b.items.length).map((b) => (
        <section class="section-block" aria-labelledby={`block-${b.section.id}`}>
          <h2 id={`block-${b.section.id}`} class="block-title"><a href={`${site.base}${sectionHref(b.section.slug)}`}>{b.section.name}</a></h2>
          <div class="card-grid">{b.items.map((a) => <StoryCard a={a} site={site} />)}</div>
          <p class="block-more"><a href={`${site.base}${sectionHref(b.section.slug)}`}>{t(lang, 'home.more_in', { section: b.section.name })}</a></p>
        </section>
      ))}
      <Pager page={1} pages={pages} href={(p) => pageHref(home, p)} lang={lang} />
    </Layout>
  ), { cacheTags });
}
