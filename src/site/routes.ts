// The public site's routes.
import type { FastifyInstance } from 'fastify';

export async function siteRoutes(_app: FastifyInstance): Promise<void> {}
