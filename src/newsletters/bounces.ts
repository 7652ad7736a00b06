// Bounces and complaints from the relay's webhook: Amazon SES through SNS (the message's signature checked
// against Amazon's certificate, and only from topics the newsroom named), and Postmark (its webhook address
// carries the newsroom's key). Each names the send when our Message-ID comes back (<s12.r34@host>).
import { createVerify, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { ValidationError, ForbiddenError } from '../errors.ts';
import { recordBounce, type Bounce } from './suppression.ts';
import { getNewsletterSecrets, getNewsletterSettings } from './settings.ts';

export type FetchText = (url: string) => Promise<string>;

const fetchText: FetchText = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
};

const certs = new Map<string, string>();

/** Amazon's SNS hosts only: a certificate or subscription address anywhere else is refused. */
function snsUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(u.hostname) ? u.href : null;
  } catch {
    return null;
  }
}

const FIELDS: Record<string, string[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

/** Checks an SNS message's signature (SignatureVersion 1: SHA1, 2: SHA256 with RSA) with Amazon's certificate. */
export async function verifySns(m: Record<string, unknown>, fetchCert: FetchText = fetchText): Promise<boolean> {
  const fields = FIELDS[String(m.Type)];
  const certUrl = snsUrl(m.SigningCertURL);
  if (!fields || !certUrl || typeof m.Signature !== 'string' || !/\.pem$/.test(new URL(certUrl).pathname)) return false;
  const algorithm = m.SignatureVersion === '1' ? 'RSA-SHA1' : m.SignatureVersion === '2' ? 'RSA-SHA256' : null;
  if (!algorithm) return false;
  let text = '';
  for (const f of fields) if (typeof m[f] === 'string') text += `${f}\n${m[f]}\n`;
  let cert = certs.get(certUrl);
  if (!cert) {
    cert = await fetchCert(certUrl);
    if (certs.size > 20) certs.clear();
    certs.set(certUrl, cert);
  }
  try {
    return createVerify(algorithm).update(text, 'utf8').verify(cert, m.Signature, 'base64');
  } catch {
    return false;
  }
}

const sendIdOf = (messageId: unknown) => {
  const m = typeof messageId === 'string' ? /<?s(\d{1,10})\.r\d{1,10}@/.exec(messageId) : null;
  return m ? Number(m[1]) : null;
};

/** Takes an SNS POST (SES bounce or complaint, or a subscription to confirm); returns how many addresses it named. */
export async function takeSesNotification(ctx: AppContext, body: unknown, fetcher: FetchText = fetchText): Promise<number> {
  if (typeof body !== 'object' || body === null) throw new ValidationError('body', 'not an SNS message');
  const m = body as Record<string, unknown>;
  const { sesTopics } = await getNewsletterSettings(ctx);
  if (typeof m.TopicArn !== 'string' || !sesTopics.includes(m.TopicArn)) throw new ForbiddenError('That SNS topic is not one this newsroom named in its settings');
  if (!(await verifySns(m, fetcher))) throw new ForbiddenError('The SNS signature does not verify');
  if (m.Type === 'SubscriptionConfirmation') {
    const url = snsUrl(m.SubscribeURL);
    if (url) await fetcher(url);
    return 0;
  }
  if (m.Type !== 'Notification' || typeof m.Message !== 'string') return 0;
  // biome-ignore lint/suspicious/noExplicitAny: SES's notification JSON, read field by field with fallbacks
  let n: Record<string, any>;
  try { n = JSON.parse(m.Message); } catch { throw new ValidationError('Message', 'the SES notification is not JSON'); }
  const type = n.notificationType ?? n.eventType;
  const sendId = sendIdOf(n.mail?.commonHeaders?.messageId ?? (n.mail?.headers ?? []).find((h: { name?: string }) => /^message-id$/i.test(h.name ?? ''))?.value);
  const bounces: Bounce[] = [];
  if (type === 'Bounce') {
    const kind = n.bounce?.bounceType === 'Permanent' ? 'hard' : 'soft';
    for (const r of n.bounce?.bouncedRecipients ?? []) bounces.push({ email: String(r.emailAddress ?? ''), kind, origin: 'ses', detail: String(r.diagnosticCode ?? n.bounce?.bounceSubType ?? ''), sendId });
  } else if (type === 'Complaint') {
    for (const r of n.complaint?.complainedRecipients ?? []) bounces.push({ email: String(r.emailAddress ?? ''), kind: 'complaint', origin: 'ses', detail: String(n.complaint?.complaintFeedbackType ?? ''), sendId });
  }
  for (const b of bounces) await recordBounce(ctx, b);
  return bounces.length;
}

const POSTMARK_HARD = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Blocked', 'SpamNotification', 'AddressChange']);
const POSTMARK_SOFT = new Set(['SoftBounce', 'Transient', 'DnsError', 'ChallengeVerification', 'SMTPApiError']);

/** Takes a Postmark bounce or spam-complaint webhook; the key is the one in the webhook address. */
export async function takePostmarkWebhook(ctx: AppContext, key: string, body: unknown): Promise<number> {
  const want = Buffer.from((await getNewsletterSecrets(ctx)).webhookKey);
  const got = Buffer.from(key);
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new ForbiddenError('That webhook key is not this newsroom\'s');
  if (typeof body !== 'object' || body === null) throw new ValidationError('body', 'not a Postmark webhook');
  const m = body as Record<string, unknown>;
  const email = String(m.Email ?? '');
  const sendId = sendIdOf((m.Metadata as Record<string, unknown> | undefined)?.messageId) ?? null;
  if (m.RecordType === 'SpamComplaint') { await recordBounce(ctx, { email, kind: 'complaint', origin: 'postmark', detail: 'spam complaint', sendId }); return 1; }
  if (m.RecordType !== 'Bounce') return 0;
  const type = String(m.Type ?? '');
  const kind = POSTMARK_HARD.has(type) ? 'hard' : POSTMARK_SOFT.has(type) ? 'soft' : null;
  if (!kind) return 0;
  await recordBounce(ctx, { email, kind, origin: 'postmark', detail: `${type}: ${String(m.Description ?? '')}`, sendId });
  return 1;
}
