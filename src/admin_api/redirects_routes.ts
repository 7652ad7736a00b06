// Stored redirects in the Admin API (list, create, delete).
import type { FastifyInstance } from 'fastify';
import { createRedirect, deleteRedirect, listRedirects } from '../content/redirects.ts';
import { resourceRoutes } from './crud.ts';
import { Strict, Text, Type } from './schemas.ts';

const RedirectInput = Strict({
  fromPath: Text(2000), toPath: Text(2000), statusCode: Type.Optional(Type.Unsafe<301 | 302>({ type: 'integer', enum: [301, 302] })),
});

export async function redirectsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/redirects', plural: 'redirects', noun: 'Redirect', read: 'redirects.manage', manage: 'redirects.manage',
    list: () => listRedirects(ctx.db),
    create: (input) => createRedirect(ctx, input), createBody: RedirectInput,
    remove: (id) => deleteRedirect(ctx, id),
  });
}
