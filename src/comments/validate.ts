// A reader's submission, checked field by field: every problem names its field and carries the catalog message.
import type { CommentSettings } from './settings.ts';
import type { CommentDraft } from './phases/types.ts';
import { CommentRefusedError } from './messages.ts';
import { BIDI_CONTROLS, showsText } from '../content/sanitize.ts';

export const CAPTCHA_TOKEN_FIELDS = ['g-recaptcha-response', 'cf-turnstile-response', 'h-captcha-response'] as const;
const FIELDS = new Set(['article_id', 'parent_id', 'comment', 'name', 'email', 'website', 'altcha', ...CAPTCHA_TOKEN_FIELDS]);
const FIELD_LIMIT = 16_384;

export interface Submission {
  draft: CommentDraft;
  powPayload: string | undefined;
  captchaToken: string | undefined;
}

/** What the reader typed, as typed, for re-rendering the form after any error. */
export interface TypedFields {
  article_id: string;
  parent_id: string;
  comment: string;
  name: string;
  email: string;
}

/** Reads the typed fields out of any body, never throwing: the form is always re-rendered with them. */
export function typedFields(body: unknown): TypedFields {
  const r = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).slice(0, FIELD_LIMIT) : typeof r[k] === 'number' ? String(r[k]) : '');
  return { article_id: s('article_id'), parent_id: s('parent_id'), comment: s('comment'), name: s('name'), email: s('email') };
}

// Control characters other than tab and newline have no place in a comment (and NUL breaks PostgreSQL text).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function clean(v: string): string {
  return v.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Checks a posted body against the comment rules; throws CommentRefusedError naming the first bad field. */
export function readSubmission(body: unknown, s: CommentSettings): Submission {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CommentRefusedError(400, 'comments.error.bad_request');
  const raw = body as Record<string, unknown>;
  for (const [k, v] of Object.entries(raw)) {
    if (!FIELDS.has(k)) throw new CommentRefusedError(400, 'comments.error.bad_request', k);
    if (typeof v !== 'string' && !(typeof v === 'number' && (k === 'article_id' || k === 'parent_id'))) {
      throw new CommentRefusedError(400, 'comments.error.bad_request', k);
    }
    if (typeof v === 'string' && v.length > FIELD_LIMIT && k !== 'comment') throw new CommentRefusedError(400, 'comments.error.bad_request', k);
  }
  const str = (k: string) => (raw[k] === undefined ? '' : String(raw[k]));
  const articleId = id(str('article_id'));
  if (articleId === null) throw new CommentRefusedError(404, 'comments.error.article', 'article_id');
  const parentText = str('parent_id').trim();
  const parentId = parentText === '' || parentText === '0' ? null : id(parentText);
  if (parentText !== '' && parentText !== '0' && parentId === null) throw new CommentRefusedError(400, 'comments.error.parent', 'parent_id');

  const comment = clean(str('comment')).trim();
  const length = [...comment].length;
  if (length === 0 || !showsText(comment)) throw new CommentRefusedError(400, 'comments.error.body_required', 'comment');
  if (length > s.bodyMax) throw new CommentRefusedError(400, 'comments.error.body_too_long', 'comment', { max: s.bodyMax });
  if (length < s.bodyMin) throw new CommentRefusedError(400, 'comments.error.body_too_short', 'comment', { min: s.bodyMin });
  const name = clean(str('name')).replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
  if (!showsText(name)) throw new CommentRefusedError(400, 'comments.error.name_required', 'name');
  if ([...name].length > s.nameMax) throw new CommentRefusedError(400, 'comments.error.name_too_long', 'name', { max: s.nameMax });
  const emailText = clean(str('email')).trim().toLowerCase();
  if (emailText !== '' && (emailText.length > 254 || !/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u.test(emailText))) {
    throw new CommentRefusedError(400, 'comments.error.email_invalid', 'email');
  }
  const captchaToken = CAPTCHA_TOKEN_FIELDS.map((k) => raw[k]).find((v): v is string => typeof v === 'string' && v !== '');
  const pow = str('altcha').trim();
  return {
    draft: { articleId, parentId, name, email: emailText || null, body: comment, honeypot: str('website') },
    powPayload: pow === '' ? undefined : pow,
    captchaToken,
  };
}

function id(v: string): number | null {
  return /^[1-9]\d{0,9}$/.test(v.trim()) && Number(v) <= 2_147_483_647 ? Number(v) : null;
}
