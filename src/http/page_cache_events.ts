// Which pages a change in the newsroom touches, as page-cache tags. The site's pages declare the same tags
// (src/site/cache_tags.ts); this module listens to the domains' events and purges through the PurgeBus.
import type { AppContext } from '../context.ts';
import { getArticle } from '../content/articles.ts';
import type { PageCache, PurgeBus } from './page_cache.ts';
import { sendPurgeWebhook } from './page_cache.ts';

/** The lists an article belongs to: it comes in or out of them when it is published, unpublished or moved. */
async function listTags(ctx: AppContext, articleId: number): Promise<string[]> {
  const a = await getArticle(ctx.db, articleId);
  if (!a) return ['list:latest'];
  return [
    'list:latest',
    ...(a.section_id !== null ? [`list:section:${a.section_id}`] : []),
    ...a.tags.map((t) => `list:tag:${t.id}`),
    ...a.authorIds.map((p) => `list:person:${p}`),
    // the other languages' pages of the story offer it in their language switcher
    `translations:${a.translation_group ?? a.id}`,
  ];
}

const LIST_CHANGES = new Set(['published', 'unpublished', 'archived', 'deleted']);

/** Wires this instance's cache to the bus and the bus to the domains' events; returns the unsubscriber. */
export function purgeOnChanges(ctx: AppContext, cache: PageCache, bus: PurgeBus, log: (msg: string, err?: unknown) => void): () => void {
  const webhook = ctx.config.purgeWebhook;
  // This instance purges its own pages in purge() below; the bus brings the other instances' purges.
  const offBus = bus.subscribe((tags, here) => {
    if (here) return;
    // Another instance's change: this instance's kept reads may show it as it was, and a page rendered from them
    // would be kept again, stale, until the next purge. They go first.
    ctx.reads.clear();
    cache.purge(tags);
  });
  if (bus.stored) cache.onStored = (key, tags) => bus.stored?.(key, tags);
  // The CDN is told once, by the instance that made the change, of every address any instance had stored under
  // the tags (the CDN keeps pages whichever instance rendered them).
  const purge = async (tags: string[]) => {
    const here = cache.purge(tags);
    const elsewhere = await bus.publish(tags);
    const keys = [...new Set([...here, ...elsewhere])];
    if (webhook && keys.length) void sendPurgeWebhook(webhook, keys.map((k) => `${ctx.config.publicUrl}${k}`), log);
  };
  const offs = [
    ctx.events.on('article.changed', async ({ articleId, reason }) => {
      // Publishing, unpublishing, archiving or deleting a story moves it in or out of lists (the home page, its
      // section, tags and authors, the archives); an edit of a published story may move it between them (a new
      // section or tag); a correction, or a change to a draft, only touches the pages that already show it.
      // Any change a reader can see (moves, or anything done to a published story) also purges 'articles': the
      // sitemaps, which list every story's address and last change.
      const shown = LIST_CHANGES.has(reason) || (await getArticle(ctx.db, articleId))?.status === 'published';
      const moves = LIST_CHANGES.has(reason) || (reason === 'edited' && shown);
      await purge([`article:${articleId}`, ...(shown ? ['articles'] : []), ...(moves ? await listTags(ctx, articleId) : [])]);
    }),
    ctx.events.on('comment.changed', ({ articleId }) => purge([`comments:${articleId}`])),
    ctx.events.on('settings.changed', () => purge(['settings'])),
    // list:sections and list:people: the sitemaps of every section and every author (a new one comes in)
    ctx.events.on('section.changed', ({ sectionId }) => purge([`section:${sectionId}`, `list:section:${sectionId}`, 'list:sections'])),
    ctx.events.on('ads.changed', () => purge(['ads'])),
    ctx.events.on('newsletters.changed', () => purge(['newsletters'])),
    // every footer lists the current mirrors
    ctx.events.on('mirrors.changed', () => purge(['settings'])),
    // a renamed author or tag changes what the search finds ('articles' also tags the search pages)
    // a front's pages carry front:<name> (src/site/home_show.tsx, list_show.tsx); every page of a language breaking:<language>
    ctx.events.on('front.changed', ({ front }) => purge([`front:${front}`])),
    ctx.events.on('breaking.changed', ({ language }) => purge([`breaking:${language}`])),
    ctx.events.on('content.changed', ({ kind, id }) => purge([`${kind}:${id}`, ...(kind === 'person' ? ['list:people'] : []),
      ...(kind === 'person' || kind === 'tag' ? ['articles'] : [])])),
    ctx.events.on('audience.most_read', ({ languages }) => purge(languages.map((l) => `most-read:${l}`))),
    // a live story's new entry: its page, its entries alone (polled by open pages) and its feeds, on every instance;
    // the lists showing the story's card are left alone (src/site/live_routes.ts)
    ctx.events.on('live.entry.posted', ({ articleId }) => purge([`live:${articleId}`])),
    ctx.events.on('offline.changed', () => purge(['offline'])),
  ];
  return () => {
    cache.onStored = null;
    offBus();
    for (const off of offs) off();
  };
}
