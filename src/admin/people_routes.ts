// People (bylines and author bio boxes) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson, type PersonInput } from '../content/people.ts';
import { resourceRoutes } from './crud.ts';
import { nullableId, nullableText, object, text } from './schemas.ts';

const fields = { name: text(100), slug: text(200), bio: text(2000), roleLabel: text(100), photoMediaId: nullableId, email: nullableText(254) };

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<PersonInput>(app, {
    base: '/api/admin/people', plural: 'people', noun: 'Person', read: 'articles.read', manage: 'people.manage',
    list: () => listPeople(ctx.db), get: (id) => getPerson(ctx.db, id),
    create: (input) => createPerson(ctx, input), createBody: object(fields, ['name']),
    update: (id, patch) => updatePerson(ctx, id, patch), updateBody: object(fields),
    remove: (id) => deletePerson(ctx, id),
  });
}
