// Phases about how a comment arrived: honeypot, blocks, proof of work, timing, external verifier, rates, surges.
import type { Phase } from './types.ts';

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

export const honeypot: Phase = (f) =>
  f.draft.honeypot.trim() !== '' ? { phase: 'honeypot', reason: 'the hidden honeypot field was filled in', action: 'spam' } : null;

export const blocked: Phase = (f) =>
  f.blocked ? { phase: 'blocked', reason: `the commenter's ${f.blocked} is blocked`, action: 'spam' } : null;

export const proofOfWork: Phase = (f) => {
  switch (f.pow.state) {
    case 'ok': return null;
    // Refused, not held: a held comment still costs a moderator's time, and a script sends thousands.
    case 'missing': return { phase: 'proof_of_work', reason: 'no proof of work (JavaScript off, or a script)', action: 'refuse', status: 403, messageKey: 'comments.error.pow_missing' };
    case 'expired': return { phase: 'proof_of_work', reason: 'the proof of work has expired', action: 'refuse', status: 403, messageKey: 'comments.error.captcha' };
    default: return { phase: 'proof_of_work', reason: 'the proof of work is forged, malformed or already used', action: 'refuse', status: 403, messageKey: 'comments.error.captcha' };
  }
};

export const timing: Phase = (f, s) => {
  if (f.pow.state !== 'ok' || !f.pow.issuedAt) return null;
  const took = seconds(f.pow.issuedAt, f.now);
  return took < s.minSubmitSeconds
    ? { phase: 'timing', reason: `submitted ${took.toFixed(1)} s after the challenge (minimum ${s.minSubmitSeconds} s)`, action: 'refuse', status: 429, messageKey: 'comments.error.too_fast' }
    : null;
};

export const captcha: Phase = (f, s) => {
  const c = f.captcha;
  if (c.state === 'off') return null;
  if (c.state === 'missing') return { phase: 'captcha', reason: 'no verification token (JavaScript off, or a script)', action: 'hold' };
  if (c.state === 'down') return { phase: 'captcha', reason: `the verification service did not answer (${c.reason})`, action: 'hold' };
  if (c.state === 'failed') return { phase: 'captcha', reason: `the verification service refused the token (${c.reason})`, action: 'refuse', status: 403, messageKey: 'comments.error.captcha' };
  if (c.score !== null && c.score < s.captchaMinScore) {
    return { phase: 'captcha', reason: `verifier score ${c.score} is below ${s.captchaMinScore}`, delta: -0.5 };
  }
  return null;
};

export const rate: Phase = (f, s) => {
  const r = f.rate;
  const refuse = (reason: string) => ({ phase: 'rate', reason, action: 'refuse' as const, status: 429, messageKey: 'comments.error.rate' as const });
  if (r.ipTenMinutes >= s.ipMaxPerTenMinutes) return refuse(`${r.ipTenMinutes} attempts from this address in 10 minutes`);
  if (r.ipHour >= s.ipMaxPerHour) return refuse(`${r.ipHour} attempts from this address in an hour`);
  if (r.networkHour >= s.networkMaxPerHour) return refuse(`${r.networkHour} attempts from this network in an hour`);
  if (f.draft.email && r.emailLastAt && seconds(r.emailLastAt, f.now) < s.emailMinIntervalSeconds) {
    return refuse(`a comment from this email ${seconds(r.emailLastAt, f.now).toFixed(0)} s ago`);
  }
  if (f.draft.email && r.emailHour >= s.emailMaxPerHour) return refuse(`${r.emailHour} comments from this email in an hour`);
  return null;
};

export const flood: Phase = (f, s) =>
  f.rate.articleMinute >= s.articleMaxPerMinute
    ? { phase: 'flood', reason: `${f.rate.articleMinute} comments on this article in the last minute`, action: 'hold' }
    : null;

export const preModeration: Phase = (f, s) => {
  if (f.moderateAll) return { phase: 'pre_moderation', reason: 'the site holds every comment for moderation', action: 'hold' };
  if (f.pendingRecent > s.surgePending) {
    return { phase: 'pre_moderation', reason: `${f.pendingRecent} comments pending in ${s.surgeWindowMinutes} minutes: site switched to pre-moderation`, action: 'hold' };
  }
  return null;
};
