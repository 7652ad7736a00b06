// GET /: a front page with a hierarchy: the lead story, two secondary stories, the latest and "The World News" rails,
// then the first sections' blocks drawn large and the others' small; ?page=N pages through older stories.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { t } from '../i18n/index.ts';
import { sendPage } from '../http/send_page.ts';
import { cardTags, siteTags } from './cache_tags.ts';
import { parsePage, pageCount, pageHref, PER_PAGE } from './paging.ts';
import { publishedList, worldRail, WORLD_SECTION } from './rails.ts';
import { Layout, frontLinks } from './views/layout.tsx';
import { frontSite, languageFilter, pinnedStories } from './fronts.ts';
import { frontOrder } from '../content/fronts.ts';
import { Pager, Rail, StoryCard, sectionHref } from './views/parts.tsx';
import { listPage } from './list_show.tsx';
import { PagingLinks } from './views/social_meta.tsx';
import { describePage, siteLine } from './views/describe.ts';
import { loadSignupLists, SignupBox } from './newsletter_box.tsx';
import { loadMostRead, mostReadTags, MostReadBox } from './most_read_box.tsx';

/** The front's top: a lead, two secondary stories with pictures, and the latest rail's headlines. */
const SECONDARY = 2;
const LATEST = 5;
const TOP = 1 + SECONDARY + LATEST;
/** Sections drawn large (a story with its picture and standfirst beside three headlines); the others small. */
const MAJOR_BLOCKS = 2;

/** The front page of the site's default language (GET /) or of another language it publishes in (GET /fa/, /ps/). */
export async function homeShow(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, language?: string) {
  const site = await frontSite(ctx, reply, language);
  if (!site) return reply;
  const page = parsePage(req.query);
  const home = `${site.base}/`;
  // The editor's lead and top stories come first, in their order; the newest of the rest fill the places left (a
  // story with a picture as the lead when there is no chosen one), and the later pages go on from there.
  const front = `home:${site.lang}`;
  const pins = await pinnedStories(ctx, front);
  const pinned = [...(pins.lead ? [pins.lead] : []), ...pins.top].slice(0, TOP);
  const only = { ...languageFilter(site), ...(pinned.length ? { excludeIds: pinned.map((a) => a.id) } : {}) };
  if (page > 1) {
    return listPage(ctx, req, reply, { title: (lang) => t(lang, 'home.latest'), base: home, filter: only, page, offset: TOP - pinned.length - PER_PAGE, lang: site.lang,
      languages: frontLinks(site, ctx.config.publicUrl), cacheTags: [`front:${front}`] });
  }
  const lang = site.lang;
  const { items: newest, total: rest } = await publishedList(ctx, only, TOP - pinned.length);
  const top = frontOrder(pins, newest, true);
  const total = rest + pinned.length;
  const [lead, ...others] = top;
  const secondary = others.slice(0, SECONDARY);
  const latest = others.slice(SECONDARY, SECONDARY + LATEST);
  const shown = top.map((a) => a.id);
  const [world, blocks, signupLists, mostRead] = await Promise.all([
    worldRail(ctx, lang, [], 4),
    Promise.all(site.sections.filter((s) => s.slug !== WORLD_SECTION).map(async (s, i) => ({ section: s, major: i < MAJOR_BLOCKS, items: (await publishedList(ctx, { ...only, sectionId: s.id, excludeIds: shown }, i < MAJOR_BLOCKS ? 4 : 3)).items }))),
    loadSignupLists(ctx, lang),
    loadMostRead(ctx, lang),
  ]);
  const cacheTags = [
    ...siteTags(site), 'list:latest', `front:${front}`, ...cardTags([...top, ...world.items, ...blocks.flatMap((b) => b.items)]),
    ...site.sections.map((s) => `list:section:${s.id}`), 'newsletters', ...mostReadTags(lang, mostRead),
  ];
  const pages = total > TOP ? pageCount(total - TOP + PER_PAGE, 1) : 1;
  return sendPage(reply, (
    <Layout site={site} title={t(lang, 'home.title', { name: site.settings.name })} description={describePage(site, site.settings.name, siteLine(site), top)} current="" feeds={site.base} canonical={`${ctx.config.publicUrl}${home}`}
      languages={frontLinks(site, ctx.config.publicUrl)} head={<PagingLinks base={ctx.config.publicUrl} page={1} pages={pages} href={(p) => pageHref(home, p)} />}>
      <h1 class="visually-hidden">{site.settings.name}</h1>
      <div class="home-top">
        {lead ? (
          <section class={lead.hero ? 'lead' : 'lead lead-text'} aria-label={t(lang, 'home.lead')}>
            <StoryCard a={lead} site={site} size="lead" level={2} eager />
          </section>
        ) : <p>{t(lang, 'list.empty')}</p>}
        {secondary.length ? <div class="secondary">{secondary.map((a) => <StoryCard a={a} site={site} level={2} />)}</div> : null}
        <div class="home-rail">
          {latest.length ? (
            <section class="rail latest" aria-labelledby="latest-heading">
              <h2 id="latest-heading" class="rail-title">{t(lang, 'home.latest')}</h2>
              <ol class="rail-list">{latest.map((a) => <li><StoryCard a={a} site={site} size="line" /></li>)}</ol>
            </section>
          ) : null}
          <Rail {...world} site={site} />
          <MostReadBox list={mostRead} lang={lang} />
        </div>
      </div>
      {[true, false].map((major) => {
        const shownBlocks = blocks.filter((b) => b.major === major && b.items.length);
        return shownBlocks.length ? (
          <div class={major ? 'home-major' : 'home-minor'}>
            {shownBlocks.map((b) => (
              <section class={`section-block ${major ? 'block-major' : 'block-minor'}`} aria-labelledby={`block-${b.section.id}`}>
                <h2 id={`block-${b.section.id}`} class="block-title"><a href={`${site.base}${sectionHref(b.section.slug)}`}>{b.section.name}</a></h2>
                <div class="block-stories">
                  <StoryCard a={b.items[0]} site={site} />
                  <ol class="rail-list">{b.items.slice(1).map((a) => <li><StoryCard a={a} site={site} size="line" /></li>)}</ol>
                </div>
                <p class="block-more"><a href={`${site.base}${sectionHref(b.section.slug)}`}>{t(lang, 'home.more_in', { section: b.section.name })}</a></p>
              </section>
            ))}
          </div>
        ) : null;
      })}
      <SignupBox lists={signupLists} lang={lang} defaultLang={site.settings.language} />
      <Pager page={1} pages={pages} href={(p) => pageHref(home, p)} lang={lang} />
    </Layout>
  ), { cacheTags });
}
