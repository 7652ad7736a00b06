// Row types of reader comments and the bot defence. Timestamps ISO 8601 UTC text, booleans 0/1, JSON as text.
import type { Generated } from 'kysely';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  /** 0 for a top-level comment; replies nest to the configured depth */
  depth: number;
  author_name: string;
  /** private: never shown on the site; lower-cased */
  author_email: string | null;
  /** private: never shown on the site */
  ip: string;
  /** the /24 (IPv4) or /64 (IPv6) the address belongs to */
  network: string;
  body: string;
  /** hash of the folded body, for duplicate checks */
  body_hash: string;
  status: CommentStatus;
  /** combined bot-defence score in [0, 1] */
  score: number;
  /** JSON array of { phase, reason, delta?, action? } behind the score */
  reasons: string;
  report_count: number;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
}

/** Every moderation decision, automatic or human: who, when, from which status to which. */
export interface CommentDecisionsTable {
  id: Generated<number>;
  comment_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  /** staff user id, null for the bot defence or a reader */
  actor_id: number | null;
  note: string;
  created_at: string;
}

export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  ip: string;
  reason: string;
  created_at: string;
}

export type CommentBlockKind = 'email' | 'ip' | 'network';

export interface CommentBlocksTable {
  id: Generated<number>;
  kind: CommentBlockKind;
  value: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

/** Proof-of-work solutions already spent, kept until their challenge expires (replays refused). */
export interface CommentPowUsedTable {
  challenge_id: string;
  expires_at: string;
}

/** One row per posting attempt per key (ip:..., net:...), for rate limits shared by every instance. */
export interface CommentRateHitsTable {
  id: Generated<number>;
  key: string;
  created_at: string;
}

/** Word counts of the spam classifier, learnt from moderators' decisions. */
export interface CommentClassifierWordsTable {
  word: string;
  spam: number;
  ham: number;
}

/** Which comments the classifier has learnt from, and as what (so a changed mind can be unlearnt). */
export interface CommentClassifierDocsTable {
  comment_id: number;
  label: 'spam' | 'ham';
  /** JSON array of the distinct words learnt */
  words: string;
}

export interface CommentTables {
  comments: CommentsTable;
  comment_decisions: CommentDecisionsTable;
  comment_reports: CommentReportsTable;
  comment_blocks: CommentBlocksTable;
  comment_pow_used: CommentPowUsedTable;
  comment_rate_hits: CommentRateHitsTable;
  comment_classifier_words: CommentClassifierWordsTable;
  comment_classifier_docs: CommentClassifierDocsTable;
}
