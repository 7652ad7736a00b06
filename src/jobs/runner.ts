// The in-process job runner: every 30 seconds it runs the work that has come due (scheduled publishing first,
// tidying the accounts tables hourly, polling each partner feed on its own interval; image variants later). Every instance runs the timer; a
// lease in the shared database (leases.ts) lets one of them do each due run, and a run whose instance died is
// taken over once its lease ends. Publishing also stays exactly-once on its own: publishDueArticles updates
// only articles still scheduled.
import type { AppContext } from '../context.ts';
import { publishDueArticles } from '../content/articles.ts';
import { audit } from '../auth/audit.ts';
import { tidyAccounts } from '../auth/housekeeping.ts';
import { runLeased, type LeasedJob } from './leases.ts';
import { pollDueSources, type PollResult } from '../syndication/poll.ts';
import { pruneAudience, rollUp } from '../audience/rollup.ts';
import { MOST_READ_EVERY_MS, refreshMostRead } from '../audience/most_read.ts';

export const JOB_INTERVAL_MS = 30_000;
export const TIDY_INTERVAL_MS = 3600_000;

/** The jobs and their leases: a lease outlasts any healthy run by far, and is short enough that a killed
 * instance's work is picked up within a few ticks. */
export const JOBS = {
  publish: { name: 'publish-scheduled', leaseMs: 2 * 60_000, everyMs: 0 },
  tidy: { name: 'tidy-accounts', leaseMs: 10 * 60_000, everyMs: TIDY_INTERVAL_MS },
  /** each source keeps its own interval and back-off; the lease keeps two instances from polling one source twice */
  poll: { name: 'poll-sources', leaseMs: 10 * 60_000, everyMs: 0 },
  /** the audience figures: raw views into hourly and daily totals each minute, old raw views and salts deleted hourly,
   * the readers' Most read lists every few minutes */
  audienceRollUp: { name: 'audience-roll-up', leaseMs: 10 * 60_000, everyMs: 60_000 },
  audiencePrune: { name: 'audience-prune', leaseMs: 10 * 60_000, everyMs: TIDY_INTERVAL_MS },
  mostRead: { name: 'most-read', leaseMs: 10 * 60_000, everyMs: MOST_READ_EVERY_MS },
} as const satisfies Record<string, LeasedJob>;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];

export interface JobResults {
  /** articles this run published; [] also when another instance held the lease */
  published: number[];
  /** Rows the hourly tidy removed, when it ran this time (on this instance). */
  tidied: Awaited<ReturnType<typeof tidyAccounts>> | null;
  /** partner feeds polled this time (each on its own interval) */
  polled: PollResult[];
  /** the jobs this instance ran this time */
  ran: JobName[];
}

/** Runs every due job whose lease this instance wins; tests call this after moving a ManualClock. */
export async function runDueJobs(ctx: AppContext): Promise<JobResults> {
  const ran: JobName[] = [];
  const published = await runLeased(ctx, JOBS.publish, async () => {
    const ids = await publishDueArticles(ctx);
    for (const id of ids) await audit(ctx, { actorId: null, action: 'article.publish', subject: `article:${id}`, detail: { scheduled: true } });
    return ids;
  });
  if (published) ran.push(JOBS.publish.name);
  const tidied = await runLeased(ctx, JOBS.tidy, () => tidyAccounts(ctx));
  if (tidied) ran.push(JOBS.tidy.name);
  const polled = await runLeased(ctx, JOBS.poll, () => pollDueSources(ctx));
  if (polled) ran.push(JOBS.poll.name);
  if (await runLeased(ctx, JOBS.audienceRollUp, () => rollUp(ctx))) ran.push(JOBS.audienceRollUp.name);
  if (await runLeased(ctx, JOBS.audiencePrune, () => pruneAudience(ctx))) ran.push(JOBS.audiencePrune.name);
  if ((await runLeased(ctx, JOBS.mostRead, async () => ({ changed: await refreshMostRead(ctx) })))) ran.push(JOBS.mostRead.name);
  return { published: published ?? [], tidied, polled: polled ?? [], ran };
}

export interface JobRunner {
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  intervalMs?: number;
  onError?: (err: unknown) => void;
  /** told after each tick which jobs this instance ran (metrics count them) */
  onRun?: (results: JobResults) => void;
}

/** Starts the timer (unref'd, so it never keeps the process alive); runs never overlap. */
export function startJobRunner(ctx: AppContext, opts: JobRunnerOptions = {}): JobRunner {
  const onError = opts.onError ?? ((err: unknown) => console.error('scheduled jobs failed:', err));
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(ctx).then((r) => opts.onRun?.(r), onError).finally(() => { running = null; });
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
