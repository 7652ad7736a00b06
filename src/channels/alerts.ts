// Alerts: the newsroom sends a short text and a link to the readers who asked for alerts in a language (and, for a
// section's story, to those who follow that section). An alert is written once as one delivery per subscription;
// the job runner (jobs.ts) sends what is due, retries what the push service could not take yet, and removes
// subscriptions the push service says are gone (404, 410). The figures are counted from the deliveries.
import type { AppContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { getSettings } from '../content/settings.ts';
import { retryAfterSeconds } from '../syndication/fetcher.ts';
import { endpointProblem } from './push_address.ts';
import { vapidKeys } from './settings.ts';
import { loadWebPush } from './web_push.ts';
import type { DeliveryStatus } from './tables.ts';

export interface AlertInput {
  language: string;
  text: string;
  url: string;
  sectionId?: number | null;
  articleId?: number | null;
  entryId?: number | null;
}

export interface AlertFigures {
  id: number;
  language: string;
  text: string;
  url: string;
  articleId: number | null;
  entryId: number | null;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  recipients: number;
  sent: number;
  failed: number;
  removed: number;
  pending: number;
}

/** An alert's text: one or two lines a lock screen shows in full. */
export const ALERT_TEXT_MAX = 200;
const MAX_ATTEMPTS = 5;
/** Deliveries sent per run of the job, and at once. */
const BATCH = 1000;
const PARALLEL = 20;
/** A breaking alert a day late is noise: push services drop it after six hours. */
const TTL_SECONDS = 6 * 3600;
const TIMEOUT_MS = 15_000;

/** Makes an alert and its deliveries; the job runner sends them. */
export async function createAlert(ctx: AppContext, input: AlertInput, actorId: number | null): Promise<number> {
  if (!(LANGUAGES as readonly string[]).includes(input.language)) throw new ValidationError('language', `language must be one of ${LANGUAGES.join(', ')}`);
  const text = input.text.replace(/\s+/g, ' ').trim();
  if (!text || text.length > ALERT_TEXT_MAX) throw new ValidationError('text', `the alert's text must be 1 to ${ALERT_TEXT_MAX} characters`);
  if (!input.url.startsWith(`${ctx.config.publicUrl}/`) || input.url.length > 1000) throw new ValidationError('url', 'an alert links to a page of this site');
  const site = await getSettings(ctx.db);
  const title = site.localized[input.language]?.name || site.name;
  const now = ctx.clock.now().toISOString();
  const sectionId = input.sectionId ?? null;
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('push_alerts').values({
      language: input.language, section_id: sectionId, article_id: input.articleId ?? null, entry_id: input.entryId ?? null, title, text,
      url: input.url, status: 'sending', recipients: 0, created_by: actorId, created_at: now, finished_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    // A reader who follows one section gets that section's alerts only; the others get every alert in their language.
    await trx.insertInto('push_deliveries').columns(['alert_id', 'subscription_id', 'status', 'attempts', 'next_at', 'error'])
      .expression((eb) => eb.selectFrom('push_subscriptions')
        .select((s) => [s.val(id).as('alert_id'), 'id', s.val('pending').as('status'), s.val(0).as('attempts'), s.val(now).as('next_at'), s.val('').as('error')])
        .where('language', '=', input.language)
        .where((s) => (sectionId === null ? s('section_id', 'is', null) : s.or([s('section_id', 'is', null), s('section_id', '=', sectionId)]))))
      .execute();
    const { n } = await trx.selectFrom('push_deliveries').select((s) => s.fn.countAll<number>().as('n')).where('alert_id', '=', id).executeTakeFirstOrThrow();
    await trx.updateTable('push_alerts').set({ recipients: Number(n), ...(Number(n) === 0 ? { status: 'done', finished_at: now } : {}) }).where('id', '=', id).execute();
    return id;
  });
}

type Outcome = { status: DeliveryStatus | 'retry'; error: string; retryAfter?: number | null };

/** Sends one push: the payload encrypted to the browser's keys (RFC 8291), signed for with VAPID (RFC 8292). */
async function push(ctx: AppContext, target: { endpoint: string; p256dh: string; auth: string }, payload: string, hostOk: Map<string, Promise<string | null>>): Promise<Outcome> {
  const host = new URL(target.endpoint).host;
  let check = hostOk.get(host);
  if (!check) {
    check = endpointProblem(ctx, target.endpoint);
    hostOk.set(host, check);
  }
  const problem = await check;
  if (problem) return { status: 'failed', error: problem };
  const keys = await vapidKeys(ctx);
  const subject = /^https:/.test(ctx.config.publicUrl) ? ctx.config.publicUrl : `mailto:alerts@${new URL(ctx.config.publicUrl).hostname}`;
  const req = loadWebPush().generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
    vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey }, TTL: TTL_SECONDS, urgency: 'high', contentEncoding: 'aes128gcm',
  });
  let res: Response;
  try {
    res = await fetch(req.endpoint, {
      method: req.method, body: req.body ? new Uint8Array(req.body) : undefined, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)])),
    });
    await res.arrayBuffer().catch(() => undefined);
  } catch (err) {
    return { status: 'retry', error: `the push service could not be reached: ${(err as Error).message}`.slice(0, 300) };
  }
  if (res.status >= 200 && res.status < 300) return { status: 'sent', error: '' };
  // RFC 8030 §7.3: 404 and 410 say the subscription is gone for good.
  if (res.status === 404 || res.status === 410) return { status: 'removed', error: `the push service answered ${res.status}` };
  if (res.status === 429 || res.status >= 500) return { status: 'retry', error: `the push service answered ${res.status}`, retryAfter: retryAfterSeconds(res.headers.get('retry-after') ?? undefined, ctx.clock.now().getTime()) };
  return { status: 'failed', error: `the push service answered ${res.status}` };
}

/** Sends the due deliveries of every alert being sent; returns how many pushes went out. */
export async function sendDueAlerts(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.selectFrom('push_deliveries as d')
    .innerJoin('push_alerts as a', 'a.id', 'd.alert_id')
    .leftJoin('push_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.alert_id', 'd.subscription_id', 'd.attempts', 'a.language', 'a.title', 'a.text', 'a.url', 's.endpoint', 's.p256dh', 's.auth'])
    .where('d.status', '=', 'pending').where('d.next_at', '<=', now.toISOString())
    .orderBy('d.alert_id').limit(BATCH).execute();
  const hostOk = new Map<string, Promise<string | null>>();
  let sent = 0;
  for (let i = 0; i < due.length; i += PARALLEL) {
    await Promise.all(due.slice(i, i + PARALLEL).map(async (d) => {
      const payload = JSON.stringify({ title: d.title, body: d.text, url: d.url, lang: d.language, tag: `alert-${d.alert_id}` });
      const out: Outcome = d.endpoint && d.p256dh && d.auth
        ? await push(ctx, { endpoint: d.endpoint, p256dh: d.p256dh, auth: d.auth }, payload, hostOk)
        : { status: 'failed', error: 'the reader unsubscribed' };
      const attempts = d.attempts + 1;
      const status: DeliveryStatus = out.status === 'retry' ? (attempts >= MAX_ATTEMPTS ? 'failed' : 'pending') : out.status;
      // Back off 30 s, 2, 8, 32 minutes, or as long as the push service asked.
      const wait = out.retryAfter ?? 30 * 4 ** (attempts - 1);
      const nextAt = new Date(now.getTime() + Math.min(wait, 3600) * 1000).toISOString();
      if (out.status === 'removed') await ctx.db.deleteFrom('push_subscriptions').where('id', '=', d.subscription_id).execute();
      if (out.status === 'sent') sent++;
      await ctx.db.updateTable('push_deliveries').set({ status, attempts, next_at: nextAt, error: out.error })
        .where('alert_id', '=', d.alert_id).where('subscription_id', '=', d.subscription_id).execute();
    }));
  }
  await finishAlerts(ctx);
  return sent;
}

/** Marks alerts with nothing left to send as done. */
async function finishAlerts(ctx: AppContext): Promise<void> {
  await ctx.db.updateTable('push_alerts').set({ status: 'done', finished_at: ctx.clock.now().toISOString() })
    .where('status', '=', 'sending')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('push_deliveries').select('alert_id')
      .whereRef('push_deliveries.alert_id', '=', 'push_alerts.id').where('push_deliveries.status', '=', 'pending'))))
    .execute();
}

/** The newest alerts with their figures: sent, failed, removed (the push service said the subscription is gone), pending. */
export async function listAlerts(ctx: AppContext, limit = 50, id?: number): Promise<AlertFigures[]> {
  let q = ctx.db.selectFrom('push_alerts').selectAll().orderBy('id', 'desc').limit(limit);
  if (id !== undefined) q = q.where('id', '=', id);
  const alerts = await q.execute();
  if (!alerts.length) return [];
  const counts = await ctx.db.selectFrom('push_deliveries').select(['alert_id', 'status']).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('alert_id', 'in', alerts.map((a) => a.id)).groupBy(['alert_id', 'status']).execute();
  const count = (alertId: number, status: DeliveryStatus) => Number(counts.find((c) => c.alert_id === alertId && c.status === status)?.n ?? 0);
  return alerts.map((a) => ({
    id: a.id, language: a.language, text: a.text, url: a.url, articleId: a.article_id, entryId: a.entry_id, status: a.status, createdAt: a.created_at,
    finishedAt: a.finished_at, recipients: a.recipients, sent: count(a.id, 'sent'), failed: count(a.id, 'failed'), removed: count(a.id, 'removed'), pending: count(a.id, 'pending'),
  }));
}

/** One alert's figures. */
export async function alertFigures(ctx: AppContext, id: number): Promise<AlertFigures> {
  const [a] = await listAlerts(ctx, 1, id);
  if (!a) throw new NotFoundError('No such alert');
  return a;
}
