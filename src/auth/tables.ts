// Row types of accounts, sessions, one-time links, two-factor recovery codes, guessing limits, the audit log
// and security settings (owned by the back office). Timestamps ISO 8601 UTC text, booleans 0/1, JSON as text.
import type { Generated } from 'kysely';
import type { Role } from './capabilities.ts';

export interface UsersTable {
  id: Generated<number>;
  /** lower-cased */
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  /** the byline this account writes under */
  person_id: number | null;
  /** base32 TOTP secret; set while enrolling, kept when enabled */
  totp_secret: string | null;
  totp_enabled: number;
  /** last accepted TOTP time step: a code is accepted once */
  totp_last_step: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** the language the newsroom app speaks to this person (en, fa, ps); null: the site's language */
  language: string | null;
}

/** 'full': signed in; 'two_factor': password accepted, code still owed; 'enroll': must set up 2FA before anything else. */
export type SessionStage = 'full' | 'two_factor' | 'enroll';

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not hand out sessions */
  id: string;
  user_id: number;
  stage: SessionStage;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export type AuthLinkKind = 'setup' | 'invite' | 'reset';

/** One-time links: the first owner's setup, invitations, password resets. */
export interface AuthLinksTable {
  id: Generated<number>;
  token_hash: string;
  kind: AuthLinkKind;
  email: string | null;
  role: Role | null;
  name: string;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

/** Guessing limits (src/auth/throttle.ts): one row per limit key, such as "signin:pair:<email>|<address>";
 * "known:<email>|<address>" rows remember where an account signed in. Times in milliseconds since 1970. */
export interface AuthThrottleTable {
  key: string;
  /** attempts counted in the current window (failures, plus any still being checked) */
  attempts: number;
  last_at: number;
  /** no further attempt is counted (or checked) before this time */
  blocked_until: number;
  /** the wait the next attempt beyond the free ones sets */
  next_wait_ms: number;
  /** account-wide limits: when the bucket of attempts would be empty again (each attempt adds a leak interval) */
  empty_at: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject: string;
  /** JSON object */
  detail: string;
  ip: string;
  created_at: string;
}

export interface AuthSettingsTable {
  key: string;
  value: string; // JSON
}

/** Content API keys (see api_keys.ts). */
/** What a key opens: the Content API, or one aggregator's syndication feed. */
export type KeyKind = 'content' | 'aggregator';

/** Every key the newsroom issues, of either kind (src/auth/api_keys.ts). */
export interface ApiKeysTable {
  id: Generated<number>;
  kind: Generated<KeyKind>;
  name: string;
  /** an aggregator's licence statement, carried in its feed ('' for a Content API key) */
  licence: Generated<string>;
  /** the first characters of the key, shown in lists so a newsroom can tell keys apart */
  prefix: string;
  /** SHA-256 of the whole key, hex */
  key_hash: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  auth_links: AuthLinksTable;
  recovery_codes: RecoveryCodesTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
  auth_settings: AuthSettingsTable;
  api_keys: ApiKeysTable;
}
