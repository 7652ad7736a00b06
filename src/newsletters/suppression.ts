// The suppression list: addresses no letter goes to. A hard bounce or a complaint suppresses at once; soft bounces
// (a full mailbox, a relay briefly refusing) only after softBounceLimit of them within softBounceDays.
import type { AppContext } from '../context.ts';
import type { BounceKind, SuppressionReason } from './tables.ts';
import { getNewsletterSettings } from './settings.ts';

export async function isSuppressed(ctx: AppContext, email: string): Promise<boolean> {
  return !!(await ctx.db.selectFrom('newsletter_suppressions').select('email').where('email', '=', email.toLowerCase()).executeTakeFirst());
}

export async function suppress(ctx: AppContext, email: string, reason: SuppressionReason, detail: string): Promise<void> {
  await ctx.db.insertInto('newsletter_suppressions').values({ email: email.toLowerCase(), reason, detail: detail.slice(0, 500), created_at: ctx.clock.now().toISOString() })
    .onConflict((oc) => oc.column('email').doNothing()).execute();
}

export async function unsuppress(ctx: AppContext, email: string): Promise<boolean> {
  const r = await ctx.db.deleteFrom('newsletter_suppressions').where('email', '=', email.toLowerCase()).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface Bounce {
  email: string;
  kind: BounceKind;
  /** ses, postmark, mailbox */
  origin: string;
  detail: string;
  sendId?: number | null;
}

/** Records a bounce or complaint and suppresses the address when it must; true when it is now suppressed. */
export async function recordBounce(ctx: AppContext, b: Bounce): Promise<boolean> {
  const email = b.email.trim().toLowerCase();
  if (!email.includes('@') || email.length > 254) return false;
  const now = ctx.clock.now();
  await ctx.db.insertInto('newsletter_bounces').values({ email, kind: b.kind, send_id: b.sendId ?? null, origin: b.origin, detail: b.detail.slice(0, 1000), created_at: now.toISOString() }).execute();
  if (b.kind === 'hard') { await suppress(ctx, email, 'hard_bounce', b.detail); return true; }
  if (b.kind === 'complaint') { await suppress(ctx, email, 'complaint', b.detail); return true; }
  const s = await getNewsletterSettings(ctx);
  const since = new Date(now.getTime() - s.softBounceDays * 86_400_000).toISOString();
  const { n } = await ctx.db.selectFrom('newsletter_bounces').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email).where('kind', '=', 'soft').where('created_at', '>=', since).executeTakeFirstOrThrow();
  if (Number(n) >= s.softBounceLimit) { await suppress(ctx, email, 'soft_bounces', `${n} soft bounces in ${s.softBounceDays} days`); return true; }
  return false;
}

export async function listSuppressions(ctx: AppContext, limit = 500) {
  return ctx.db.selectFrom('newsletter_suppressions').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
