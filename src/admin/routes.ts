// Routes of this face; filled in by its issue.
import type { FastifyInstance } from 'fastify';
import { moderationRoutes } from './moderation_routes.ts';

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  await app.register(moderationRoutes);
}
