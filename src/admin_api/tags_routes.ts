// Tags in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createTag, deleteTag, getTag, listTags, TagFields, updateTag } from '../content/tags.ts';
import { resourceRoutes } from './crud.ts';
import { Patch } from './schemas.ts';

export async function tagsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/tags', plural: 'tags', noun: 'Tag', read: 'articles.read', manage: 'tags.manage', events: ['content.changed'],
    list: () => listTags(ctx.db), get: (id) => getTag(ctx.db, id),
    create: (input) => createTag(ctx, input), createBody: TagFields,
    update: (id, patch) => updateTag(ctx, id, patch), updateBody: Patch(TagFields),
    remove: (id) => deleteTag(ctx, id),
  });
}
