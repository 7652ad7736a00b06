// The bounce mailbox of a plain SMTP relay (the newsroom's own Postfix), read over IMAP (imapflow): delivery status
// notifications (RFC 3464) come back to the VERP address that names the send and the reader; a 5.x.x status is a
// hard bounce, 4.x.x a soft one; a feedback report (RFC 5965) is a complaint; a letter to the mailto unsubscribe
// address takes the reader off the list. Each message read is flagged \Seen and \Deleted.
import type { ImapFlow as ImapFlowType } from 'imapflow';
import type { AppContext } from '../context.ts';
import { loadPackage } from '../load_later.ts';
import { readVerp, sign } from './links.ts';
import { getNewsletterSecrets } from './settings.ts';
import { recordBounce } from './suppression.ts';
import { leaveLists } from './subscribe.ts';

const MAX_PER_RUN = 500;

/** Reads the unseen messages of the bounce mailbox; returns how many it acted on. */
export async function readBounceMailbox(ctx: AppContext): Promise<number> {
  const { bounceMailboxUrl } = await getNewsletterSecrets(ctx);
  if (!bounceMailboxUrl) return 0;
  const u = new URL(bounceMailboxUrl);
  const { ImapFlow } = loadPackage<{ ImapFlow: typeof ImapFlowType }>('imapflow');
  const client = new ImapFlow({
    host: u.hostname, port: Number(u.port) || (u.protocol === 'imaps:' ? 993 : 143), secure: u.protocol === 'imaps:',
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }, logger: false,
    tls: { rejectUnauthorized: u.searchParams.get('tls') !== 'insecure' },
  });
  await client.connect();
  let acted = 0;
  try {
    const lock = await client.getMailboxLock(decodeURIComponent(u.pathname.slice(1)) || 'INBOX');
    try {
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, MAX_PER_RUN);
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (msg && msg.source && (await takeMessage(ctx, msg.source.toString('utf8')))) acted++;
        await client.messageFlagsAdd(String(uid), ['\\Seen', '\\Deleted'], { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return acted;
}

/** Acts on one message of the mailbox; true when it named one of our letters or readers. */
export async function takeMessage(ctx: AppContext, source: string): Promise<boolean> {
  const head = source.slice(0, source.search(/\r?\n\r?\n/) >>> 0 || source.length);
  const to = [...head.matchAll(/^(?:To|Delivered-To|X-Original-To|Envelope-To):\s*(.+)$/gim)].map((m) => m[1]).join(' ');
  const unsub = /\+u(\d{1,10})\.l(\d{1,10})\.([A-Za-z0-9_-]{10})@/.exec(to);
  if (unsub) return takeUnsubscribe(ctx, Number(unsub[1]), Number(unsub[2]), unsub[3]);
  const verp = readVerp(ctx.secret, to) ?? readVerp(ctx.secret, source);
  const reader = verp ? await ctx.db.selectFrom('newsletter_subscribers').select('email').where('id', '=', verp.subscriberId).executeTakeFirst() : null;
  const recipient = /^Final-Recipient:\s*rfc822;\s*<?([^>\s]+)>?/im.exec(source)?.[1] ?? /^Original-Rcpt-To:\s*<?([^>\s]+)>?/im.exec(source)?.[1];
  const email = reader?.email ?? recipient;
  if (!email) return false;
  if (/message\/feedback-report/i.test(source) || /^Feedback-Type:\s*abuse/im.test(source)) {
    await recordBounce(ctx, { email, kind: 'complaint', origin: 'mailbox', detail: 'feedback report', sendId: verp?.sendId ?? null });
    return true;
  }
  const status = /^Status:\s*([245])\.(\d{1,3})\.(\d{1,3})/im.exec(source);
  if (!status || status[1] === '2') return false;
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(source)?.[1] ?? '';
  await recordBounce(ctx, { email, kind: status[1] === '5' ? 'hard' : 'soft', origin: 'mailbox', detail: `${status[0].slice(8)} ${diagnostic}`.trim(), sendId: verp?.sendId ?? null });
  return true;
}

async function takeUnsubscribe(ctx: AppContext, readerId: number, listId: number, sig: string): Promise<boolean> {
  const r = await ctx.db.selectFrom('newsletter_subscribers').select(['id', 'email']).where('id', '=', readerId).executeTakeFirst();
  if (!r) return false;
  // the mailto carries the first 10 characters of the one-click link's signature
  if (sign(ctx.secret, 'unsub', [r.id, r.email, listId]).slice(0, 10) !== sig) return false;
  await leaveLists(ctx, r.id, [listId]);
  return true;
}
