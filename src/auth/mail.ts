// Email for invitations and password resets, through nodemailer when SMTP_URL is set. Without it nothing is
// sent and the caller shows the link to the person who asked for it instead. The transport is part of the
// context (src/runtime.ts builds it from the config; tests put one there that records letters), and nodemailer
// is loaded at the first letter, so a newsroom without email never holds it.
import type nodemailerModule from 'nodemailer';
import type { Config } from '../config.ts';
import { loadPackage } from '../load_later.ts';

export interface Letter {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  sendMail(letter: Letter & { from: string }): Promise<unknown>;
}

/** The part of the context mail needs (AppContext has it). */
type Mailing = { mail: MailTransport | null; config: Pick<Config, 'publicUrl'> };

/** The SMTP transport for a smtp:// or smtps:// URL; nodemailer is loaded when the first letter goes. */
export function smtpTransport(smtpUrl: string): MailTransport {
  let made: MailTransport | null = null;
  return {
    sendMail(letter) {
      made ??= loadPackage<typeof nodemailerModule>('nodemailer').createTransport(smtpUrl) as unknown as MailTransport;
      return made.sendMail(letter);
    },
  };
}

/** Whether this server can send email. */
export function canSendMail(ctx: Mailing): boolean {
  return ctx.mail !== null;
}

/** Sends a letter; false when no mail is configured. Failures are thrown to the caller. */
export async function sendMail(ctx: Mailing, letter: Letter): Promise<boolean> {
  if (!ctx.mail) return false;
  const host = new URL(ctx.config.publicUrl).hostname;
  await ctx.mail.sendMail({ ...letter, from: `Khabar <no-reply@${host.includes('.') ? host : 'localhost.localdomain'}>` });
  return true;
}
