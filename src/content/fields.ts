// Field checks shared by the content services: each names the field and the problem.
import { ValidationError } from '../errors.ts';
import { showsText, slugify } from './sanitize.ts';

/** A trimmed, required single-line text of at most `max` characters; one of invisible characters only is missing. */
export function requiredText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || !showsText(value)) throw new ValidationError(field, `${field} is required`);
  return optionalText(field, value, max);
}

/** A trimmed optional text (empty string when missing) of at most `max` characters. */
export function optionalText(field: string, value: unknown, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ValidationError(field, `${field} must be text`);
  const v = value.replace(/\r\n?/g, '\n').trim();
  if (v.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v)) throw new ValidationError(field, `${field} contains control characters`);
  return v;
}

/** A slug given by the user (checked) or derived from a name. */
export function slugFrom(field: string, given: unknown, fallbackFrom: string): string {
  if (given !== undefined && given !== null && given !== '') {
    if (typeof given !== 'string' || slugify(given) !== given) {
      throw new ValidationError(field, `${field} may contain only lowercase letters, digits and hyphens`);
    }
    return given;
  }
  const s = slugify(fallbackFrom);
  if (!s) throw new ValidationError(field, `${field} could not be made from the name; please give one`);
  return s;
}

/** An http(s) URL or empty. */
export function optionalUrl(field: string, value: unknown): string {
  const v = optionalText(field, value, 2000);
  if (v && !/^https?:\/\/[^\s<>"]+$/i.test(v)) throw new ValidationError(field, `${field} must be an http or https address`);
  return v;
}

/** A positive integer id or null. */
export function optionalId(field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) <= 0) throw new ValidationError(field, `${field} must be a positive whole number`);
  return value as number;
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint/i.test(e?.message ?? '');
}
