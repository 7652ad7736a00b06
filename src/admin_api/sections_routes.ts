// Sections in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createSection, deleteSection, getSection, listSections, SectionFields, updateSection } from '../content/sections.ts';
import { resourceRoutes } from './crud.ts';
import { Patch } from './schemas.ts';

export async function sectionsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/sections', plural: 'sections', noun: 'Section', read: 'articles.read', manage: 'sections.manage', events: ['section.changed'],
    list: () => listSections(ctx.db), get: (id) => getSection(ctx.db, id),
    create: (input) => createSection(ctx, input), createBody: SectionFields,
    update: (id, patch) => updateSection(ctx, id, patch), updateBody: Patch(SectionFields),
    remove: (id) => deleteSection(ctx, id),
  });
}
