// The Admin API (/api/admin/...): every operation is declared with `endpoint` (endpoint.ts) in one of these files;
// the OpenAPI document (openapi.ts, GET /api/admin/openapi.json) is generated from those declarations, and drawn for
// people at GET /api/reference (reference_page.tsx).
import type { FastifyInstance } from 'fastify';
import { sessionRoutes } from './session_routes.ts';
import { twoFactorRoutes } from './two_factor_routes.ts';
import { linkRoutes } from './link_routes.ts';
import { staffRoutes } from './staff_routes.ts';
import { moderationRoutes } from './moderation_routes.ts';
import { articlesRoutes } from './articles_routes.ts';
import { revisionsRoutes } from './revisions_routes.ts';
import { mediaRoutes } from './media_routes.ts';
import { mediaSquareRoutes } from './media_square_routes.ts';
import { resourcesRoutes } from './resources_routes.ts';
import { settingsRoutes } from './settings_routes.ts';
import { apiKeysRoutes } from './api_keys_routes.ts';
import { referencePage } from './reference_page.tsx';
import { syndicationRoutes } from './syndication_routes.ts';
import { aggregatorsRoutes } from './aggregators_routes.ts';
import { frontsRoutes } from './fronts_routes.ts';
import { mirrorsRoutes } from './mirrors_routes.ts';
import { translationsRoutes } from './translations_routes.ts';
import { newslettersRoutes } from './newsletters_routes.ts';
import { audienceRoutes } from './audience_routes.ts';
import { liveRoutes } from './live_routes.ts';
import { channelsRoutes } from './channels_routes.ts';

export async function adminApi(app: FastifyInstance): Promise<void> {
  for (const routes of [sessionRoutes, twoFactorRoutes, linkRoutes, staffRoutes, moderationRoutes, articlesRoutes, revisionsRoutes, resourcesRoutes,
    mediaRoutes, mediaSquareRoutes, settingsRoutes, apiKeysRoutes, syndicationRoutes, aggregatorsRoutes, referencePage,
    frontsRoutes, newslettersRoutes, audienceRoutes, mirrorsRoutes]) {
    await app.register(routes);
  }
  await app.register(translationsRoutes);
  await app.register(liveRoutes);
  await app.register(channelsRoutes);
}
