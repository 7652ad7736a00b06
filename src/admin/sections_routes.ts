// Sections in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSection, deleteSection, getSection, listSections, updateSection, type SectionInput } from '../content/sections.ts';
import { resourceRoutes } from './crud.ts';
import { nullableId, object, text } from './schemas.ts';

const fields = { name: text(80), slug: text(200), description: text(500), position: { type: 'integer', minimum: -100000, maximum: 100000 }, parentId: nullableId };

export async function sectionsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<SectionInput>(app, {
    base: '/api/admin/sections', plural: 'sections', noun: 'Section', read: 'articles.read', manage: 'sections.manage',
    list: () => listSections(ctx.db), get: (id) => getSection(ctx.db, id),
    create: (input) => createSection(ctx, input), createBody: object(fields, ['name']),
    update: (id, patch) => updateSection(ctx, id, patch), updateBody: object(fields),
    remove: (id) => deleteSection(ctx, id),
  });
}
