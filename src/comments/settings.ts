// Comment settings: one typed object kept as JSON under the settings key 'comments', defaults for every field.
// Site-wide switches that belong to the site (moderateAll, commentsCloseAfterDays) stay in SiteSettings.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { readSetting, writeSetting } from '../content/settings.ts';

export type CaptchaProvider = 'none' | 'recaptcha' | 'turnstile' | 'hcaptcha';

export interface CommentSettings {
  enabled: boolean;
  bodyMin: number;
  bodyMax: number;
  nameMax: number;
  /** replies nest at most this deep (0 = top level) */
  maxDepth: number;
  /** top-level threads per page */
  pageSize: number;
  /** proof of work: SHA-256 iterations per attempt and the hex prefix a solution must reach */
  powCost: number;
  powPrefix: string;
  /** the proof's cost rises with the pressure (bot_defence.ts); false keeps the base cost */
  powAdaptive: boolean;
  challengeTtlSeconds: number;
  /** fewer seconds than this between fetching the challenge and submitting is refused */
  minSubmitSeconds: number;
  emailMinIntervalSeconds: number;
  emailMaxPerHour: number;
  /** lenient: readers share addresses behind carrier NAT */
  ipMaxPerTenMinutes: number;
  ipMaxPerHour: number;
  networkMaxPerHour: number;
  /** more comments than this on one article within a minute are held */
  articleMaxPerMinute: number;
  duplicateWindowHours: number;
  /** this many links or more hold a comment; any link from a first-time commenter too */
  linksHoldAt: number;
  holdFirstTimeLinks: boolean;
  blockedWords: string[];
  blockedDomains: string[];
  /** more pending comments than this within surgeWindowMinutes switch the site to pre-moderation */
  surgePending: number;
  surgeWindowMinutes: number;
  /** scores below rejectBelow are refused; at or above publishAt are published; between are held */
  rejectBelow: number;
  publishAt: number;
  /** writing systems expected in comments; empty = derived from the site languages */
  scripts: string[];
  /** reports that send a published comment back to the queue */
  reportsToHold: number;
  captchaProvider: CaptchaProvider;
  captchaSiteKey: string;
  captchaSecret: string;
  captchaMinScore: number;
  captchaAction: string;
  captchaTimeoutMs: number;
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  enabled: true,
  bodyMin: 2,
  bodyMax: 3000,
  nameMax: 80,
  maxDepth: 3,
  pageSize: 50,
  powCost: 40,
  powPrefix: '00',
  powAdaptive: true,
  challengeTtlSeconds: 2 * 3600,
  minSubmitSeconds: 3,
  emailMinIntervalSeconds: 15,
  emailMaxPerHour: 5,
  ipMaxPerTenMinutes: 30,
  ipMaxPerHour: 120,
  networkMaxPerHour: 400,
  articleMaxPerMinute: 20,
  duplicateWindowHours: 24,
  linksHoldAt: 2,
  holdFirstTimeLinks: true,
  blockedWords: [],
  blockedDomains: [],
  surgePending: 50,
  surgeWindowMinutes: 10,
  rejectBelow: 0.2,
  publishAt: 0.6,
  scripts: [],
  reportsToHold: 3,
  captchaProvider: 'none',
  captchaSiteKey: '',
  captchaSecret: '',
  captchaMinScore: 0.5,
  captchaAction: 'comment',
  captchaTimeoutMs: 5000,
};

const KEY = 'comments';

type Check = (v: unknown) => boolean;
const int = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const num = (min: number, max: number): Check => (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const bool: Check = (v) => typeof v === 'boolean';
const str = (max: number): Check => (v) => typeof v === 'string' && v.length <= max;
const list: Check = (v) => Array.isArray(v) && v.length <= 5000 && v.every((w) => typeof w === 'string' && w.length >= 1 && w.length <= 200);

const checks: { [K in keyof CommentSettings]: Check } = {
  enabled: bool, bodyMin: int(1, 1000), bodyMax: int(10, 100_000), nameMax: int(10, 500), maxDepth: int(0, 10), pageSize: int(1, 500),
  powCost: int(1, 1_000_000), powPrefix: (v) => typeof v === 'string' && /^[0-9a-f]{1,8}$/.test(v), powAdaptive: bool, challengeTtlSeconds: int(60, 7 * 86400),
  minSubmitSeconds: int(0, 600), emailMinIntervalSeconds: int(0, 86400), emailMaxPerHour: int(1, 10_000), ipMaxPerTenMinutes: int(1, 1_000_000),
  ipMaxPerHour: int(1, 1_000_000), networkMaxPerHour: int(1, 1_000_000), articleMaxPerMinute: int(1, 1_000_000), duplicateWindowHours: int(0, 24 * 365),
  linksHoldAt: int(1, 1000), holdFirstTimeLinks: bool, blockedWords: list, blockedDomains: list, surgePending: int(1, 1_000_000),
  surgeWindowMinutes: int(1, 1440), rejectBelow: num(0, 1), publishAt: num(0, 1), scripts: list, reportsToHold: int(1, 1000),
  captchaProvider: (v) => v === 'none' || v === 'recaptcha' || v === 'turnstile' || v === 'hcaptcha',
  captchaSiteKey: str(500), captchaSecret: str(500),
  captchaMinScore: num(0, 1), captchaAction: str(100), captchaTimeoutMs: int(100, 60_000),
};

/** The comment settings, defaults filled in. Stored fields that are no longer settings (an old
 * captchaVerifyUrl) are dropped here, so nothing downstream ever sees them and the next save forgets them. */
export async function getCommentSettings(db: Db): Promise<CommentSettings> {
  const value = await readSetting(db, KEY);
  const stored = value ? (JSON.parse(value) as Record<string, unknown>) : {};
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => k in checks)) as Partial<CommentSettings>;
  return { ...DEFAULT_COMMENT_SETTINGS, ...known };
}

/** Validates and stores a change of comment settings; names the first bad field. */
export async function updateCommentSettings(ctx: AppContext, patch: Partial<CommentSettings>): Promise<CommentSettings> {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new ValidationError('settings', 'settings must be an object');
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in checks)) throw new ValidationError(k, `${k} is not a comment setting`);
    if (!checks[k as keyof CommentSettings](v)) throw new ValidationError(k, `${k} has a value that is not allowed`);
  }
  const next = { ...(await getCommentSettings(ctx.db)), ...patch };
  if (next.rejectBelow > next.publishAt) throw new ValidationError('rejectBelow', 'rejectBelow must not be above publishAt');
  if (next.bodyMin > next.bodyMax) throw new ValidationError('bodyMin', 'bodyMin must not be above bodyMax');
  const value = JSON.stringify(next);
  await writeSetting(ctx.db, KEY, value);
  await ctx.events.emit('settings.changed', { keys: [KEY] });
  return next;
}
