// A live story's own addresses besides its page: its entries alone (/articles/:slug/live, the fragment an open page
// polls; a 304 from the page cache until the next entry), and its feeds (/articles/:slug/feed, atom.xml,
// feed.json), one item per entry with the entry's address. All go through the page cache under the story's live
// tag (live:<id>), which each new entry purges once on every instance.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { Feed } from 'feed';
import type { AppContext } from '../context.ts';
import { findArticleBySlug, type ArticlePage } from '../content/reading.ts';
import { liveStory, type LiveStory } from '../live/reading.ts';
import { NotFoundError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { sendDocument } from '../http/send_page.ts';
import { SaveData, savesData } from '../http/save_data.ts';
import { loadSiteView } from './site_view.ts';
import { siteTags } from './cache_tags.ts';
import { articleHref } from './views/parts.tsx';
import { FEED_TYPES, escapeHtml, type FeedKind } from './feeds/feed_build.ts';
import { feedHrefs } from './feeds/feed_paths.ts';
import { LiveEntries, firstLine } from './live_block.tsx';
import { READS } from './page_query.ts';

/** How many entries a story's feed carries: the newest. */
const FEED_ENTRIES = 50;

type SlugReq = { Params: { slug: string } };

async function liveArticle(ctx: AppContext, slug: string): Promise<{ a: ArticlePage; live: LiveStory }> {
  const a = await ctx.reads.get(`article:${slug}`, () => findArticleBySlug(ctx.db, slug));
  const live = a?.status === 'published' ? await liveStory(ctx.db, a.id) : null;
  if (!a || !live) throw new NotFoundError('We could not find that live story.');
  return { a, live };
}

function liveFeed(kind: FeedKind, ctx: AppContext, a: ArticlePage, live: LiveStory): string {
  const { publicUrl } = ctx.config;
  const page = `${publicUrl}${articleHref(a.slug)}`;
  const self = feedHrefs(articleHref(a.slug));
  const entries = live.entries.filter((e) => !e.deletedAt).slice(0, FEED_ENTRIES);
  const newest = entries.map((e) => e.correctedAt ?? e.postedAt).sort().at(-1) ?? live.coverage.startedAt;
  const title = t(a.language, 'live.feed_title', { headline: a.headline });
  const feed = new Feed({
    id: page, title, description: a.standfirst || title, link: page, language: a.language, updated: new Date(newest), generator: 'Khabar',
    feedLinks: { rss: publicUrl + self.rss, atom: publicUrl + self.atom, json: publicUrl + self.json },
  });
  const host = new URL(publicUrl).hostname;
  for (const e of entries) {
    const headline = firstLine(e.text, 110) || t(a.language, 'live.entry_title', { time: e.postedAt });
    feed.addItem({
      title: kind === 'json' ? headline : escapeHtml(headline),
      id: `tag:${host},2026:live-entry/${e.id}`,
      guid: `tag:${host},2026:live-entry/${e.id}`,
      link: `${page}#entry-${e.id}`,
      date: new Date(e.correctedAt ?? e.postedAt),
      published: new Date(e.postedAt),
      description: escapeHtml(e.text),
      content: e.html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${publicUrl}/`),
      author: e.authorName ? [{ name: e.authorName }] : undefined,
    });
  }
  if (kind === 'rss') return feed.rss2().replace(/<author>([^<]*)<\/author>/g, '<dc:creator>$1</dc:creator>').replace(/^(<rss version="2.0")(?![^>]*xmlns:dc)/m, '$1 xmlns:dc="http://purl.org/dc/elements/1.1/"');
  if (kind === 'atom') return feed.atom1();
  return feed.json1();
}

const FEED_NAMES: Record<string, FeedKind> = { feed: 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

export async function liveRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.ctx;
  app.get<SlugReq>('/articles/:slug/live', READS.nothing, async (req, reply: FastifyReply) => {
    const { a, live } = await liveArticle(ctx, req.params.slug);
    const site = await loadSiteView(ctx, a.language);
    const html = render(h(SaveData.Provider, { value: savesData(req) }, h(LiveEntries, { live, site, lang: site.lang })));
    // Not a page of its own: search engines keep to the story's address.
    reply.header('x-robots-tag', 'noindex');
    return sendDocument(reply, html, 'text/html; charset=utf-8', { cacheTags: [...siteTags(site), `article:${a.id}`, `live:${a.id}`] });
  });
  for (const [file, kind] of Object.entries(FEED_NAMES)) {
    app.get<SlugReq>(`/articles/:slug/${file}`, READS.nothing, async (req, reply: FastifyReply) => {
      const { a, live } = await liveArticle(ctx, req.params.slug);
      const site = await loadSiteView(ctx, a.language);
      return sendDocument(reply, liveFeed(kind, ctx, a, live), FEED_TYPES[kind], { cacheTags: [...siteTags(site), `article:${a.id}`, `live:${a.id}`] });
    });
  }
}
