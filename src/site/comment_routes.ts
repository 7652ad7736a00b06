// Reader comment routes (posting, reporting, challenges); filled in by the comments issue.
import type { FastifyInstance } from 'fastify';

export async function commentRoutes(_app: FastifyInstance): Promise<void> {}
