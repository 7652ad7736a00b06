// Leases on jobs, kept in the database every instance shares: an instance runs a job only after taking its row
// with one conditional update (the database lets exactly one taker win), and the lease ends on its own at
// `lease_until`, so a run whose instance was killed is taken over by another after that time. A job with an
// interval is also due only from `next_due_at`, which the finishing run moves on: each due time runs once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../context.ts';

export interface LeasedJob {
  name: string;
  /** how long a run may take before another instance assumes its holder died */
  leaseMs: number;
  /** due again this long after a run finishes; 0 = whenever the lease is free */
  everyMs: number;
}

/** Each context is one instance: its own holder name (tests run several "instances" in one process). */
const holders = new WeakMap<AppContext, string>();

export function holderOf(ctx: AppContext): string {
  let h = holders.get(ctx);
  if (!h) holders.set(ctx, (h = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`));
  return h;
}

/** Takes the job's lease when it is due and free; true when this instance must run it now. */
export async function takeLease(ctx: AppContext, job: LeasedJob): Promise<boolean> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  await ctx.db.insertInto('job_leases').values({ name: job.name, holder: '', lease_until: '', next_due_at: '', runs: 0, last_finished_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const taken = await ctx.db.updateTable('job_leases')
    .set({ holder: holderOf(ctx), lease_until: new Date(now.getTime() + job.leaseMs).toISOString() })
    .where('name', '=', job.name)
    .where('lease_until', '<=', iso)
    .where('next_due_at', '<=', iso)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Ends this instance's lease after a finished run and sets the next due time. A holder whose lease was taken
 * over meanwhile changes nothing (its successor's bookkeeping wins). */
export async function finishLease(ctx: AppContext, job: LeasedJob): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.updateTable('job_leases')
    .set((eb) => ({
      holder: '',
      lease_until: '',
      next_due_at: job.everyMs > 0 ? new Date(now.getTime() + job.everyMs).toISOString() : '',
      runs: eb('runs', '+', 1),
      last_finished_at: now.toISOString(),
    }))
    .where('name', '=', job.name)
    .where('holder', '=', holderOf(ctx))
    .execute();
}

/** Gives the lease back after a failed run: due again at once, on any instance. */
export async function dropLease(ctx: AppContext, job: LeasedJob): Promise<void> {
  await ctx.db.updateTable('job_leases').set({ holder: '', lease_until: '' })
    .where('name', '=', job.name).where('holder', '=', holderOf(ctx)).execute();
}

/** Runs `work` if this instance wins the job's lease; returns its result, or null when the job was not run here. */
export async function runLeased<T>(ctx: AppContext, job: LeasedJob, work: () => Promise<T>): Promise<T | null> {
  if (!(await takeLease(ctx, job))) return null;
  let result: T;
  try {
    result = await work();
  } catch (err) {
    await dropLease(ctx, job).catch(() => undefined);
    throw err;
  }
  await finishLease(ctx, job);
  return result;
}
