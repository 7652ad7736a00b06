// The facts a comment is judged on, gathered once (database, proof of work, verifier), then read by pure phases.
import type { CommentSettings } from '../settings.ts';
import type { CommentMessageKey } from '../../i18n/comments_en.ts';

export interface CommentDraft {
  articleId: number;
  parentId: number | null;
  name: string;
  email: string | null;
  body: string;
  /** the honeypot field: people never see it, so anything in it came from a script */
  honeypot: string;
}

export type PowState = 'missing' | 'ok' | 'invalid' | 'expired';
export type CaptchaState = 'off' | 'ok' | 'failed' | 'down' | 'missing';

export interface CommentFacts {
  draft: CommentDraft;
  /** ISO time of the submission (ctx.clock) */
  now: string;
  pow: { state: PowState; issuedAt: string | null };
  captcha: { state: CaptchaState; score: number | null; reason: string };
  blocked: 'email' | 'ip' | 'network' | null;
  rate: {
    ipTenMinutes: number;
    ipHour: number;
    networkHour: number;
    emailLastAt: string | null;
    emailHour: number;
    articleMinute: number;
  };
  /** approved comments before this one from the same email (or address when no email is given) */
  approvedBefore: number;
  /** the same folded body from the same email or address inside the duplicate window */
  sameBody: boolean;
  /** highest similarity to another recent comment, in [0, 1] */
  nearDuplicate: number;
  pendingRecent: number;
  moderateAll: boolean;
  /** writing systems expected on this site */
  scripts: string[];
  /** spam probability from the classifier, null until it has learnt enough */
  spamProbability: number | null;
}

export type PhaseAction = 'spam' | 'refuse' | 'hold';

export interface PhaseResult {
  phase: string;
  reason: string;
  /** added to the score, which starts at 1 and is kept inside [0, 1] */
  delta?: number;
  action?: PhaseAction;
  /** for refusals: the HTTP status and the reader's message */
  status?: number;
  messageKey?: CommentMessageKey;
}

export type Phase = (facts: CommentFacts, settings: CommentSettings) => PhaseResult | PhaseResult[] | null;
