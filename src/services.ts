// Background services started with `serve`: the job runner (scheduled publishing, later feed polling).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';

export interface Services {
  stop(): Promise<void>;
}

export async function startServices(_ctx: AppContext, _app: FastifyInstance): Promise<Services> {
  return { stop: async () => undefined };
}
