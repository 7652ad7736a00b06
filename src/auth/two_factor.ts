// Two-factor authentication: TOTP codes from any authenticator app (RFC 6238: 30-second steps, 6 digits, SHA-1),
// each code accepted once, plus ten single-use recovery codes kept as hashes.
import { Secret, TOTP } from 'otpauth';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { getUserRow } from './users.ts';
import { hashToken } from './tokens.ts';
import { openSecret, sealSecret } from './secret_box.ts';

const PERIOD = 30;
const RECOVERY_CODES = 10;

function totpFor(secret: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD });
}

export type Enrollment = { secret: string; otpauthUrl: string };

/** What an authenticator app is given: the key as text and as the otpauth:// address its QR code shows. */
function enrollmentFor(secret: string, email: string, issuer: string): Enrollment {
  return { secret, otpauthUrl: totpFor(secret, email, issuer).toString() };
}

/** The account's authenticator key as text, or null when it has none (or it no longer opens). */
function storedSecret(ctx: AppContext, u: { id: number; totp_secret: string | null }): string | null {
  return u.totp_secret ? openSecret(ctx.secret, u.id, u.totp_secret) : null;
}

/** Starts (or restarts) enrolment: a new secret, not yet in force. Returns what the app's QR code shows. */
export async function beginEnrollment(ctx: AppContext, userId: number, issuer: string): Promise<Enrollment> {
  const u = await getUserRow(ctx.db, userId);
  if (!u) throw new NotFoundError('User not found');
  if (u.totp_enabled) throw new ConflictError('Two-factor authentication is already on; turn it off first to use a new device');
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db.updateTable('users').set({ totp_secret: sealSecret(ctx.secret, userId, secret), updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).execute();
  return enrollmentFor(secret, u.email, issuer);
}

/** The key waiting for its first code (enrolment begun, not yet confirmed), to show again; else null. */
export async function pendingEnrollment(ctx: AppContext, userId: number, issuer: string): Promise<Enrollment | null> {
  const u = await getUserRow(ctx.db, userId);
  if (!u || u.totp_enabled) return null;
  const secret = storedSecret(ctx, u);
  return secret ? enrollmentFor(secret, u.email, issuer) : null;
}

/** The time step a code belongs to (current step +/- 1 for clock drift), or null when it is wrong or already used. */
function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

function newRecoveryCode(): string {
  const s = randomBytes(8).toString('hex');
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/** Replaces the user's recovery codes; returns the new ones (shown once). */
export async function newRecoveryCodes(ctx: AppContext, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: userId, code_hash: hashToken(normaliseRecoveryCode(c)), used_at: null }))).execute();
  });
  return codes;
}

/** Turns two-factor on once the person proves their app shows the right code; returns recovery codes. */
export async function confirmEnrollment(ctx: AppContext, userId: number, code: unknown): Promise<string[]> {
  const u = await getUserRow(ctx.db, userId);
  if (!u) throw new NotFoundError('User not found');
  if (u.totp_enabled) throw new ConflictError('Two-factor authentication is already on');
  const secret = storedSecret(ctx, u);
  if (!secret) throw new ConflictError('Start two-factor setup first');
  const step = typeof code === 'string' ? acceptedStep(secret, code.replace(/\s/g, ''), ctx.clock.now(), null) : null;
  if (step === null) throw new ValidationError('code', 'That code is not right; check the time on your phone and try the newest code');
  await ctx.db.updateTable('users').set({ totp_enabled: 1, totp_last_step: step, updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).execute();
  return newRecoveryCodes(ctx, userId);
}

/** Checks a second factor: a current authenticator code (once) or an unused recovery code (then spent). */
export async function verifySecondFactor(ctx: AppContext, userId: number, code: unknown): Promise<'totp' | 'recovery' | null> {
  if (typeof code !== 'string' || code.length > 40) return null;
  const u = await getUserRow(ctx.db, userId);
  if (!u?.totp_enabled || !u.totp_secret) return null;
  const compact = code.replace(/\s/g, '');
  const secret = storedSecret(ctx, u);
  const step = secret ? acceptedStep(secret, compact, ctx.clock.now(), u.totp_last_step) : null;
  if (step !== null) {
    const r = await ctx.db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)])).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'totp' : null;
  }
  const hash = hashToken(normaliseRecoveryCode(compact));
  const r = await ctx.db.updateTable('recovery_codes').set({ used_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? 'recovery' : null;
}

export async function remainingRecoveryCodes(ctx: AppContext, userId: number): Promise<number> {
  const r = await ctx.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId)
    .where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Turns two-factor off and forgets the secret and recovery codes. */
export async function disableTwoFactor(ctx: AppContext, userId: number): Promise<void> {
  await ctx.db.updateTable('users').set({ totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', userId).execute();
  await ctx.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** The current code for a secret at a time: for tests and for checking a device during setup. */
export function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp: at.getTime() });
}
