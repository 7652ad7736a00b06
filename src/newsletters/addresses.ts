// Readers' email addresses: one line of printable ASCII in the usual shape, lower-cased. Anything else is refused
// with a message that says what is wrong: a line break (header injection), an address longer than SMTP allows
// (RFC 5321 §4.5.3.1: 254), or a letter that only looks Latin (Cyrillic "а" in "gmаil.com"), which would reach
// someone else or no one.
import { NewsletterRefusedError } from './messages.ts';

const MAX = 254;
const SHAPE = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The address in its stored form, or a NewsletterRefusedError naming the field "email". */
export function readEmail(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new NewsletterRefusedError(400, 'newsletters.error.email_required', 'email');
  if (raw.length > MAX + 2) throw new NewsletterRefusedError(400, 'newsletters.error.email_long', 'email');
  if (/[\r\n\u0085\u2028\u2029]/.test(raw)) throw new NewsletterRefusedError(400, 'newsletters.error.email_line', 'email');
  const v = raw.trim().toLowerCase();
  if (v.length > MAX) throw new NewsletterRefusedError(400, 'newsletters.error.email_long', 'email');
  // eslint-disable-next-line no-control-regex
  if (/[^\u0020-\u007e]/.test(v)) {
    throw new NewsletterRefusedError(400, /\p{L}/u.test(v) ? 'newsletters.error.email_lookalike' : 'newsletters.error.email_invalid', 'email');
  }
  if (!SHAPE.test(v) || v.includes('..') || v.startsWith('.') || v.split('@')[0].endsWith('.')) {
    throw new NewsletterRefusedError(400, 'newsletters.error.email_invalid', 'email');
  }
  return v;
}
