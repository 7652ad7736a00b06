// Email for invitations and password resets, through nodemailer when SMTP_URL is set. Without it nothing is
// sent and the caller shows the link to the person who asked for it instead. nodemailer is loaded at the first
// letter, so a newsroom without email never holds it.
import type nodemailerModule from 'nodemailer';
import type { AppContext } from '../context.ts';
import { loadPackage } from '../load_later.ts';

export interface Letter {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  sendMail(letter: Letter & { from: string }): Promise<unknown>;
}

const transports = new WeakMap<AppContext, MailTransport>();

/** Uses another transport for this context (tests record letters instead of sending them). */
export function setMailTransport(ctx: AppContext, t: MailTransport): void {
  transports.set(ctx, t);
}

function transportFor(ctx: AppContext): MailTransport | null {
  const t = transports.get(ctx);
  if (t) return t;
  if (!ctx.config.smtpUrl) return null;
  const nodemailer = loadPackage<typeof nodemailerModule>('nodemailer');
  const made = nodemailer.createTransport(ctx.config.smtpUrl);
  transports.set(ctx, made as unknown as MailTransport);
  return made as unknown as MailTransport;
}

/** Whether this server can send email. */
export function canSendMail(ctx: AppContext): boolean {
  return transportFor(ctx) !== null;
}

/** Sends a letter; false when no mail is configured. Failures are thrown to the caller. */
export async function sendMail(ctx: AppContext, letter: Letter): Promise<boolean> {
  const t = transportFor(ctx);
  if (!t) return false;
  const host = new URL(ctx.config.publicUrl).hostname;
  await t.sendMail({ ...letter, from: `Khabar <no-reply@${host.includes('.') ? host : 'localhost.localdomain'}>` });
  return true;
}
