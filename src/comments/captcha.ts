// Optional external verifiers (reCAPTCHA v3, Cloudflare Turnstile, hCaptcha), off by default. They answer a
// token with success, and for some a score and action; a verifier that is down holds the comment, never rejects it.
// Each provider's address is fixed in captcha_urls.ts: no stored setting can send the secret, or any request, elsewhere.
import type { CommentSettings } from './settings.ts';
import type { CaptchaState } from './phases/types.ts';
import type { CaptchaVerifyUrls } from './captcha_urls.ts';

export interface CaptchaVerdict {
  state: CaptchaState;
  score: number | null;
  reason: string;
}

/** Asks the configured verifier about a token (server-side verify with score and action checks). */
export async function verifyCaptcha(ctx: { captchaVerifyUrls: CaptchaVerifyUrls }, s: CommentSettings, token: string | undefined, ip: string): Promise<CaptchaVerdict> {
  if (s.captchaProvider === 'none') return { state: 'off', score: null, reason: '' };
  if (!token) return { state: 'missing', score: null, reason: 'no token' };
  const form = new URLSearchParams({ secret: s.captchaSecret, response: token, remoteip: ip });
  if (s.captchaProvider === 'hcaptcha' && s.captchaSiteKey) form.set('sitekey', s.captchaSiteKey);
  let answer: unknown;
  try {
    const res = await fetch(ctx.captchaVerifyUrls[s.captchaProvider], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(s.captchaTimeoutMs),
    });
    if (!res.ok) return { state: 'down', score: null, reason: `HTTP ${res.status}` };
    answer = await res.json();
  } catch (err) {
    return { state: 'down', score: null, reason: err instanceof Error ? err.name : 'unreachable' };
  }
  if (!answer || typeof answer !== 'object') return { state: 'down', score: null, reason: 'unreadable answer' };
  const a = answer as { success?: unknown; score?: unknown; action?: unknown; 'error-codes'?: unknown };
  const score = typeof a.score === 'number' && Number.isFinite(a.score) ? a.score : null;
  if (a.success !== true) {
    const codes = Array.isArray(a['error-codes']) ? a['error-codes'].map(String).join(', ') : 'not successful';
    return { state: 'failed', score, reason: codes || 'not successful' };
  }
  if (s.captchaAction && typeof a.action === 'string' && a.action !== s.captchaAction) {
    return { state: 'failed', score, reason: `action "${a.action}" instead of "${s.captchaAction}"` };
  }
  if (s.captchaProvider === 'recaptcha' && score === null) return { state: 'failed', score, reason: 'no score in the answer' };
  return { state: 'ok', score, reason: '' };
}
