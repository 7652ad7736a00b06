// The public site's routes: one handler per page, short and linear (params -> content -> view -> HTML).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KhabarError, NotFoundError } from '../errors.ts';
import { answerFromPageCache, endPageCacheFlight } from '../http/send_page.ts';
import { countPageView } from '../http/page_views.ts';
import { homeShow } from './home_show.tsx';
import { articleShow } from './article_show.tsx';
import { sectionShow, tagShow, authorShow, archiveShow } from './list_show.tsx';
import { feedRoutes } from './feeds/feed_routes.ts';
import { sitemapRoutes } from './sitemaps.ts';
import { iconRoutes } from './icons.ts';
import { searchShow } from './search_show.tsx';
import { pageShow } from './page_show.tsx';
import { findOldAddress } from '../content/redirects.ts';
import { liteRoutes } from './lite/lite_show.tsx';
import { offlineRoutes } from './offline_show.tsx';
import { LANGUAGES } from '../i18n/languages.ts';
import { READS } from './page_query.ts';
import { liveRoutes } from './live_routes.ts';

const MAX_URL = 2048;

export async function siteRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.ctx;
  // No page of the site needs a long address; a very long one is a probe or a mistake (RFC 9110 §15.5.15), refused
  // before the page cache, whose key drops unknown parameters. A search may carry whatever a reader pasted: it reads
  // the first 200 characters and answers a results page.
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (req.url.length > MAX_URL && !/^(\/(en|fa|ps))?\/search\?/.test(req.url)) throw new KhabarError(414, 'uri_too_long', 'That address is too long.');
  });
  // Stored pages go out before anything is loaded; a miss renders once, whoever else asks meanwhile waits.
  app.addHook('onRequest', answerFromPageCache);
  app.addHook('onResponse', endPageCacheFlight);
  // Each page answered, page-cache hits too, is counted for the audience figures once it has gone (page_views.ts).
  app.addHook('onResponse', countPageView);
  app.addHook('onRequestAbort', async (req) => endPageCacheFlight(req));
  // A slug with control characters (a NUL byte, say) names nothing; PostgreSQL would refuse it as text.
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const slug = (req.params as { slug?: string } | undefined)?.slug;
    if (slug !== undefined && (/[\u0000-\u001f\u007f]/.test(slug) || slug.length > 200)) throw new NotFoundError('We could not find that page.');
  });
  await sitemapRoutes(app);
  await iconRoutes(app);
  app.get('/', READS.home, async (req, reply) => {
    // An imported site's old addresses by query (/?p=123) lead to their new pages; any other query shows the home page.
    const query = req.url.split('?', 2)[1];
    const old = query ? await findOldAddress(ctx.db, '/', query) : null;
    if (old && old.status_code !== 410) return reply.redirect(old.to_path, old.status_code as 301 | 302);
    return homeShow(ctx, req, reply);
  });
  app.get<{ Params: { slug: string } }>('/pages/:slug', READS.nothing, (req, reply) => pageShow(ctx, req, reply));
  app.get<{ Params: { slug: string } }>('/articles/:slug', READS.article, (req, reply) => articleShow(ctx, req, reply));
  app.get('/search', READS.search, (req, reply) => searchShow(ctx, req, reply));
  app.get<{ Params: { slug: string } }>('/section/:slug', READS.list, (req, reply) => sectionShow(ctx, req, reply));
  app.get<{ Params: { slug: string } }>('/tag/:slug', READS.list, (req, reply) => tagShow(ctx, req, reply));
  app.get<{ Params: { slug: string } }>('/author/:slug', READS.list, (req, reply) => authorShow(ctx, req, reply));
  // Each language the site publishes in has its front and section pages under its prefix; others answer 404.
  for (const language of LANGUAGES) {
    app.get(`/${language}/`, READS.list, (req, reply) => homeShow(ctx, req, reply, language));
    app.get<{ Params: { slug: string } }>(`/${language}/section/:slug`, READS.list, (req, reply) => sectionShow(ctx, req, reply, language));
    app.get(`/${language}/search`, READS.search, (req, reply) => searchShow(ctx, req, reply, language));
  }
  app.get<{ Params: { year: string } }>('/:year(^\\d{4}$)/', READS.list, (req, reply) => archiveShow(ctx, req, reply));
  app.get<{ Params: { year: string; month: string } }>('/:year(^\\d{4}$)/:month(^\\d{2}$)/', READS.list, (req, reply) => archiveShow(ctx, req, reply));
  await feedRoutes(app);
  await liteRoutes(app);
  await liveRoutes(app);
  await offlineRoutes(app);
}
