// Authenticator secrets are sealed with the process secret (AES-256-GCM, bound to the account's id), so a copy of
// the database alone cannot mint a newsroom's 2FA codes. Losing the process secret means staff set up 2FA again
// (an owner or admin can turn a lost second factor off).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

function keyFor(processSecret: string): Buffer {
  return createHash('sha256').update(`khabar:totp-secret:${processSecret}`).digest();
}

/** Seals a TOTP secret for storage in users.totp_secret. */
export function sealSecret(processSecret: string, userId: number, plain: string): string {
  return sealFor(processSecret, `user:${userId}`, plain);
}

/** Opens a stored TOTP secret; null when it was sealed with another process secret or for another account. */
export function openSecret(processSecret: string, userId: number, stored: string): string | null {
  return openFor(processSecret, `user:${userId}`, stored);
}

/** Seals any other secret the newsroom keeps (SMTP password, DKIM key), bound to what it is (`purpose`, e.g.
 * "newsletters:dkim"), so one sealed value cannot be passed off as another. */
export function sealFor(processSecret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(processSecret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Opens what sealFor sealed; null when it was sealed with another process secret or for another purpose. */
export function openFor(processSecret: string, purpose: string, stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return null;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(processSecret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
