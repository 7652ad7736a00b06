// The settings' "send a test" button: one short letter through the relay as it is set now (the pool, DKIM, the
// VERP envelope sender), to the staff member asking, so a wrong password, port or key shows at once and not on the
// morning of the first digest.
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { ConflictError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { readEmail } from './addresses.ts';
import { letterSender } from './letters.ts';
import { siteName } from './render.ts';
import { newsletterTransport } from './transport.ts';

/** Sends the relay test letter to `to`; answers the relay's reply, or throws a ConflictError saying what went wrong. */
export async function checkRelay(ctx: AppContext, to: string, lang: string): Promise<{ to: string; response: string }> {
  const email = readEmail(to);
  const transport = await newsletterTransport(ctx);
  if (!transport) throw new ConflictError('No SMTP relay is set: set one in the newsletter settings (or SMTP_URL)');
  const sender = await letterSender(ctx, lang);
  const site = siteName(await getSettings(ctx.db), lang);
  const body = t(lang, 'newsletters.mail.relay_body', { site });
  const at = ctx.clock.now();
  const out = await transport.send({
    from: sender.from, to: email, subject: t(lang, 'newsletters.mail.relay_subject', { site }), lang,
    html: `<!doctype html><html lang="${lang}"><body><p>${body.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p></body></html>`, text: `${body}\n`,
    headers: {}, messageId: `<relay-check.${at.getTime()}@${sender.host}>`, returnPath: sender.bounceBase,
  });
  if (!out.ok) throw new ConflictError(`The relay refused the test letter: ${out.response}`);
  return { to: email, response: out.response };
}
