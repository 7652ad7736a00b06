// The bot defence's ordered phases and how their results combine into one decision.
import type { CommentStatus } from '../tables.ts';
import type { CommentSettings } from '../settings.ts';
import type { CommentFacts, Phase, PhaseResult } from './types.ts';
import { blocked, captcha, flood, honeypot, preModeration, proofOfWork, rate, timing } from './defence.ts';
import { caps, classifier, duplicate, length, links, script, words } from './content.ts';

export const PHASES: readonly Phase[] = [
  honeypot, blocked, proofOfWork, timing, captcha, rate, duplicate, links, words, caps, length, script, classifier, flood, preModeration,
];

export type Decision =
  | { kind: 'refuse'; results: PhaseResult[]; score: number; refusal: PhaseResult }
  /** stored with this status; `silent` spam tells the sender it is held, so a bot learns nothing */
  | { kind: 'store'; results: PhaseResult[]; score: number; status: CommentStatus; silent: boolean; scoreRefused: boolean };

/** Runs every phase and combines: spam beats refusals, refusals beat the score, holds beat publishing. */
export function judge(facts: CommentFacts, settings: CommentSettings, phases: readonly Phase[] = PHASES): Decision {
  const results = phases.flatMap((p) => {
    const r = p(facts, settings);
    return r === null ? [] : Array.isArray(r) ? r : [r];
  });
  const score = Math.round(Math.min(1, Math.max(0, 1 + results.reduce((s, r) => s + (r.delta ?? 0), 0))) * 1000) / 1000;
  if (results.some((r) => r.action === 'spam')) return { kind: 'store', results, score, status: 'spam', silent: true, scoreRefused: false };
  const refusal = results.find((r) => r.action === 'refuse');
  if (refusal) return { kind: 'refuse', results, score, refusal };
  if (score < settings.rejectBelow) return { kind: 'store', results, score, status: 'spam', silent: false, scoreRefused: true };
  const hold = results.some((r) => r.action === 'hold') || score < settings.publishAt;
  return { kind: 'store', results, score, status: hold ? 'pending' : 'approved', silent: false, scoreRefused: false };
}
