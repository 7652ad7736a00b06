// People (bylines and author bio boxes) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createPerson, deletePerson, getPerson, listPeople, PersonFields, updatePerson } from '../content/people.ts';
import { resourceRoutes } from './crud.ts';
import { Patch } from './schemas.ts';

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/people', plural: 'people', noun: 'Person', read: 'articles.read', manage: 'people.manage', events: ['content.changed'],
    list: () => listPeople(ctx.db), get: (id) => getPerson(ctx.db, id),
    create: (input) => createPerson(ctx, input), createBody: PersonFields,
    update: (id, patch) => updatePerson(ctx, id, patch), updateBody: Patch(PersonFields),
    remove: (id) => deletePerson(ctx, id),
  });
}
