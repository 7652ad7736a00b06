// Sections in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSection, deleteSection, getSection, listSections, updateSection } from '../content/sections.ts';
import { resourceRoutes } from './crud.ts';
import { Int, NullableId, Patch, Strict, Text, Type } from './schemas.ts';

const SectionInput = Strict({
  name: Text(80), slug: Type.Optional(Text(200)), description: Type.Optional(Text(500)), position: Type.Optional(Int(-100000, 100000)),
  parentId: Type.Optional(NullableId),
});

export async function sectionsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/sections', plural: 'sections', noun: 'Section', read: 'articles.read', manage: 'sections.manage', events: ['section.changed'],
    list: () => listSections(ctx.db), get: (id) => getSection(ctx.db, id),
    create: (input) => createSection(ctx, input), createBody: SectionInput,
    update: (id, patch) => updateSection(ctx, id, patch), updateBody: Patch(SectionInput),
    remove: (id) => deleteSection(ctx, id),
  });
}
