// Syndication sources (partner outlets) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSource, deleteSource, getSource, listSources, updateSource, type SourceInput } from '../content/sources.ts';
import { resourceRoutes } from './crud.ts';
import { nullableId, nullableText, object, text } from './schemas.ts';

const fields = { name: text(120), slug: text(200), description: text(500), siteUrl: text(2000), logoMediaId: nullableId, feedUrl: nullableText(2000) };

export async function sourcesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<SourceInput>(app, {
    base: '/api/admin/sources', plural: 'sources', noun: 'Source', read: 'sources.manage', manage: 'sources.manage',
    list: () => listSources(ctx.db), get: (id) => getSource(ctx.db, id),
    create: (input) => createSource(ctx, input), createBody: object(fields, ['name']),
    update: (id, patch) => updateSource(ctx, id, patch), updateBody: object(fields),
    remove: (id) => deleteSource(ctx, id),
  });
}
