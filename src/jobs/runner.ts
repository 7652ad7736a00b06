// The in-process job runner: every 30 seconds it runs the work that has come due (scheduled publishing first,
// tidying the accounts tables hourly, polling each partner feed on its own interval; image variants later). Each job is safe to run on several instances at once and after a
// restart: publishDueArticles publishes each article exactly once.
import type { AppContext } from '../context.ts';
import { publishDueArticles } from '../content/articles.ts';
import { audit } from '../auth/audit.ts';
import { tidyAccounts } from '../auth/housekeeping.ts';
import { pollDueSources, type PollResult } from '../syndication/poll.ts';

export const JOB_INTERVAL_MS = 30_000;
export const TIDY_INTERVAL_MS = 3600_000;

export interface JobResults {
  published: number[];
  /** Rows the hourly tidy removed, when it ran this time. */
  tidied: Awaited<ReturnType<typeof tidyAccounts>> | null;
  /** partner feeds polled this time (each on its own interval) */
  polled: PollResult[];
}

/** When each context last tidied (per process; tidying twice is harmless, so instances need not agree). */
const lastTidy = new WeakMap<AppContext, number>();

/** Runs every due job once; tests call this after moving a ManualClock. */
export async function runDueJobs(ctx: AppContext): Promise<JobResults> {
  const published = await publishDueArticles(ctx);
  for (const id of published) await audit(ctx, { actorId: null, action: 'article.publish', subject: `article:${id}`, detail: { scheduled: true } });
  const now = ctx.clock.now().getTime();
  const last = lastTidy.get(ctx);
  let tidied: JobResults['tidied'] = null;
  if (last === undefined || now - last >= TIDY_INTERVAL_MS) {
    tidied = await tidyAccounts(ctx);
    lastTidy.set(ctx, now);
  }
  const polled = await pollDueSources(ctx);
  return { published, tidied, polled };
}

export interface JobRunner {
  stop(): Promise<void>;
}

/** Starts the timer (unref'd, so it never keeps the process alive); runs never overlap. */
export function startJobRunner(ctx: AppContext, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): JobRunner {
  const onError = opts.onError ?? ((err: unknown) => console.error('scheduled jobs failed:', err));
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(ctx).then(() => undefined, onError).finally(() => { running = null; });
  };
  const timer = setInterval(tick, opts.intervalMs ?? JOB_INTERVAL_MS);
  timer.unref();
  // Catch up at once on what came due while the server was down.
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
