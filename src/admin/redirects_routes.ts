// Stored redirects in the Admin API (list, create, delete).
import type { FastifyInstance } from 'fastify';
import { createRedirect, deleteRedirect, listRedirects, type RedirectInput } from '../content/redirects.ts';
import { resourceRoutes } from './crud.ts';
import { object, text } from './schemas.ts';

export async function redirectsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<RedirectInput>(app, {
    base: '/api/admin/redirects', plural: 'redirects', noun: 'Redirect', read: 'redirects.manage', manage: 'redirects.manage',
    list: () => listRedirects(ctx.db),
    create: (input) => createRedirect(ctx, input),
    createBody: object({ fromPath: text(2000), toPath: text(2000), statusCode: { type: 'integer', enum: [301, 302] } }, ['fromPath', 'toPath']),
    remove: (id) => deleteRedirect(ctx, id),
  });
}
