// Newsletter settings: one typed object kept as JSON in newsletter_settings, defaults for every field. Secrets (the
// SMTP address with its password, the DKIM private key, the bounce mailbox, the webhook key) are sealed with the
// site's secret (auth/secret_box.ts) and never answered back: the Admin API says only whether each is set.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { openFor, sealFor } from '../auth/secret_box.ts';

export interface NewsletterSettings {
  /** the From: of every letter; '' = news@ the site's host */
  fromAddress: string;
  /** '' = the site's name */
  fromName: string;
  replyTo: string;
  /** VERP base address: bounces come back to local+s<send>.r<reader>.<sig>@domain; '' = bounces@ the From domain */
  bounceAddress: string;
  /** letters a second across all connections (0 = as fast as the relay takes them) */
  ratePerSecond: number;
  /** SMTP connections kept open at once */
  connections: number;
  dkimDomain: string;
  dkimSelector: string;
  doubleOptIn: boolean;
  /** soft bounces within softBounceDays that suppress an address */
  softBounceLimit: number;
  softBounceDays: number;
  /** count clicks through a first-party redirect (off: links go straight to the story) */
  clickCounts: boolean;
  /** SNS topic ARNs whose notifications are taken (Amazon SES bounces and complaints); [] = none */
  sesTopics: string[];
  /** most stories in one digest */
  digestMaxStories: number;
}

/** The sealed fields: written through the API, never read back through it. */
export interface NewsletterSecrets {
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://...:465; '' = the server's SMTP_URL */
  smtpUrl: string;
  /** PEM */
  dkimPrivateKey: string;
  /** imaps://user:pass@host:993/INBOX: a bounce mailbox read for a plain SMTP relay; '' = none */
  bounceMailboxUrl: string;
  /** the key in Postmark's webhook address (made on first read) */
  webhookKey: string;
}

export const DEFAULT_NEWSLETTER_SETTINGS: NewsletterSettings = {
  fromAddress: '', fromName: '', replyTo: '', bounceAddress: '', ratePerSecond: 20, connections: 4, dkimDomain: '', dkimSelector: '',
  doubleOptIn: true, softBounceLimit: 3, softBounceDays: 30, clickCounts: false, sesTopics: [], digestMaxStories: 10,
};

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;
type Check = (v: unknown) => boolean;
const int = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const optionalEmail: Check = (v) => typeof v === 'string' && (v === '' || EMAIL.test(v));
const checks: { [K in keyof NewsletterSettings]: Check } = {
  fromAddress: optionalEmail, replyTo: optionalEmail, bounceAddress: optionalEmail,
  fromName: (v) => typeof v === 'string' && v.length <= 100 && !/[\r\n"<>]/.test(v),
  ratePerSecond: int(0, 10_000), connections: int(1, 50),
  dkimDomain: (v) => typeof v === 'string' && (v === '' || /^[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i.test(v)),
  dkimSelector: (v) => typeof v === 'string' && /^[a-z0-9._-]{0,63}$/i.test(v),
  doubleOptIn: (v) => typeof v === 'boolean', clickCounts: (v) => typeof v === 'boolean',
  softBounceLimit: int(1, 100), softBounceDays: int(1, 365), digestMaxStories: int(1, 50),
  sesTopics: (v) => Array.isArray(v) && v.length <= 20 && v.every((a) => typeof a === 'string' && /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(a)),
};

const SECRET_KEYS = ['smtpUrl', 'dkimPrivateKey', 'bounceMailboxUrl', 'webhookKey'] as const;
const secretChecks: Record<keyof NewsletterSecrets, (v: string) => string | null> = {
  smtpUrl: (v) => (v === '' || /^smtps?:\/\/[^\s]+$/.test(v) ? null : 'must be an smtp:// or smtps:// address'),
  dkimPrivateKey: (v) => (v === '' || /^-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----\s*$/.test(v) ? null : 'must be a PEM private key'),
  bounceMailboxUrl: (v) => (v === '' || /^imaps?:\/\/[^\s]+$/.test(v) ? null : 'must be an imap:// or imaps:// address'),
  webhookKey: (v) => (/^[A-Za-z0-9_-]{16,100}$/.test(v) ? null : 'must be 16 to 100 letters, digits, - or _'),
};

async function readRow(ctx: AppContext, key: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('newsletter_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function writeRow(ctx: AppContext, key: string, value: string): Promise<void> {
  await ctx.db.insertInto('newsletter_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** The settings, defaults filled in. */
export async function getNewsletterSettings(ctx: AppContext): Promise<NewsletterSettings> {
  const raw = await readRow(ctx, 'settings');
  const stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => k in checks)) as Partial<NewsletterSettings>;
  return { ...DEFAULT_NEWSLETTER_SETTINGS, ...known };
}

/** Validates and stores a change; names the first bad field. */
export async function updateNewsletterSettings(ctx: AppContext, patch: Record<string, unknown>): Promise<NewsletterSettings> {
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in checks)) throw new ValidationError(k, `${k} is not a newsletter setting`);
    if (!checks[k as keyof NewsletterSettings](v)) throw new ValidationError(k, `${k} has a value that is not allowed`);
  }
  const next = { ...(await getNewsletterSettings(ctx)), ...patch } as NewsletterSettings;
  await writeRow(ctx, 'settings', JSON.stringify(next));
  forgetTransport(ctx);
  return next;
}

/** The opened secrets ('' for any not set); the webhook key is made the first time it is asked for. */
export async function getNewsletterSecrets(ctx: AppContext): Promise<NewsletterSecrets> {
  const out = { smtpUrl: '', dkimPrivateKey: '', bounceMailboxUrl: '', webhookKey: '' };
  for (const k of SECRET_KEYS) {
    const stored = await readRow(ctx, `secret:${k}`);
    out[k] = stored ? openFor(ctx.secret, `newsletters:${k}`, stored) ?? '' : '';
  }
  if (!out.webhookKey) {
    out.webhookKey = randomBytes(18).toString('base64url');
    await writeRow(ctx, 'secret:webhookKey', sealFor(ctx.secret, 'newsletters:webhookKey', out.webhookKey));
  }
  return out;
}

/** Which secrets are set (what the Admin API answers instead of the secrets). */
export async function secretsSet(ctx: AppContext): Promise<Record<keyof NewsletterSecrets, boolean>> {
  const s = await getNewsletterSecrets(ctx);
  return { smtpUrl: !!s.smtpUrl, dkimPrivateKey: !!s.dkimPrivateKey, bounceMailboxUrl: !!s.bounceMailboxUrl, webhookKey: true };
}

/** Seals and stores secrets ('' clears one). */
export async function setNewsletterSecrets(ctx: AppContext, patch: Partial<Record<string, unknown>>): Promise<void> {
  for (const [k, v] of Object.entries(patch)) {
    if (!(SECRET_KEYS as readonly string[]).includes(k)) throw new ValidationError(k, `${k} is not a newsletter secret`);
    if (typeof v !== 'string' || v.length > 20_000) throw new ValidationError(k, `${k} must be text`);
    const why = secretChecks[k as keyof NewsletterSecrets](v);
    if (why && !(k === 'webhookKey' && v === '')) throw new ValidationError(k, `${k} ${why}`);
  }
  for (const [k, v] of Object.entries(patch) as [keyof NewsletterSecrets, string][]) {
    if (v === '') await ctx.db.deleteFrom('newsletter_settings').where('key', '=', `secret:${k}`).execute();
    else await writeRow(ctx, `secret:${k}`, sealFor(ctx.secret, `newsletters:${k}`, v));
  }
  forgetTransport(ctx);
}

const forgetters = new WeakMap<AppContext, () => void>();

/** transport.ts registers how to drop its pooled connections when the settings change. */
export function onSettingsChange(ctx: AppContext, forget: () => void): void {
  forgetters.set(ctx, forget);
}

function forgetTransport(ctx: AppContext): void {
  forgetters.get(ctx)?.();
}
