// Tidying the accounts tables now and then (the job runner calls it): expired sessions, old one-time links,
// forgotten sign-in failures. Nothing here changes who may do what; expired rows never work anyway.
import type { AppContext } from '../context.ts';
import { purgeOldLinks } from './links.ts';
import { purgeExpiredSessions } from './sessions.ts';
import { purgeOldFailures } from './throttle.ts';

/** Deletes what has expired; returns how many rows of each kind went. */
export async function tidyAccounts(ctx: AppContext): Promise<{ sessions: number; links: number; failures: number }> {
  return { sessions: await purgeExpiredSessions(ctx), links: await purgeOldLinks(ctx), failures: await purgeOldFailures(ctx) };
}
