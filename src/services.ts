// Background services started with `serve`: the job runner (scheduled publishing, later feed polling), and the
// placeholder colours of pictures taken in before colours were kept (once, in the background).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { startJobRunner } from './jobs/runner.ts';
import { fillPlaceholders } from './media/images.ts';
import { exportStatic } from './export/static_export.ts';
import { setSiteExporter, watchForChanges } from './mirrors/schedule.ts';

export interface Services {
  stop(): Promise<void>;
}

export async function startServices(ctx: AppContext, app: FastifyInstance): Promise<Services> {
  const jobs = startJobRunner(ctx, {
    onError: (err) => app.log.error({ err: err.reason, job: err.job }, 'a scheduled job failed'),
    onRun: (results) => app.metrics?.jobsRan(results),
  });
  // the mirrors job writes the static copy with this app's own pages
  setSiteExporter(ctx, (dir) => exportStatic(app, dir));
  const unwatch = watchForChanges(ctx);
  void fillPlaceholders(ctx).catch((err: unknown) => app.log.warn({ err }, 'placeholder colours could not be worked out'));
  return { stop: () => { unwatch(); return jobs.stop(); } };
}
