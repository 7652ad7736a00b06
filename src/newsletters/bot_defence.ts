// Sign-ups are defended the way comments are, with the comments' own settings: the honeypot, blocks, address and
// network rates, and the proof of work. The proof of work is checked through `checkProof` alone, so a change to
// how the comments verify it (an adaptive cost, say) reaches this form by changing that one function.
// A reader without JavaScript cannot solve a proof of work: they are answered with a confirmation step instead,
// whose signed pass is good once, only after the comments' minimum time and before the challenge lifetime.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { checkCommentPow, spendCommentPow } from '../comments/pow.ts';
import { getCommentSettings } from '../comments/settings.ts';
import { checkSender } from '../comments/sender_checks.ts';
import { recordSent } from '../comments/bot_defence.ts';
import { NewsletterRefusedError } from './messages.ts';
import { sign, signed } from './links.ts';

export type Proof = { state: 'ok' } | { state: 'missing' } | { state: 'refused' } | { state: 'too_fast' };

/** The proof of work of a form, checked and spent by the comments' verification. */
export async function checkProof(ctx: AppContext, payload: string | undefined, minSeconds: number): Promise<Proof> {
  const pow = await checkCommentPow(ctx, payload);
  if (pow.state === 'missing') return { state: 'missing' };
  if (pow.state !== 'ok' || !pow.challengeId || !pow.expiresAt) return { state: 'refused' };
  if (pow.issuedAt && (ctx.clock.now().getTime() - Date.parse(pow.issuedAt)) / 1000 < minSeconds) return { state: 'too_fast' };
  return (await spendCommentPow(ctx, pow.challengeId, pow.expiresAt)) ? { state: 'ok' } : { state: 'refused' };
}

/** The no-JavaScript step's pass: what it covers, when it was issued, a nonce, and the signature. */
export interface Pass {
  iat: number;
  nonce: string;
  sig: string;
}

const passParts = (email: string, listIds: number[], iat: number, nonce: string) => [email, listIds.join(','), iat, nonce];

export function makePass(ctx: AppContext, email: string, listIds: number[]): Pass {
  const iat = Math.floor(ctx.clock.now().getTime() / 1000);
  const nonce = randomBytes(12).toString('base64url');
  return { iat, nonce, sig: sign(ctx.secret, 'pass', passParts(email, listIds, iat, nonce)) };
}

/** Checks and spends a pass (the spent record is the comments' proof-of-work one: a replay fails everywhere). */
async function checkPass(ctx: AppContext, email: string, listIds: number[], form: Record<string, string>, minSeconds: number, ttl: number): Promise<Proof> {
  const iat = Number(form.pass_iat);
  const nonce = form.pass_nonce ?? '';
  if (!Number.isInteger(iat) || !/^[A-Za-z0-9_-]{16}$/.test(nonce) || !signed(ctx.secret, 'pass', passParts(email, listIds, iat, nonce), form.pass_sig)) return { state: 'refused' };
  const age = ctx.clock.now().getTime() / 1000 - iat;
  if (age > ttl) return { state: 'refused' };
  if (age < minSeconds) return { state: 'too_fast' };
  return (await spendCommentPow(ctx, `newsletter-pass:${nonce}`, new Date((iat + ttl) * 1000).toISOString())) ? { state: 'ok' } : { state: 'refused' };
}

/** What the defence decided: go on, answer as if it went on (a bot learns nothing), or ask for the extra step. */
export type Verdict = 'go' | 'pretend' | 'step';

/** Runs the defence on a sign-up; throws the reader's refusal (rate, verification, too fast). */
export async function defend(ctx: AppContext, args: { form: Record<string, string>; email: string; listIds: number[]; ip: string }): Promise<Verdict> {
  const s = await getCommentSettings(ctx.db);
  const { form, email, listIds } = args;
  const standing = await checkSender(ctx.db, { ip: args.ip, email, key: `newsletter:${email}`, now: ctx.clock.now() });
  if ((form.website ?? '').trim() !== '') return 'pretend';
  if (standing.ipTenMinutes >= s.ipMaxPerTenMinutes || standing.ipHour >= s.ipMaxPerHour || standing.networkHour >= s.networkMaxPerHour
    || standing.keyHour >= s.emailMaxPerHour) {
    throw new NewsletterRefusedError(429, 'newsletters.error.rate');
  }
  const proof = form.altcha
    ? await checkProof(ctx, form.altcha, s.minSubmitSeconds)
    : form.pass_sig ? await checkPass(ctx, email, listIds, form, s.minSubmitSeconds, s.challengeTtlSeconds) : { state: 'missing' as const };
  if (proof.state === 'refused') throw new NewsletterRefusedError(403, 'newsletters.error.verification');
  if (proof.state === 'too_fast') throw new NewsletterRefusedError(429, 'newsletters.error.too_fast');
  if (standing.blocked) return 'pretend';
  if (proof.state === 'missing') return 'step';
  // A sign-up sent counts in its sender's recent history, as a comment does: the next proofs cost more past the free.
  await recordSent(ctx, args.ip);
  return 'go';
}
