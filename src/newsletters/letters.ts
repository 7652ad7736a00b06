// What every letter carries besides its content: From, the VERP envelope sender, the reader's signed links, and the
// list headers (List-Id, RFC 2919; List-Unsubscribe with a mailto and an https address, RFC 2369; one-click
// List-Unsubscribe-Post, RFC 8058).
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { getNewsletterSettings } from './settings.ts';
import { sign, verpAddress } from './links.ts';
import { listName, type NewsletterList } from './lists.ts';
import { siteName } from './render.ts';

export interface Sender {
  from: string;
  replyTo: string;
  /** VERP base (bounces@domain) */
  bounceBase: string;
  /** the From address's domain: the host in Message-IDs and List-Ids */
  host: string;
}

/** Who letters come from and where their bounces go, from the settings (defaults on the site's own host). */
export async function letterSender(ctx: AppContext, lang: string): Promise<Sender> {
  const [s, site] = await Promise.all([getNewsletterSettings(ctx), getSettings(ctx.db)]);
  const host = new URL(ctx.config.publicUrl).hostname;
  const mailHost = host.includes('.') ? host : 'localhost.localdomain';
  const address = s.fromAddress || `news@${mailHost}`;
  const name = (s.fromName || siteName(site, lang)).replace(/["\\\r\n]/g, '');
  const domain = address.split('@')[1];
  return { from: `"${name}" <${address}>`, replyTo: s.replyTo, bounceBase: s.bounceAddress || `bounces@${domain}`, host: domain };
}

export interface Reader {
  id: number;
  email: string;
}

/** The reader's preferences page (a signed link: no account, no session). */
export function preferencesUrl(ctx: AppContext, r: Reader): string {
  return `${ctx.config.publicUrl}/newsletters/preferences?r=${r.id}&sig=${sign(ctx.secret, 'prefs', [r.id, r.email])}`;
}

/** The reader's one-click unsubscribe address for a list (GET shows a button; POST leaves at once). */
export function unsubscribeUrl(ctx: AppContext, r: Reader, listId: number): string {
  return `${ctx.config.publicUrl}/newsletters/unsubscribe?r=${r.id}&l=${listId}&sig=${sign(ctx.secret, 'unsub', [r.id, r.email, listId])}`;
}

/** The mailto unsubscribe address: the bounce mailbox's reader (bounces.ts) takes the reader off the list. */
export function unsubscribeMailto(ctx: AppContext, sender: Sender, r: Reader, listId: number): string {
  const [local, domain] = sender.bounceBase.split('@');
  return `mailto:${local}+u${r.id}.l${listId}.${sign(ctx.secret, 'unsub', [r.id, r.email, listId]).slice(0, 10)}@${domain}?subject=unsubscribe`;
}

/** The headers of a list letter to one reader. */
export function listHeaders(ctx: AppContext, sender: Sender, list: NewsletterList, r: Reader): Record<string, PreparedHeader> {
  const name = listName(list, list.language).replace(/[<>"\r\n]/g, '');
  // Written as they go out (nodemailer would encode the whole value, the <list-id> with it): a name that is not
  // ASCII becomes an encoded word (RFC 2047) before the id.
  const phrase = /^[\x20-\x7e]*$/.test(name) ? name : `=?UTF-8?B?${Buffer.from(name).toString('base64')}?=`;
  return {
    'List-Id': { prepared: true, value: `${phrase} <${list.slug}.${sender.host}>` },
    'List-Unsubscribe': { prepared: true, value: `<${unsubscribeMailto(ctx, sender, r, list.id)}>,\r\n <${unsubscribeUrl(ctx, r, list.id)}>` },
    'List-Unsubscribe-Post': { prepared: true, value: 'List-Unsubscribe=One-Click' },
  };
}

export type PreparedHeader = { prepared: true; value: string };

/** The envelope sender of one letter to one reader. */
export function returnPath(ctx: AppContext, sender: Sender, sendId: number, readerId: number): string {
  return verpAddress(ctx.secret, sender.bounceBase, sendId, readerId);
}
