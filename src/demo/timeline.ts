// When the demo's stories were written and published: times spread over six months, and a context whose clock is
// stopped at a given time.
import type { AppContext } from '../context.ts';
import type { Clock } from '../clock.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The same context with the clock stopped at `at`, so a story's creation, revisions and publication carry
 * the time it was written rather than the time the demo was made. */
export function at(ctx: AppContext, when: Date): AppContext {
  const clock: Clock = { now: () => new Date(when.getTime()) };
  return { ...ctx, clock };
}

/** Publication times, newest first: a few hours ago, thinning out over about six months. */
export function publicationTimes(now: Date, n: number): Date[] {
  const span = 182 * DAY;
  return Array.from({ length: n }, (_, k) => {
    const share = n > 1 ? k / (n - 1) : 0;
    const back = 3 * HOUR + span * share ** 1.5 + ((k * 37) % 90) * 60_000;
    return new Date(now.getTime() - back);
  });
}
