// The site's feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each section, tag, author and language.
// Addresses (docs/decisions.md, "Public addresses"): a list's address plus /feed or /rss.xml (RSS), /atom.xml or
// /feed.json; the whole site's at the root (also /rss), a language's under /<language>/ (/fa/feed).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { ListFilter } from '../../content/reading.ts';
import { listFeedStories } from '../../content/feed_stories.ts';
import { getSectionBySlug } from '../../content/sections.ts';
import { getTagBySlug } from '../../content/tags.ts';
import { getPersonBySlug } from '../../content/people.ts';
import { NotFoundError } from '../../errors.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { t } from '../../i18n/index.ts';
import { sendDocument } from '../../http/send_page.ts';
import { loadSiteView } from '../site_view.ts';
import { cardTags, siteTags } from '../cache_tags.ts';
import { authorHref, sectionHref, tagHref } from '../views/parts.tsx';
import { buildFeed, FEED_TYPES, lastChange, type FeedKind } from './feed_build.ts';
import { feedHrefs } from './feed_paths.ts';
import { READS } from '../page_query.ts';

/** How many stories a feed carries: the newest ones. */
export const FEED_SIZE = 30;

/** The file names a feed answers to after a list's address, and the kind each gives. */
const FEED_NAMES: Record<string, FeedKind> = { feed: 'rss', 'rss.xml': 'rss', rss: 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

interface Scope {
  /** the list's own page, site-relative ('' for the home page) */
  base: string;
  title: string;
  filter: ListFilter;
  language?: string;
  /** page-cache tags of the list itself (src/site/cache_tags.ts) */
  tags: string[];
}

async function sendFeed(ctx: AppContext, reply: FastifyReply, kind: FeedKind, scope: (lang: string) => Promise<Scope>) {
  const site = await loadSiteView(ctx);
  const s = await scope(site.lang);
  const stories = await listFeedStories(ctx.db, s.filter, FEED_SIZE);
  const { publicUrl } = ctx.config;
  const self = feedHrefs(s.base);
  const text = buildFeed(kind, {
    title: s.title,
    description: site.settings.description,
    page: `${publicUrl}${s.base || '/'}`,
    self: { rss: publicUrl + self.rss, atom: publicUrl + self.atom, json: publicUrl + self.json },
    language: s.language ?? site.lang,
    publicUrl,
    content: site.settings.feedContent,
  }, stories);
  return sendDocument(reply, text, FEED_TYPES[kind], {
    lastModified: stories.length ? lastChange(stories) : undefined,
    cacheTags: [...siteTags(site), ...s.tags, ...cardTags(stories)],
  });
}

type SlugParams = { Params: { slug: string } };

export async function feedRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.ctx;
  const named = async (lang: string, name: string) => `${name} | ${(await loadSiteView(ctx, lang)).settings.name}`;
  for (const [file, kind] of Object.entries(FEED_NAMES)) {
    app.get(`/${file}`, READS.nothing, (_req, reply) => sendFeed(ctx, reply, kind, async () => ({
      base: '', title: (await loadSiteView(ctx)).settings.name, filter: {}, tags: ['list:latest'] })));
    for (const language of LANGUAGES) {
      // The front's own address is /fa/ (with its slash): the feed's page link names it so.
      app.get(`/${language}/${file}`, READS.nothing, (_req, reply) => sendFeed(ctx, reply, kind, async () => ({
        base: `/${language}/`, title: `${(await loadSiteView(ctx)).settings.name} (${language})`, filter: { language }, language, tags: ['list:latest'],
      })));
      // A language's section pages (/fa/section/economy) link their feeds: that language's stories of the section.
      app.get<SlugParams>(`/${language}/section/:slug/${file}`, READS.nothing, (req, reply) => sendFeed(ctx, reply, kind, async () => {
        const s = await getSectionBySlug(ctx.db, req.params.slug);
        if (!s) throw new NotFoundError('We could not find that section.');
        const site = await loadSiteView(ctx, language);
        const name = site.sections.find((x) => x.id === s.id)?.name ?? s.name;
        return { base: `/${language}${sectionHref(s.slug)}`, title: `${name} | ${site.settings.name}`, filter: { sectionId: s.id, language }, language,
          tags: [`section:${s.id}`, `list:section:${s.id}`] };
      }));
    }
    app.get<SlugParams>(`/section/:slug/${file}`, READS.nothing, (req, reply) => sendFeed(ctx, reply, kind, async (lang) => {
      const s = await getSectionBySlug(ctx.db, req.params.slug);
      if (!s) throw new NotFoundError('We could not find that section.');
      return { base: sectionHref(s.slug), title: await named(lang, s.name), filter: { sectionId: s.id }, tags: [`section:${s.id}`, `list:section:${s.id}`] };
    }));
    app.get<SlugParams>(`/tag/:slug/${file}`, READS.nothing, (req, reply) => sendFeed(ctx, reply, kind, async (lang) => {
      const tag = await getTagBySlug(ctx.db, req.params.slug);
      if (!tag) throw new NotFoundError('We could not find that tag.');
      return { base: tagHref(tag.slug), title: await named(lang, t(lang, 'list.tag', { name: tag.name })), filter: { tagId: tag.id }, tags: [`tag:${tag.id}`, `list:tag:${tag.id}`] };
    }));
    app.get<SlugParams>(`/author/:slug/${file}`, READS.nothing, (req, reply) => sendFeed(ctx, reply, kind, async (lang) => {
      const p = await getPersonBySlug(ctx.db, req.params.slug);
      if (!p) throw new NotFoundError('We could not find that author.');
      return { base: authorHref(p.slug), title: await named(lang, t(lang, 'list.author', { name: p.name })), filter: { personId: p.id }, tags: [`person:${p.id}`, `list:person:${p.id}`] };
    }));
  }
}
