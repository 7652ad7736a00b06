// Readers' web push subscriptions: made after a reader clicks "Get alerts" (alerts.js), per language and optionally
// per section; only what a push needs is kept (no address, no cookie, no account). Unsubscribing deletes the row.
import type { AppContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { listSections } from '../content/sections.ts';
import { endpointProblem } from './push_address.ts';
import { getChannelSettings } from './settings.ts';

export interface SubscriptionInput {
  endpoint?: unknown;
  keys?: unknown;
  language?: unknown;
  sectionId?: unknown;
}

/** An uncompressed P-256 point (65 bytes) and a 16-byte auth secret, base64url (RFC 8291 §3). */
const P256DH = /^[A-Za-z0-9_-]{86,88}$/;
const AUTH = /^[A-Za-z0-9_-]{21,24}$/;

/** Stores (or updates, by endpoint) a subscription; throws ValidationError naming the bad field. */
export async function subscribe(ctx: AppContext, input: SubscriptionInput): Promise<{ id: number }> {
  if (!(await getChannelSettings(ctx)).pushEnabled) throw new ValidationError('endpoint', 'alerts are not offered on this site');
  const endpoint = typeof input.endpoint === 'string' ? input.endpoint : '';
  if (!endpoint || endpoint.length > 1000) throw new ValidationError('endpoint', 'endpoint must be an address of at most 1000 characters');
  const keys = (typeof input.keys === 'object' && input.keys !== null ? input.keys : {}) as Record<string, unknown>;
  const p256dh = typeof keys.p256dh === 'string' ? keys.p256dh.replace(/=+$/, '') : '';
  const auth = typeof keys.auth === 'string' ? keys.auth.replace(/=+$/, '') : '';
  if (!P256DH.test(p256dh) || Buffer.from(p256dh, 'base64url').length !== 65) throw new ValidationError('keys.p256dh', 'keys.p256dh must be the browser\'s P-256 public key');
  if (!AUTH.test(auth) || Buffer.from(auth, 'base64url').length !== 16) throw new ValidationError('keys.auth', 'keys.auth must be the browser\'s 16-byte auth secret');
  const language = typeof input.language === 'string' && (LANGUAGES as readonly string[]).includes(input.language) ? input.language : null;
  if (!language) throw new ValidationError('language', `language must be one of ${LANGUAGES.join(', ')}`);
  let sectionId: number | null = null;
  if (input.sectionId !== undefined && input.sectionId !== null && input.sectionId !== '') {
    const n = Number(input.sectionId);
    if (!Number.isInteger(n) || !(await listSections(ctx.db)).some((s) => s.id === n)) throw new ValidationError('sectionId', 'sectionId must be a section of the site');
    sectionId = n;
  }
  const problem = await endpointProblem(ctx, endpoint);
  if (problem) throw new ValidationError('endpoint', problem);
  const row = { endpoint, p256dh, auth, language, section_id: sectionId, created_at: ctx.clock.now().toISOString() };
  const { id } = await ctx.db.insertInto('push_subscriptions').values(row)
    .onConflict((oc) => oc.column('endpoint').doUpdateSet({ p256dh, auth, language, section_id: sectionId }))
    .returning('id').executeTakeFirstOrThrow();
  return { id };
}

/** Deletes the subscription with this endpoint (the browser's own unsubscribe); true when there was one. */
export async function unsubscribe(ctx: AppContext, endpoint: unknown): Promise<boolean> {
  if (typeof endpoint !== 'string' || !endpoint || endpoint.length > 1000) throw new ValidationError('endpoint', 'endpoint must be the subscription\'s address');
  const r = await ctx.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Subscriptions by language (and how many of them follow one section), for the newsroom's screen. */
export async function subscriptionCounts(ctx: AppContext): Promise<{ language: string; all: number; sections: number }[]> {
  const rows = await ctx.db.selectFrom('push_subscriptions').select(['language', 'section_id']).select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['language', 'section_id']).execute();
  return LANGUAGES.map((language) => {
    const mine = rows.filter((r) => r.language === language);
    return { language, all: mine.reduce((a, r) => a + Number(r.n), 0), sections: mine.filter((r) => r.section_id !== null).reduce((a, r) => a + Number(r.n), 0) };
  });
}
