// Syndication sources (partner outlets) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSource, deleteSource, getSource, listSources, updateSource } from '../content/sources.ts';
import { resourceRoutes } from './crud.ts';
import { NullableId, NullableText, Patch, Strict, Text, Type } from './schemas.ts';

const SourceInput = Strict({
  name: Text(120), slug: Type.Optional(Text(200)), description: Type.Optional(Text(500)), siteUrl: Type.Optional(Text(2000)),
  logoMediaId: Type.Optional(NullableId), feedUrl: Type.Optional(NullableText(2000)),
});

export async function sourcesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/sources', plural: 'sources', noun: 'Source', read: 'sources.manage', manage: 'sources.manage', events: ['content.changed'],
    list: () => listSources(ctx.db), get: (id) => getSource(ctx.db, id),
    create: (input) => createSource(ctx, input), createBody: SourceInput,
    update: (id, patch) => updateSource(ctx, id, patch), updateBody: Patch(SourceInput),
    remove: (id) => deleteSource(ctx, id),
  });
}
