// Readers' push alerts: the service worker (served from the site's root, so that its scope is the whole site, and
// from the site's own origin, as the Content-Security-Policy wants), and the subscribe and unsubscribe calls that
// alerts.js makes after a reader clicks. Both calls must come from our own pages and are rate-limited per address.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { ForbiddenError } from '../errors.ts';
import { fromOwnSite } from '../http/same_origin.ts';
import { limit } from '../http/limits.ts';
import { subscribe, unsubscribe } from '../channels/subscriptions.ts';

const WORKER = readFileSync(new URL('../../public/alerts-sw.js', import.meta.url));
const BODY_LIMIT = 8 * 1024;

export async function alertRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const ownSite = async (req: FastifyRequest) => {
    if (!fromOwnSite(req, ctx.config.publicUrl)) throw new ForbiddenError('Alerts can only be turned on from this site\'s pages');
  };

  // Browsers check a worker for updates at least daily whatever it says; no-cache makes them ask each time they look.
  app.get('/alerts-sw.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(WORKER));

  app.post('/alerts/subscribe', { preHandler: ownSite, config: limit('pushSubscribe'), bodyLimit: BODY_LIMIT }, async (req, reply) => {
    await subscribe(ctx, (req.body ?? {}) as Record<string, unknown>);
    return reply.code(201).header('cache-control', 'no-store').send({ status: 'subscribed' });
  });
  app.post('/alerts/unsubscribe', { preHandler: ownSite, config: limit('pushSubscribe'), bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await unsubscribe(ctx, body.endpoint);
    return reply.code(204).header('cache-control', 'no-store').send();
  });
}
