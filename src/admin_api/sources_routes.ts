// Syndication sources (partner outlets) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSource, deleteSource, getSource, listSources, SourceFields, updateSource } from '../content/sources.ts';
import { resourceRoutes } from './crud.ts';
import { Patch } from './schemas.ts';

export async function sourcesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/sources', plural: 'sources', noun: 'Source', read: 'sources.manage', manage: 'sources.manage', events: ['content.changed'],
    list: () => listSources(ctx.db), get: (id) => getSource(ctx.db, id),
    create: (input) => createSource(ctx, input), createBody: SourceFields,
    update: (id, patch) => updateSource(ctx, id, patch), updateBody: Patch(SourceFields),
    remove: (id) => deleteSource(ctx, id),
  });
}
