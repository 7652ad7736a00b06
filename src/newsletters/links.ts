// Signed links in letters and pages, so a reader needs no account and no session: confirm a sign-up, open the
// preferences page, unsubscribe with one click (RFC 8058), and the VERP bounce address. Each is an HMAC-SHA256
// of what it names under the site's secret, bound to the reader's address so a deleted and re-added reader's old
// links stop working.
import { createHmac, timingSafeEqual } from 'node:crypto';

type Purpose = 'confirm' | 'prefs' | 'unsub' | 'verp' | 'pass' | 'click';

function mac(secret: string, purpose: Purpose, parts: (string | number)[]): string {
  return createHmac('sha256', `khabar:newsletters:${secret}`).update([purpose, ...parts].join('\n')).digest('base64url').slice(0, 32);
}

/** A signature over what a link names. */
export function sign(secret: string, purpose: Purpose, parts: (string | number)[]): string {
  return mac(secret, purpose, parts);
}

/** Whether a signature matches (in constant time). */
export function signed(secret: string, purpose: Purpose, parts: (string | number)[], sig: unknown): boolean {
  if (typeof sig !== 'string' || sig.length !== 32) return false;
  return timingSafeEqual(Buffer.from(mac(secret, purpose, parts)), Buffer.from(sig));
}

/** VERP: the envelope sender that tells which letter to which reader bounced, e.g. bounces+s12.r345.AbC@news.example. */
export function verpAddress(secret: string, base: string, sendId: number, subscriberId: number): string {
  const [local, domain] = base.split('@');
  return `${local}+s${sendId}.r${subscriberId}.${sign(secret, 'verp', [sendId, subscriberId]).slice(0, 10)}@${domain}`;
}

/** The send and reader a VERP address names, or null when it is not one of ours. */
export function readVerp(secret: string, address: string): { sendId: number; subscriberId: number } | null {
  const m = /\+s(\d{1,10})\.r(\d{1,10})\.([A-Za-z0-9_-]{10})@/.exec(address);
  if (!m) return null;
  const sendId = Number(m[1]);
  const subscriberId = Number(m[2]);
  const want = sign(secret, 'verp', [sendId, subscriberId]).slice(0, 10);
  return timingSafeEqual(Buffer.from(want), Buffer.from(m[3])) ? { sendId, subscriberId } : null;
}
