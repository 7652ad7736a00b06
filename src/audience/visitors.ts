// Unique readers without identifying anyone (as Plausible counts them): a reader's id for one day is a hash of that
// day's random salt, the site, the reader's address and user agent. The salt is made when the day's first view is
// written, shared by every instance through the database, and deleted once the day is over (with a few minutes'
// grace for the last batches of the day), so no id can be made again or linked to the next day's. Neither the
// address nor the user agent is stored anywhere.
import { hash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { dayBefore } from './periods.ts';

/** The salt of a local day: made once (the first instance to write wins, the others read its salt). */
export async function saltOf(ctx: AppContext, day: string): Promise<string> {
  await ctx.db.insertInto('audience_salts').values({ day, salt: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing()).execute();
  const row = await ctx.db.selectFrom('audience_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

/** Deletes the salts of days before yesterday, and yesterday's once `today` is well under way (the caller says
 * whether the grace for late batches is over). */
export async function forgetOldSalts(ctx: AppContext, today: string, graceOver: boolean): Promise<number> {
  const before = graceOver ? today : dayBefore(today, 1);
  const r = await ctx.db.deleteFrom('audience_salts').where('day', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A reader's id for the day: 16 hex characters of SHA-256 over the salt, the site, the address and the user agent. */
export function visitorId(salt: string, site: string, address: string, userAgent: string): string {
  return hash('sha256', `${salt}\u0000${site}\u0000${address}\u0000${userAgent}`, 'hex').slice(0, 16);
}
