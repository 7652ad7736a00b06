// Preview links: `<article id>.<expiry ms>.<HMAC>` signed with the process secret, so a link opens one draft
// until it expires and cannot be altered to open another.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';

function sign(ctx: AppContext, payload: string): string {
  return createHmac('sha256', ctx.secret).update(`preview:${payload}`).digest('base64url');
}

/** A token that opens the article's preview until `expiresAt`. */
export function previewToken(ctx: AppContext, articleId: number, expiresAt: Date): string {
  const payload = `${articleId}.${expiresAt.getTime()}`;
  return `${payload}.${sign(ctx, payload)}`;
}

/** The article the token opens and until when, or null when it is forged, altered or expired. */
export function readPreviewToken(ctx: AppContext, token: string): { articleId: number; expiresAt: Date } | null {
  const m = /^(\d{1,10})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(ctx, `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(m[2]) <= ctx.clock.now().getTime()) return null;
  return { articleId: Number(m[1]), expiresAt: new Date(Number(m[2])) };
}
