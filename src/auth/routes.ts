// The accounts face: the hook that reads the session cookie for every request, and the routes for signing in,
// two-factor authentication, one-time links (setup, invitations, password reset), staff and the audit log.
import type { FastifyInstance } from 'fastify';
import { loadStaff } from './guard.ts';
import { sessionRoutes } from './session_routes.ts';
import { twoFactorRoutes } from './two_factor_routes.ts';
import { linkRoutes } from './link_routes.ts';
import { staffRoutes } from './staff_routes.ts';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', loadStaff);
  for (const routes of [sessionRoutes, twoFactorRoutes, linkRoutes, staffRoutes]) await app.register(routes);
}
// Not encapsulated: request.staff and the session hook apply to every route of the app.
(authRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
