// Background services started with `serve`: the job runner (scheduled publishing, later feed polling).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { startJobRunner } from './jobs/runner.ts';

export interface Services {
  stop(): Promise<void>;
}

export async function startServices(ctx: AppContext, app: FastifyInstance): Promise<Services> {
  const jobs = startJobRunner(ctx, {
    onError: (err) => app.log.error({ err }, 'scheduled jobs failed'),
    onRun: (results) => app.metrics?.jobsRan(results),
  });
  return { stop: () => jobs.stop() };
}
