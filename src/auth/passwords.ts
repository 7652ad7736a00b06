// Passwords: argon2id hashes, a minimum length and a list of the passwords attackers try first. The cost of new
// hashes is the context's (src/runtime.ts: OWASP's; test contexts: a cheap one). The argon2 binding loads at the
// first sign-in, not with every page server.
import type * as argon2Module from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.ts';
import { loadPackage } from '../load_later.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export interface PasswordCost {
  /** KiB of memory per hash */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's recommended argon2id settings (19 MiB, 2 passes). */
export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** For test contexts only: fast, and still argon2id. */
export const CHEAP_PASSWORD_COST: PasswordCost = { memoryCost: 256, timeCost: 1, parallelism: 1 };

/** The part of the context hashing needs (AppContext has it). */
type Hashing = { passwordCost: PasswordCost };

/** A hash made at each cost, verified against when there is no account, so that costs the same time. */
const dummyHashes = new WeakMap<PasswordCost, Promise<string>>();

const COMMON = new Set(
  readFileSync(new URL('./common_passwords.txt', import.meta.url), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')),
);

// Runs people type when asked for something long: counting, the alphabet, keyboard rows (either way round,
// wrapping). A password that is a piece of one of these, however long, is guessed first.
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p']
  .flatMap((r) => [r, [...r].reverse().join('')])
  .map((r) => r.repeat(Math.ceil(MAX_PASSWORD_LENGTH / r.length) + 1));

function isRun(lower: string): boolean {
  return RUNS.some((r) => r.includes(lower));
}

/** Throws a ValidationError on `field` unless the password is long enough and not a common one. */
export function checkNewPassword(password: unknown, field = 'password', context: string[] = []): string {
  if (typeof password !== 'string') throw new ValidationError(field, `${field} is required`);
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new ValidationError(field, `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new ValidationError(field, `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase().normalize('NFKC');
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || COMMON.has(stem) || new Set(lower).size < 4 || isRun(lower)) {
    throw new ValidationError(field, `${field} is too common; please choose a less guessable one (a few unrelated words work well)`);
  }
  // Digits alone are mostly phone numbers and dates, the first things tried against a known person.
  if (/^[\s\p{Nd}+().:/-]+$/u.test(password)) {
    throw new ValidationError(field, `${field} must not be only digits (phone numbers and dates are guessed first); a few unrelated words work well`);
  }
  for (const c of context) {
    if (c && c.length >= 4 && lower.includes(c.toLowerCase())) throw new ValidationError(field, `${field} must not contain your name or email address`);
  }
  return password;
}

const loadArgon2 = () => loadPackage<typeof argon2Module>('@node-rs/argon2');

/** A new hash at the context's cost (existing hashes keep theirs and still verify). */
export async function hashPassword(ctx: Hashing, password: string): Promise<string> {
  return loadArgon2().hash(password, { ...ctx.passwordCost });
}

/** Verifies a password; with no stored hash (an unknown account) it does the same work and answers false,
 * so response times do not reveal which accounts exist. */
export async function verifyPassword(ctx: Hashing, stored: string | null, password: string): Promise<boolean> {
  const input = typeof password === 'string' ? password.slice(0, MAX_PASSWORD_LENGTH) : '';
  const { verify } = loadArgon2();
  if (!stored) {
    let dummy = dummyHashes.get(ctx.passwordCost);
    if (!dummy) dummyHashes.set(ctx.passwordCost, (dummy = hashPassword(ctx, 'khabar-no-such-account')));
    await verify(await dummy, input).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, input);
  } catch {
    return false;
  }
}
