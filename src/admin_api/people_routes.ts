// People (bylines and author bio boxes) in the Admin API.
import type { FastifyInstance } from 'fastify';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../content/people.ts';
import { resourceRoutes } from './crud.ts';
import { NullableId, NullableText, Patch, Strict, Text, Type } from './schemas.ts';

const PersonInput = Strict({
  name: Text(100), slug: Type.Optional(Text(200)), bio: Type.Optional(Text(2000)), roleLabel: Type.Optional(Text(100)),
  photoMediaId: Type.Optional(NullableId), email: Type.Optional(NullableText(254)),
});

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/people', plural: 'people', noun: 'Person', read: 'articles.read', manage: 'people.manage', events: ['content.changed'],
    list: () => listPeople(ctx.db), get: (id) => getPerson(ctx.db, id),
    create: (input) => createPerson(ctx, input), createBody: PersonInput,
    update: (id, patch) => updatePerson(ctx, id, patch), updateBody: Patch(PersonInput),
    remove: (id) => deletePerson(ctx, id),
  });
}
