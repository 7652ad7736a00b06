// The in-process job runner. Each job has its own timer, its own lease and its own error handling: scheduled
// publishing looks every few seconds, tidying the accounts tables hourly, partner polling on each source's own
// interval (several sources at a time). A slow partner, a failing job or a long tidy never holds another job
// back. Every instance runs the timers; a lease in the shared database (leases.ts) lets one of them do each due
// run, and a run whose instance died is taken over once its lease ends. Publishing also stays exactly-once on its
// own: publishDueArticles updates only articles still scheduled.
import type { AppContext } from '../context.ts';
import { publishDueArticles } from '../content/articles.ts';
import { audit } from '../auth/audit.ts';
import { tidyAccounts } from '../auth/housekeeping.ts';
import { runLeased, type LeasedJob } from './leases.ts';
import { pollDueSources, type PollResult } from '../syndication/poll.ts';
import { endFinishedPins } from '../content/fronts.ts';
import { endFinishedStrips } from '../content/breaking_news.ts';
import { newsletterTick } from '../newsletters/jobs.ts';
import { pruneAudience, rollUp } from '../audience/rollup.ts';
import { MOST_READ_EVERY_MS, refreshMostRead } from '../audience/most_read.ts';
import { channelsTick } from '../channels/jobs.ts';
import { mirrorTick } from '../mirrors/schedule.ts';
import { offlineTick } from '../mirrors/offline_edition.ts';

/** How often the slowest-ticking job looks for work; each job's own `tickMs` says how often it looks. */
export const JOB_INTERVAL_MS = 30_000;
export const TIDY_INTERVAL_MS = 3600_000;

/** A job: its lease (leases.ts), how often this instance looks whether it is due, and its work. A new job is one
 * entry in JOBS: the runner gives it its own timer and runDueJobs runs it. */
export interface Job<T> extends LeasedJob {
  tickMs: number;
  work(ctx: AppContext): Promise<T>;
}

/** The jobs and their leases: a lease outlasts any healthy run by far, and is short enough that a killed
 * instance's work is picked up within a few ticks. */
export const JOBS = {
  /** a story scheduled for 09:00 is public within seconds of 09:00: one indexed query every few seconds */
  publish: {
    name: 'publish-scheduled', leaseMs: 2 * 60_000, everyMs: 0, tickMs: 5_000,
    async work(ctx: AppContext): Promise<number[]> {
      const ids = await publishDueArticles(ctx);
      for (const id of ids) await audit(ctx, { actorId: null, action: 'article.publish', subject: `article:${id}`, detail: { scheduled: true } });
      return ids;
    },
  },
  tidy: { name: 'tidy-accounts', leaseMs: 10 * 60_000, everyMs: TIDY_INTERVAL_MS, tickMs: 60_000, work: (ctx: AppContext) => tidyAccounts(ctx) },
  /** each source keeps its own interval and back-off; the lease keeps two instances from polling one source twice */
  poll: { name: 'poll-sources', leaseMs: 10 * 60_000, everyMs: 0, tickMs: JOB_INTERVAL_MS, work: (ctx: AppContext) => pollDueSources(ctx) },
  /** pins on the fronts and breaking-news strips whose time has come: cleared, and their pages purged */
  fronts: {
    name: 'end-front-pins', leaseMs: 2 * 60_000, everyMs: 0, tickMs: 15_000,
    work: async (ctx: AppContext) => [...(await endFinishedPins(ctx)), ...(await endFinishedStrips(ctx))],
  },
  /** due digests and scheduled sends start, the bounce mailbox is read; the letters go beside the runner (newsletters/jobs.ts) */
  newsletters: { name: 'newsletters', leaseMs: 5 * 60_000, everyMs: 0, tickMs: JOB_INTERVAL_MS, work: (ctx: AppContext) => newsletterTick(ctx) },
  /** the audience figures: raw views into hourly and daily totals each minute, old raw views and salts deleted hourly,
   * the readers' Most read lists every few minutes */
  audienceRollUp: { name: 'audience-roll-up', leaseMs: 10 * 60_000, everyMs: 60_000, tickMs: JOB_INTERVAL_MS, work: (ctx: AppContext) => rollUp(ctx) },
  audiencePrune: { name: 'audience-prune', leaseMs: 10 * 60_000, everyMs: TIDY_INTERVAL_MS, tickMs: 60_000, work: (ctx: AppContext) => pruneAudience(ctx) },
  mostRead: {
    name: 'most-read', leaseMs: 10 * 60_000, everyMs: MOST_READ_EVERY_MS, tickMs: JOB_INTERVAL_MS,
    work: async (ctx: AppContext) => ({ changed: await refreshMostRead(ctx) }),
  },
  /** readers' push alerts and the posts to the newsroom's channels, with their retries (channels/jobs.ts) */
  channels: { name: 'channels', leaseMs: 5 * 60_000, everyMs: 0, tickMs: 5_000, work: (ctx: AppContext) => channelsTick(ctx) },
  /** the static copy exported and pushed to every mirror after changes settle, mirrors checked (src/mirrors) */
  mirrors: { name: 'mirrors', leaseMs: 30 * 60_000, everyMs: 0, tickMs: 15_000, work: (ctx: AppContext) => mirrorTick(ctx) },
  /** each language's offline edition of the day just ended, made once after the site's local midnight (src/mirrors) */
  offlineEdition: { name: 'offline-edition', leaseMs: 30 * 60_000, everyMs: 0, tickMs: 60_000, work: (ctx: AppContext) => offlineTick(ctx) },
} as const satisfies Record<string, Job<unknown>>;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];
type JobKey = keyof typeof JOBS;
type Outcome<K extends JobKey> = Awaited<ReturnType<(typeof JOBS)[K]['work']>>;

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

/** One job's failure, named, so that the log says which job and the others are not blamed. */
export class JobFailed extends Error {
  constructor(readonly job: JobName, readonly reason: unknown) {
    super(`job ${job} failed: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
  }
}

/** Runs one job if it is due and this instance wins its lease: its result, or null when it did not run here. */
export function runJob<K extends JobKey>(ctx: AppContext, key: K): Promise<Outcome<K> | null> {
  const job = JOBS[key];
  return runLeased(ctx, job, () => job.work(ctx) as Promise<Outcome<K>>).catch((err: unknown) => {
    throw new JobFailed(job.name, err);
  });
}

/** Runs every due job whose lease this instance wins; tests call this after moving a ManualClock.
 * Every job runs even when another fails; then the first failure is thrown (each one is a JobFailed). */
export async function runDueJobs(ctx: AppContext): Promise<JobResults> {
  // One after another here (tests, and a command that runs what is due): several instances sharing one SQLite file
  // then never wait on each other's write locks; the server's own timers run the jobs side by side.
  const keys = Object.keys(JOBS) as JobKey[];
  const settled: PromiseSettledResult<unknown>[] = [];
  for (const key of keys) settled.push(await runJob(ctx, key).then((value) => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason })));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const results: JobResults = { published: [], tidied: null, polled: [], ran: [] };
  settled.forEach((r, i) => {
    const value = (r as PromiseFulfilledResult<unknown>).value;
    if (value !== null) noteRun(results, keys[i], value);
  });
  return results;
}

/** Adds one job's run to the results: its name in `ran`, and what publishing, tidying and polling did. */
function noteRun(results: JobResults, key: JobKey, value: unknown): void {
  results.ran.push(JOBS[key].name);
  if (key === 'publish') results.published = value as number[];
  else if (key === 'tidy') results.tidied = value as JobResults['tidied'];
  else if (key === 'poll') results.polled = value as PollResult[];
}

export interface JobRunner {
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  /** every job looks this often instead of its own `tickMs` (tests) */
  intervalMs?: number;
  onError?: (err: JobFailed) => void;
  /** told after each run which job this instance ran (metrics count them) */
  onRun?: (results: JobResults) => void;
}

/** Starts one timer per job (unref'd, so none keeps the process alive); runs of one job never overlap, and jobs
 * never wait on each other. */
export function startJobRunner(ctx: AppContext, opts: JobRunnerOptions = {}): JobRunner {
  const onError = opts.onError ?? ((err: JobFailed) => console.error(`${err.message}:`, err.reason));
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<JobKey, Promise<void>>();
  const start = (key: JobKey) => {
    const tick = () => {
      if (running.has(key)) return;
      const run = runJob(ctx, key).then((r) => {
        if (r === null) return;
        const results: JobResults = { published: [], tidied: null, polled: [], ran: [] };
        noteRun(results, key, r);
        opts.onRun?.(results);
      }, onError).finally(() => running.delete(key));
      running.set(key, run);
    };
    const timer = setInterval(tick, opts.intervalMs ?? JOBS[key].tickMs);
    timer.unref();
    timers.push(timer);
    // Catch up at once on what came due while the server was down.
    tick();
  };
  for (const key of Object.keys(JOBS) as JobKey[]) start(key);
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
