// How letters leave: any SMTP relay the newsroom chooses (its own Postfix, Amazon SES, Postmark, Brevo, Mailgun),
// through a pool of nodemailer connections at the rate the newsroom set. Each letter is first composed and signed
// (DKIM) into bytes by mime.ts, which encodes a send's body once and fills in each reader's links, then handed to the pool as a stream that is held open before its
// end: the sender records the letter as sent, and only then lets the stream end. SMTP delivers nothing without the
// final "." (RFC 5321 §4.1.1.4), so a process killed before that record leaves a letter that was never delivered
// (sent again on resume) rather than one delivered and forgotten (a second copy).
import { createPrivateKey } from 'node:crypto';
import { Readable } from 'node:stream';
import type nodemailerModule from 'nodemailer';
import type { AppContext } from '../context.ts';
import { loadPackage } from '../load_later.ts';
import { composeLetter, type DkimKey } from './mime.ts';
import { getNewsletterSecrets, getNewsletterSettings, onSettingsChange, type NewsletterSettings } from './settings.ts';

export interface Letter {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string | { prepared: true; value: string }>;
  messageId: string;
  /** the envelope sender (VERP), where bounces go */
  returnPath: string;
  lang: string;
  /** the reader's links for the slots in html and text (render.ts); absent: html and text go as they are */
  links?: { prefs: string; unsubscribe: string };
}

export interface SendOutcome {
  ok: boolean;
  /** the relay's answer, or why the letter could not go */
  response: string;
  /** a 4xx answer or a dropped connection: worth trying again later */
  temporary: boolean;
  /** `release` ran and said yes: the letter was recorded as sent before its end went out */
  released: boolean;
}

export interface NewsletterTransport {
  /** Sends one letter; `release` runs after the relay has the whole letter but before its end, and may call it off. */
  send(letter: Letter, release?: () => Promise<boolean>): Promise<SendOutcome>;
  close(): void;
}

type Mailer = { sendMail(m: unknown): Promise<{ message?: Buffer; response?: string }>; close(): void };

const made = new WeakMap<AppContext, Promise<NewsletterTransport | null>>();

/** The transport for the current settings (built once, dropped when they change); null when no SMTP is set. */
export function newsletterTransport(ctx: AppContext): Promise<NewsletterTransport | null> {
  let t = made.get(ctx);
  if (!t) {
    t = build(ctx);
    made.set(ctx, t);
    onSettingsChange(ctx, () => {
      const old = made.get(ctx);
      made.delete(ctx);
      void old?.then((o) => o?.close());
    });
  }
  return t;
}

/** Closes the pooled connections of this context's transport (tests, shutdown). */
export async function closeNewsletterTransport(ctx: AppContext): Promise<void> {
  const t = made.get(ctx);
  made.delete(ctx);
  (await t)?.close();
}

async function build(ctx: AppContext): Promise<NewsletterTransport | null> {
  const [settings, secrets] = await Promise.all([getNewsletterSettings(ctx), getNewsletterSecrets(ctx)]);
  const url = secrets.smtpUrl || ctx.config.smtpUrl;
  if (!url) return null;
  const nodemailer = loadPackage<typeof nodemailerModule>('nodemailer');
  const dkim: DkimKey | undefined = settings.dkimDomain && settings.dkimSelector && secrets.dkimPrivateKey
    ? { domain: settings.dkimDomain, selector: settings.dkimSelector, key: createPrivateKey(secrets.dkimPrivateKey) }
    : undefined;
  const pool = nodemailer.createTransport({ url, ...poolOptions(settings) } as never) as unknown as Mailer;
  return {
    async send(letter, release) {
      let bytes: Buffer;
      try {
        bytes = composeLetter(letter, dkim);
      } catch (err) {
        return { ok: false, response: `could not compose the letter: ${(err as Error).message}`, temporary: false, released: false };
      }
      // The letter but its last line break goes when the connection reads it; when it asks for more, the letter is
      // with the relay but for its end, and `release` decides whether the end follows.
      let stage = 0;
      let go = !release;
      const body = new Readable({
        highWaterMark: 1,
        read() {
          if (stage === 0) { stage = 1; this.push(bytes.subarray(0, bytes.length - 2)); return; }
          if (stage !== 1) return;
          stage = 2;
          const decide = release ? release().catch(() => false) : Promise.resolve(true);
          void decide.then((ok) => {
            go = ok;
            if (!ok) { this.destroy(new Error('called off before the end of the letter')); return; }
            this.push(bytes.subarray(bytes.length - 2));
            this.push(null);
          });
        },
      });
      const sending = pool.sendMail({ envelope: { from: letter.returnPath, to: [letter.to] }, raw: body });
      try {
        const info = await sending;
        return { ok: go, response: String(info.response ?? ''), temporary: false, released: go && stage === 2 };
      } catch (err) {
        const e = err as { responseCode?: number; message: string; code?: string };
        return { ok: false, response: e.message, temporary: !e.responseCode || (e.responseCode >= 400 && e.responseCode < 500), released: go && stage === 2 && !!release };
      }
    },
    close() {
      pool.close();
    },
  };
}

function poolOptions(s: NewsletterSettings) {
  return {
    pool: true, maxConnections: s.connections, maxMessages: 10_000,
    ...(s.ratePerSecond > 0 ? { rateDelta: 1000, rateLimit: s.ratePerSecond } : {}),
    connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000,
  };
}
