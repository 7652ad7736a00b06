// Tags in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createTag, deleteTag, getTag, listTags, updateTag } from '../content/tags.ts';
import { resourceRoutes } from './crud.ts';
import { object, text } from './schemas.ts';

const fields = { name: text(60), slug: text(200) };

export async function tagsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<{ name: string; slug?: string }>(app, {
    base: '/api/admin/tags', plural: 'tags', noun: 'Tag', read: 'articles.read', manage: 'tags.manage',
    list: () => listTags(ctx.db), get: (id) => getTag(ctx.db, id),
    create: (input) => createTag(ctx, input), createBody: object(fields, ['name']),
    update: (id, patch) => updateTag(ctx, id, patch), updateBody: object(fields),
    remove: (id) => deleteTag(ctx, id),
  });
}
