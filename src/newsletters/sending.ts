// Sends: a send is written once as a send log, one row per reader (the key (send, subscriber)), when it starts.
// Instances then claim rows in batches (a conditional update: two instances never hold one row) and send them.
// A letter is recorded as sent before its final "." goes to the relay (transport.ts), so a process killed
// mid-send leaves claimed rows that were never delivered: their claim runs out and they are sent on resume, once.
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppContext } from '../context.ts';
import { publishedCards } from '../content/reading.ts';
import { getSettings } from '../content/settings.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { t, formatDate } from '../i18n/index.ts';
import { getList, listName, type NewsletterList } from './lists.ts';
import { getNewsletterSettings } from './settings.ts';
import { letterDates, personalise, renderHtml, renderText, type LetterContent } from './render.ts';
import { letterSender, listHeaders, preferencesUrl, returnPath, unsubscribeUrl, type Sender } from './letters.ts';
import { newsletterTransport, type Letter } from './transport.ts';
import type { SendKind, SendStatus } from './tables.ts';

/** Rows claimed at once: about ten seconds of letters at the newsroom's rate, 20 to 200. */
const batchSize = (ratePerSecond: number) => (ratePerSecond > 0 ? Math.max(20, Math.min(200, ratePerSecond * 10)) : 200);
/** How long a claim holds: far longer than a batch takes, and what a restart after a crash waits before resuming. */
export const CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 3;

export interface SendInput {
  listId: number;
  kind: SendKind;
  subject?: string;
  intro?: string;
  articleIds: number[];
  /** ISO time to start; absent: a draft started by hand */
  scheduledAt?: string | null;
}

/** Makes a send (a draft, or scheduled when scheduledAt is given). */
export async function createSend(ctx: AppContext, input: SendInput, actorId: number | null): Promise<number> {
  const list = await getList(ctx.db, input.listId);
  if (!['digest', 'story', 'alert', 'notice'].includes(input.kind)) throw new ValidationError('kind', 'kind must be digest, story, alert or notice');
  const ids = [...new Set(input.articleIds)];
  const notice = input.kind === 'notice';
  if (notice ? ids.length > 0 : !ids.length || ids.length > 50) throw new ValidationError('articleIds', notice ? 'a notice carries no stories' : 'a send carries 1 to 50 stories');
  if (notice && (!input.subject?.trim() || !input.intro?.trim())) throw new ValidationError('intro', 'a notice needs a subject and its text');
  const cards = await publishedCards(ctx.db, ids);
  if (cards.length !== ids.length) throw new ValidationError('articleIds', 'every story in a send must be published');
  const other = cards.find((c) => c.language !== list.language);
  if (other) throw new ValidationError('articleIds', `"${other.headline}" is written in ${other.language}, but this list's letters are in ${list.language}: choose the ${other.language} list or a story in ${list.language}`);
  const subject = (input.subject ?? '').trim();
  if (subject.length > 200 || /[\r\n]/.test(subject)) throw new ValidationError('subject', 'subject must be one line of at most 200 characters');
  const intro = (input.intro ?? '').trim();
  if (intro.length > (notice ? 6000 : 2000)) throw new ValidationError('intro', `intro must be at most ${notice ? 6000 : 2000} characters`);
  let scheduled: string | null = null;
  if (input.scheduledAt) {
    const at = Date.parse(input.scheduledAt);
    if (!Number.isFinite(at)) throw new ValidationError('scheduledAt', 'scheduledAt must be an ISO date and time');
    scheduled = new Date(at).toISOString();
  }
  const { id } = await ctx.db.insertInto('newsletter_sends').values({
    list_id: list.id, kind: input.kind, subject, intro, article_ids: JSON.stringify(ids), status: scheduled ? 'scheduled' : 'draft', scheduled_at: scheduled,
    html: '', text: '', recipients: 0, created_by: actorId, created_at: ctx.clock.now().toISOString(), started_at: null, finished_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

async function sendRow(ctx: AppContext, id: number) {
  const r = await ctx.db.selectFrom('newsletter_sends').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('No such send');
  return r;
}

/** The letter of a send as its readers will see it (links as placeholders until personalised). */
export async function letterOf(ctx: AppContext, send: { id: number; list_id: number; kind: SendKind; subject: string; intro: string; article_ids: string }) {
  const [list, site, settings] = await Promise.all([getList(ctx.db, send.list_id), getSettings(ctx.db), getNewsletterSettings(ctx)]);
  const stories = await publishedCards(ctx.db, JSON.parse(send.article_ids) as number[]);
  const lang = list.language;
  const name = listName(list, lang);
  const subject = send.subject || (send.kind === 'digest'
    ? t(lang, 'newsletters.mail.digest_subject', { list: name, date: formatDate(ctx.clock.now(), lang, letterDates(site, lang), 'date') })
    : stories[0]?.headline ?? name);
  const content: LetterContent = { lang, site, listName: name, subject, intro: send.intro, stories, kind: send.kind, clickSendId: settings.clickCounts ? send.id : null };
  return { list, subject, html: renderHtml(ctx, content), text: renderText(ctx, content) };
}

/** The preview: subject, HTML and text, with a sample reader's links. */
export async function previewSend(ctx: AppContext, id: number) {
  const send = await sendRow(ctx, id);
  const l = send.html ? { subject: send.subject, html: send.html, text: send.text } : await letterOf(ctx, send);
  const links = { prefs: `${ctx.config.publicUrl}/newsletters/preferences`, unsubscribe: `${ctx.config.publicUrl}/newsletters/unsubscribe` };
  return { subject: l.subject, html: personalise(l.html, links, true), text: personalise(l.text, links, false), bytes: Buffer.byteLength(l.html) };
}

/** A test letter to one address (the staff member's own), marked as a test; not counted in the send. */
export async function testSend(ctx: AppContext, id: number, to: string): Promise<void> {
  const send = await sendRow(ctx, id);
  const l = await letterOf(ctx, send);
  const transport = await newsletterTransport(ctx);
  if (!transport) throw new ConflictError('No SMTP relay is set: set one in the newsletter settings (or SMTP_URL)');
  const sender = await letterSender(ctx, l.list.language);
  const reader = { id: 0, email: to };
  const out = await transport.send(letterFor(ctx, sender, l.list, { ...l, subject: t(l.list.language, 'newsletters.mail.test', { subject: l.subject }) }, send.id, reader, `<test.s${send.id}.${Date.now()}@${sender.host}>`));
  if (!out.ok) throw new ConflictError(`The relay refused the test letter: ${out.response}`);
}

function letterFor(ctx: AppContext, sender: Sender, list: NewsletterList, l: { subject: string; html: string; text: string }, sendId: number,
  r: { id: number; email: string }, messageId = `<s${sendId}.r${r.id}@${sender.host}>`): Letter {
  // the send's html and text go as they are, with the reader's links beside them: mime.ts fills them in
  const links = { prefs: preferencesUrl(ctx, r), unsubscribe: unsubscribeUrl(ctx, r, list.id) };
  return {
    from: sender.from, to: r.email, ...(sender.replyTo ? { replyTo: sender.replyTo } : {}), subject: l.subject, lang: list.language,
    html: l.html, text: l.text, links, headers: listHeaders(ctx, sender, list, r), messageId,
    returnPath: returnPath(ctx, sender, sendId, r.id),
  };
}

/** Starts a send now: renders it once and writes its send log (readers subscribed and not suppressed now). Only one
 * caller wins the change from draft/scheduled to sending, so the log is written once. */
export async function startSend(ctx: AppContext, id: number): Promise<{ recipients: number }> {
  const send = await sendRow(ctx, id);
  if (send.status !== 'draft' && send.status !== 'scheduled') throw new ConflictError(`This send is already ${send.status}`);
  const l = await letterOf(ctx, send);
  const now = ctx.clock.now().toISOString();
  const recipients = await ctx.db.transaction().execute(async (trx) => {
    const won = await trx.updateTable('newsletter_sends').set({ status: 'sending', started_at: now, subject: l.subject, html: l.html, text: l.text })
      .where('id', '=', id).where('status', 'in', ['draft', 'scheduled']).executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) throw new ConflictError('This send was started meanwhile');
    await trx.insertInto('newsletter_send_log').columns(['send_id', 'subscriber_id', 'status'])
      .expression((eb) => eb.selectFrom('newsletter_subscriptions as s')
        .innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
        .select([eb.val(id).as('send_id'), 's.subscriber_id', eb.val('queued').as('status')])
        .where('s.list_id', '=', send.list_id).where('s.status', '=', 'subscribed')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('newsletter_suppressions as x').select('x.email').whereRef('x.email', '=', 'r.email')))))
      .execute();
    const { n } = await trx.selectFrom('newsletter_send_log').select((eb) => eb.fn.countAll<number>().as('n')).where('send_id', '=', id).executeTakeFirstOrThrow();
    await trx.updateTable('newsletter_sends').set({ recipients: Number(n) }).where('id', '=', id).execute();
    return Number(n);
  });
  return { recipients };
}

/** Calls off a draft or scheduled send. */
export async function cancelSend(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.updateTable('newsletter_sends').set({ status: 'cancelled' }).where('id', '=', id).where('status', 'in', ['draft', 'scheduled']).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) { await sendRow(ctx, id); throw new ConflictError('Only a draft or scheduled send can be cancelled'); }
}

/** Starts the scheduled sends that came due; returns their ids. */
export async function startDueSends(ctx: AppContext): Promise<number[]> {
  const due = await ctx.db.selectFrom('newsletter_sends').select('id').where('status', '=', 'scheduled').where('scheduled_at', '<=', ctx.clock.now().toISOString()).execute();
  const started: number[] = [];
  for (const { id } of due) {
    try { await startSend(ctx, id); started.push(id); } catch (err) { if (!(err instanceof ConflictError)) throw err; }
  }
  return started;
}

export interface SendProgress { sent: number; failed: number; skipped: number }

/** Sends every claimed letter of every send in progress until none is left; several instances may run it at once. */
export async function runSends(ctx: AppContext, opts: { log?: (line: string) => void } = {}): Promise<SendProgress> {
  const total: SendProgress = { sent: 0, failed: 0, skipped: 0 };
  for (;;) {
    const sends = await ctx.db.selectFrom('newsletter_sends').select(['id', 'list_id', 'subject', 'html', 'text']).where('status', '=', 'sending').orderBy('id').execute();
    if (!sends.length) return total;
    let any = false;
    for (const send of sends) {
      const batch = await sendBatch(ctx, send);
      if (batch === null) continue;
      any = true;
      total.sent += batch.sent; total.failed += batch.failed; total.skipped += batch.skipped;
      opts.log?.(`send ${send.id}: ${batch.sent} sent, ${batch.failed} failed, ${batch.skipped} skipped in this batch`);
    }
    if (!any) return total;
  }
}

type SendRow = { id: number; list_id: number; subject: string; html: string; text: string };

/** Claims and sends one batch of a send; null when nothing is left to claim (the send is finished when no row is held). */
async function sendBatch(ctx: AppContext, send: SendRow): Promise<SendProgress | null> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  const claim = randomUUID();
  const settings = await getNewsletterSettings(ctx);
  const open = (eb: ExpressionBuilder<Database, 'newsletter_send_log'>) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'claimed'), eb('claimed_until', '<', iso)])]);
  const pick = ctx.db.selectFrom('newsletter_send_log').select('subscriber_id').where('send_id', '=', send.id).where(open).orderBy('subscriber_id').limit(batchSize(settings.ratePerSecond));
  await ctx.db.updateTable('newsletter_send_log').set((eb) => ({ status: 'claimed', claim, claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('send_id', '=', send.id).where('subscriber_id', 'in', pick).where(open).execute();
  const rows = await ctx.db.selectFrom('newsletter_send_log as g').innerJoin('newsletter_subscribers as r', 'r.id', 'g.subscriber_id')
    .select(['g.subscriber_id as id', 'r.email', 'g.attempts']).where('g.send_id', '=', send.id).where('g.claim', '=', claim).where('g.status', '=', 'claimed').execute();
  if (!rows.length) {
    await finishIfDone(ctx, send.id);
    return null;
  }
  const list = await getList(ctx.db, send.list_id);
  // Readers who left or were suppressed since the send started get nothing.
  const still = new Set((await ctx.db.selectFrom('newsletter_subscriptions as s').innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
    .select('s.subscriber_id').where('s.list_id', '=', send.list_id).where('s.status', '=', 'subscribed').where('s.subscriber_id', 'in', rows.map((r) => r.id))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('newsletter_suppressions as x').select('x.email').whereRef('x.email', '=', 'r.email')))).execute()).map((r) => r.subscriber_id));
  const skip = rows.filter((r) => !still.has(r.id) || r.attempts > MAX_ATTEMPTS);
  if (skip.length) {
    await ctx.db.updateTable('newsletter_send_log').set({ status: 'skipped', error: 'left the list, suppressed, or tried too often' })
      .where('send_id', '=', send.id).where('claim', '=', claim).where('subscriber_id', 'in', skip.map((r) => r.id)).execute();
  }
  const transport = await newsletterTransport(ctx);
  if (!transport) throw new ConflictError('No SMTP relay is set: set one in the newsletter settings (or SMTP_URL)');
  const sender = await letterSender(ctx, list.language);
  const marks = new SentMarks(ctx, send.id, claim);
  const progress: SendProgress = { sent: 0, failed: 0, skipped: skip.length };
  const queue = rows.filter((r) => still.has(r.id) && r.attempts <= MAX_ATTEMPTS);
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const reader = r;
      const out = await transport.send(letterFor(ctx, sender, list, send, send.id, reader), () => marks.mark(reader.id));
      if (out.ok) { progress.sent++; continue; }
      if (out.released || !out.temporary || reader.attempts >= MAX_ATTEMPTS) {
        // recorded as sent, then refused after its end, or refused for good: failed, not tried again
        await ctx.db.updateTable('newsletter_send_log').set({ status: 'failed', error: out.response.slice(0, 500) })
          .where('send_id', '=', send.id).where('subscriber_id', '=', reader.id).execute();
        progress.failed++;
      } else {
        await ctx.db.updateTable('newsletter_send_log').set({ status: 'queued', claim: '', error: out.response.slice(0, 500) })
          .where('send_id', '=', send.id).where('subscriber_id', '=', reader.id).where('claim', '=', claim).where('status', '=', 'claimed').execute();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.connections * 2) }, worker));
  return progress;
}

/** Marks letters sent in as few writes as the moment allows: every letter waiting at its end is recorded in one
 * update, which names the claim (a claim that ran out and went to another instance changes nothing here). */
class SentMarks {
  private waiting = new Map<number, (ok: boolean) => void>();
  private flushing: Promise<void> | null = null;
  constructor(private ctx: AppContext, private sendId: number, private claim: string) {}

  mark(id: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    this.flushing = null;
    try {
      const done = await this.ctx.db.updateTable('newsletter_send_log').set({ status: 'sent', sent_at: this.ctx.clock.now().toISOString() })
        .where('send_id', '=', this.sendId).where('claim', '=', this.claim).where('status', '=', 'claimed').where('subscriber_id', 'in', [...batch.keys()])
        .returning('subscriber_id').execute();
      const ok = new Set(done.map((d) => d.subscriber_id));
      for (const [id, resolve] of batch) resolve(ok.has(id));
    } catch {
      for (const resolve of batch.values()) resolve(false);
    }
  }
}

/** Marks a send finished when no row is left to send or held. */
async function finishIfDone(ctx: AppContext, sendId: number): Promise<void> {
  const left = await ctx.db.selectFrom('newsletter_send_log').select('subscriber_id').where('send_id', '=', sendId).where('status', 'in', ['queued', 'claimed']).limit(1).executeTakeFirst();
  if (left) return;
  await ctx.db.updateTable('newsletter_sends').set({ status: 'sent' satisfies SendStatus, finished_at: ctx.clock.now().toISOString() })
    .where('id', '=', sendId).where('status', '=', 'sending').execute();
}

/** A send's figures: recipients, sent, failed, skipped, left, and what came back. */
export async function sendFigures(ctx: AppContext, sendId: number) {
  const send = await sendRow(ctx, sendId);
  const byStatus = await ctx.db.selectFrom('newsletter_send_log').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('send_id', '=', sendId).groupBy('status').execute();
  const n = (s: string) => Number(byStatus.find((b) => b.status === s)?.n ?? 0);
  const back = await ctx.db.selectFrom('newsletter_bounces').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('send_id', '=', sendId).groupBy('kind').execute();
  const b = (k: string) => Number(back.find((x) => x.kind === k)?.n ?? 0);
  const unsub = send.started_at ? await ctx.db.selectFrom('newsletter_subscriptions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('list_id', '=', send.list_id).where('status', '=', 'unsubscribed').where('unsubscribed_at', '>=', send.started_at)
    .where('subscriber_id', 'in', (eb) => eb.selectFrom('newsletter_send_log').select('subscriber_id').where('send_id', '=', sendId).where('status', '=', 'sent'))
    .executeTakeFirstOrThrow() : { n: 0 };
  const clicks = await ctx.db.selectFrom('newsletter_clicks').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('clicks'), eb.val(0)).as('n')).where('send_id', '=', sendId).executeTakeFirstOrThrow();
  return {
    id: send.id, listId: send.list_id, kind: send.kind, subject: send.subject, status: send.status, scheduledAt: send.scheduled_at, startedAt: send.started_at,
    finishedAt: send.finished_at, createdAt: send.created_at, recipients: send.recipients,
    sent: n('sent'), failed: n('failed'), skipped: n('skipped'), left: n('queued') + n('claimed'),
    bounced: b('hard') + b('soft'), complained: b('complaint'), unsubscribed: Number(unsub.n), clicks: Number(clicks.n),
  };
}

/** Sends, newest first, with their figures. */
export async function listSends(ctx: AppContext, limit = 50) {
  const ids = await ctx.db.selectFrom('newsletter_sends').select('id').orderBy('id', 'desc').limit(limit).execute();
  return Promise.all(ids.map((r) => sendFigures(ctx, r.id)));
}

/** Counts a click on a story link of a send (only when click counts are on); the caller redirects. */
export async function countClick(ctx: AppContext, sendId: number, url: string): Promise<void> {
  if (!(await getNewsletterSettings(ctx)).clickCounts) return;
  await ctx.db.insertInto('newsletter_clicks').values({ send_id: sendId, url: url.slice(0, 2000), clicks: 1 })
    .onConflict((oc) => oc.columns(['send_id', 'url']).doUpdateSet((eb) => ({ clicks: eb('newsletter_clicks.clicks', '+', 1) }))).execute().catch(() => undefined);
}
