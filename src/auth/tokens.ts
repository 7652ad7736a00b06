// Random secrets handed to people (session cookies, links, keys) and the hashes stored in their place.
import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token with 256 bits of entropy, optionally prefixed. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 hex: what the database keeps instead of a token (tokens are random, so no salt is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
