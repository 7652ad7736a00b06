// Signing up, confirming (double opt-in: nothing but the confirmation letter goes until its link is followed),
// the preferences page and unsubscribing, all through signed links: a reader needs no account and no session.
import type { AppContext } from '../context.ts';
import { t } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { getSettings } from '../content/settings.ts';
import { NewsletterRefusedError } from './messages.ts';
import { readEmail } from './addresses.ts';
import { defend, makePass, type Pass } from './bot_defence.ts';
import { getNewsletterSettings } from './settings.ts';
import { listLists, listName, type NewsletterList } from './lists.ts';
import { sign, signed } from './links.ts';
import { letterSender, type Reader } from './letters.ts';
import { newsletterTransport } from './transport.ts';
import { siteName } from './render.ts';
import { isSuppressed } from './suppression.ts';

const CONFIRM_DAYS = 7;

export type SignUpAnswer =
  | { kind: 'check_inbox'; email: string }
  | { kind: 'step'; email: string; name: string; listIds: number[]; pass: Pass };

/** The list ids a form names (fields list-<id>, or "lists" as "1,2"); refuses none and ids that are not ours. */
async function chosenLists(ctx: AppContext, form: Record<string, string>): Promise<{ ids: number[]; lists: NewsletterList[] }> {
  const raw = [
    ...Object.keys(form).filter((k) => /^list-/.test(k)).map((k) => k.slice(5)),
    ...(form.lists ? form.lists.split(',') : []),
  ].map((s) => s.trim()).filter(Boolean);
  if (!raw.length) throw new NewsletterRefusedError(400, 'newsletters.error.list_required', 'lists');
  if (raw.length > 50 || raw.some((s) => !/^[1-9]\d{0,9}$/.test(s))) throw new NewsletterRefusedError(400, 'newsletters.error.list_unknown', 'lists');
  const ids = [...new Set(raw.map(Number))].sort((a, b) => a - b);
  const ours = new Map((await listLists(ctx.db)).filter((l) => l.public).map((l) => [l.id, l]));
  if (ids.some((id) => !ours.has(id))) throw new NewsletterRefusedError(400, 'newsletters.error.list_unknown', 'lists');
  return { ids, lists: ids.map((id) => ours.get(id)!) };
}

/** A sign-up from the public form (or its JSON twin); throws NewsletterRefusedError with the reader's message. */
export async function signUp(ctx: AppContext, form: Record<string, string>, opts: { ip: string; lang: string }): Promise<SignUpAnswer> {
  const email = readEmail(form.email);
  const name = (form.name ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 100);
  const { ids, lists } = await chosenLists(ctx, form);
  const verdict = await defend(ctx, { form, email, listIds: ids, ip: opts.ip });
  if (verdict === 'pretend') return { kind: 'check_inbox', email };
  if (verdict === 'step') return { kind: 'step', email, name, listIds: ids, pass: makePass(ctx, email, ids) };
  const lang = (LANGUAGES as readonly string[]).includes(opts.lang) ? opts.lang : 'en';
  const settings = await getNewsletterSettings(ctx);
  const now = ctx.clock.now().toISOString();
  const reader = await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('newsletter_subscribers').values({ email, name, language: lang, source: 'form', created_at: now })
      .onConflict((oc) => oc.column('email').doNothing()).execute();
    const r = await trx.selectFrom('newsletter_subscribers').select(['id', 'email']).where('email', '=', email).executeTakeFirstOrThrow();
    const status = settings.doubleOptIn ? 'pending' as const : 'subscribed' as const;
    for (const id of ids) {
      await trx.insertInto('newsletter_subscriptions').values({
        subscriber_id: r.id, list_id: id, status, consent_at: now, consent_ip: opts.ip, confirmed_at: status === 'subscribed' ? now : null, unsubscribed_at: null,
      }).onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doUpdateSet({ status, consent_at: now, consent_ip: opts.ip })
        .where('newsletter_subscriptions.status', '!=', 'subscribed')).execute();
    }
    return r;
  });
  // A suppressed address (it bounced, or complained) is answered the same and sent nothing.
  if (settings.doubleOptIn && !(await isSuppressed(ctx, email))) await sendConfirmation(ctx, reader, lists, lang);
  return { kind: 'check_inbox', email };
}

function confirmParts(r: Reader, ids: number[], iat: number) {
  return [r.id, r.email, ids.join(','), iat];
}

/** The confirmation letter, in the reader's language. */
async function sendConfirmation(ctx: AppContext, r: Reader, lists: NewsletterList[], lang: string): Promise<void> {
  const transport = await newsletterTransport(ctx);
  if (!transport) throw new NewsletterRefusedError(503, 'newsletters.error.mail');
  const ids = lists.map((l) => l.id);
  const iat = Math.floor(ctx.clock.now().getTime() / 1000);
  const link = `${ctx.config.publicUrl}/newsletters/confirm?r=${r.id}&l=${ids.join(',')}&t=${iat}&sig=${sign(ctx.secret, 'confirm', confirmParts(r, ids, iat))}`;
  const site = siteName(await getSettings(ctx.db), lang);
  const names = lists.map((l) => listName(l, lang)).join(lang === 'en' ? ', ' : '، ');
  const sender = await letterSender(ctx, lang);
  const dirAttr = lang === 'fa' || lang === 'ps' ? 'rtl' : 'ltr';
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = t(lang, 'newsletters.mail.confirm_body', { lists: names, site });
  const ignore = t(lang, 'newsletters.mail.confirm_ignore');
  const outcome = await transport.send({
    from: sender.from, to: r.email, subject: t(lang, 'newsletters.mail.confirm_subject', { site }), lang,
    html: `<!doctype html><html lang="${lang}" dir="${dirAttr}"><body dir="${dirAttr}"><p>${esc(body)}</p><p><a href="${esc(link)}">${esc(t(lang, 'newsletters.mail.confirm_button'))}</a></p><p>${esc(ignore)}</p></body></html>`,
    text: `${body}\n\n${link}\n\n${ignore}\n`,
    headers: {}, messageId: `<confirm.r${r.id}.${iat}@${sender.host}>`, returnPath: sender.bounceBase,
  });
  if (!outcome.ok) throw new NewsletterRefusedError(503, 'newsletters.error.mail');
}

/** Follows a confirmation link: the lists it names become subscribed. Answers the reader's language. */
export async function confirmSignUp(ctx: AppContext, q: Record<string, string | undefined>): Promise<{ lang: string }> {
  const r = await readerOf(ctx, q.r);
  const ids = (q.l ?? '').split(',').filter((s) => /^[1-9]\d{0,9}$/.test(s)).map(Number);
  const iat = Number(q.t);
  if (!r || !ids.length || !Number.isInteger(iat) || !signed(ctx.secret, 'confirm', confirmParts(r, ids, iat), q.sig)
    || ctx.clock.now().getTime() / 1000 - iat > CONFIRM_DAYS * 86400) {
    throw new NewsletterRefusedError(400, 'newsletters.link_bad', undefined, r?.language ?? 'en');
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.updateTable('newsletter_subscriptions').set({ status: 'subscribed', confirmed_at: now })
    .where('subscriber_id', '=', r.id).where('list_id', 'in', ids).where('status', '=', 'pending').execute();
  return { lang: r.language };
}

async function readerOf(ctx: AppContext, id: unknown): Promise<(Reader & { language: string }) | null> {
  if (typeof id !== 'string' || !/^[1-9]\d{0,9}$/.test(id)) return null;
  return (await ctx.db.selectFrom('newsletter_subscribers').select(['id', 'email', 'language']).where('id', '=', Number(id)).executeTakeFirst()) ?? null;
}

/** The reader and list an unsubscribe link names; throws when it is not a valid link. */
export async function unsubscribeTarget(ctx: AppContext, q: Record<string, string | undefined>): Promise<{ reader: Reader & { language: string }; listId: number }> {
  const r = await readerOf(ctx, q.r);
  const listId = Number(q.l);
  if (!r || !Number.isInteger(listId) || !signed(ctx.secret, 'unsub', [r.id, r.email, listId], q.sig)) throw new NewsletterRefusedError(400, 'newsletters.link_bad');
  return { reader: r, listId };
}

/** Takes a reader off one list through their signed link (the one-click POST of RFC 8058, or the page's button). */
export async function unsubscribe(ctx: AppContext, q: Record<string, string | undefined>): Promise<{ lang: string; listName: string }> {
  const { reader: r, listId } = await unsubscribeTarget(ctx, q);
  await leaveLists(ctx, r.id, [listId]);
  const list = (await listLists(ctx.db)).find((l) => l.id === listId);
  return { lang: r.language, listName: list ? listName(list, r.language) : '' };
}

/** Marks a reader's subscriptions to the lists as left (every list when `listIds` is null). */
export async function leaveLists(ctx: AppContext, readerId: number, listIds: number[] | null): Promise<void> {
  let q = ctx.db.updateTable('newsletter_subscriptions').set({ status: 'unsubscribed', unsubscribed_at: ctx.clock.now().toISOString() })
    .where('subscriber_id', '=', readerId).where('status', '!=', 'unsubscribed');
  if (listIds) q = q.where('list_id', 'in', listIds);
  await q.execute();
}

export interface PreferencesView {
  reader: Reader & { language: string };
  lists: { list: NewsletterList; subscribed: boolean }[];
  /** the signed query that reaches this page again */
  query: { r: number; sig: string };
}

/** The preferences page's content, from its signed link; null when the link is not valid. */
export async function preferences(ctx: AppContext, q: Record<string, string | undefined>): Promise<PreferencesView | null> {
  const r = await readerOf(ctx, q.r);
  if (!r || !signed(ctx.secret, 'prefs', [r.id, r.email], q.sig)) return null;
  const subs = await ctx.db.selectFrom('newsletter_subscriptions').select(['list_id', 'status']).where('subscriber_id', '=', r.id).execute();
  const on = new Set(subs.filter((s) => s.status === 'subscribed').map((s) => s.list_id));
  const lists = (await listLists(ctx.db)).filter((l) => l.public || on.has(l.id)).map((list) => ({ list, subscribed: on.has(list.id) }));
  return { reader: r, lists, query: { r: r.id, sig: q.sig as string } };
}

/** Saves the choices of the preferences page (fields list-<id>; leave_all leaves every list). Choosing a list
 * here is consent through a signed link the reader received, so it is subscribed at once. */
export async function savePreferences(ctx: AppContext, q: Record<string, string | undefined>, form: Record<string, string>, ip: string): Promise<PreferencesView> {
  const view = await preferences(ctx, q);
  if (!view) throw new NewsletterRefusedError(400, 'newsletters.link_bad');
  const now = ctx.clock.now().toISOString();
  if (form.leave_all) {
    await leaveLists(ctx, view.reader.id, null);
  } else {
    const chosen = new Set(Object.keys(form).filter((k) => /^list-\d+$/.test(k)).map((k) => Number(k.slice(5))));
    const leave = view.lists.filter((l) => l.subscribed && !chosen.has(l.list.id)).map((l) => l.list.id);
    if (leave.length) await leaveLists(ctx, view.reader.id, leave);
    for (const { list, subscribed } of view.lists) {
      if (subscribed || !chosen.has(list.id)) continue;
      await ctx.db.insertInto('newsletter_subscriptions').values({
        subscriber_id: view.reader.id, list_id: list.id, status: 'subscribed', consent_at: now, consent_ip: ip, confirmed_at: now, unsubscribed_at: null,
      }).onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doUpdateSet({ status: 'subscribed', consent_at: now, consent_ip: ip, confirmed_at: now, unsubscribed_at: null })).execute();
    }
  }
  return (await preferences(ctx, q))!;
}

