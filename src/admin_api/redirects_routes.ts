// Stored redirects in the Admin API (list, create, delete).
import type { FastifyInstance } from 'fastify';
import { createRedirect, deleteRedirect, listRedirects, RedirectFields } from '../content/redirects.ts';
import { resourceRoutes } from './crud.ts';

export async function redirectsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/redirects', plural: 'redirects', noun: 'Redirect', read: 'redirects.manage', manage: 'redirects.manage',
    list: () => listRedirects(ctx.db),
    create: (input) => createRedirect(ctx, input), createBody: RedirectFields,
    remove: (id) => deleteRedirect(ctx, id),
  });
}
