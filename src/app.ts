// Composition at the top: the web layer (src/http) with every face's routes, the site's error page and the site's
// description of its addresses. http/ knows no face; this file is where they meet.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { buildHttp, type BuildOptions } from './http/app.ts';
import { siteRoutes } from './site/routes.ts';
import { adminApi } from './admin_api/routes.ts';
import { contentApi } from './content_api/routes.ts';
import { syndicationFeed } from './content_api/syndication_feed.ts';
import { previewRoutes } from './site/preview_routes.tsx';
import { commentRoutes } from './site/comment_routes.ts';
import { newsletterRoutes } from './site/newsletter_routes.ts';
import { alertRoutes } from './site/alert_routes.ts';
import { adminPages } from './admin_pages/routes.ts';
import { openApi } from './admin_api/openapi.ts';
import { describePage } from './site/view_kinds.ts';
import { errorPage } from './site/error_page.tsx';

export { PUBLIC_DIR, type BuildOptions } from './http/app.ts';

/** Builds the whole app for one context; tests call this with an in-memory or per-test database. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  return buildHttp(ctx, { errorPage, describePage, register: registerFaces }, opts);
}

/** Every face's routes, in the order they are matched and documented (the OpenAPI collector first). */
async function registerFaces(app: FastifyInstance): Promise<void> {
  await app.register(openApi);
  await app.register(adminApi);
  await app.register(contentApi);
  await app.register(syndicationFeed);
  await app.register(previewRoutes);
  await app.register(commentRoutes);
  await app.register(newsletterRoutes);
  await app.register(alertRoutes);
  await app.register(adminPages);
  await app.register(siteRoutes);
}
