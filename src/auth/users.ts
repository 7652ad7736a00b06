// Staff accounts: who they are, their role, their byline, and whether they may still sign in.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { ROLES, type Role } from './capabilities.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { createPerson } from '../content/people.ts';
import { slugify } from '../content/sanitize.ts';
import { isUniqueViolation, requiredText } from '../content/fields.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** A signed-in staff member, as the rules that check who acts see them. */
export interface StaffUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** the byline to write under; a new person is made from the name when not given */
  personId?: number | null;
}

const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'person_id', 'totp_enabled', 'disabled', 'created_at', 'last_login_at'] as const;

/** A normalised email address or a ValidationError on `field`. */
export function checkEmail(v: unknown, field = 'email'): string {
  const e = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (!e || e.length > 254 || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(e)) throw new ValidationError(field, `${field} must be an email address`);
  return e;
}

export function checkRole(v: unknown, field = 'role'): Role {
  if (!(ROLES as readonly unknown[]).includes(v)) throw new ValidationError(field, `${field} must be one of ${ROLES.join(', ')}`);
  return v as Role;
}

/** Creates the person whose byline the account writes under (slug made unique). */
async function createByline(ctx: AppContext, name: string): Promise<number> {
  const base = slugify(name) || 'staff';
  for (let n = 1; n < 100; n++) {
    try {
      return await createPerson(ctx, { name, slug: n === 1 ? base : `${base}-${n}` });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  throw new ConflictError('Could not make a byline for this name', 'name');
}

/** Creates an account (and its byline); the email must be new. */
export async function createUser(ctx: AppContext, input: NewUser): Promise<number> {
  const email = checkEmail(input.email);
  const name = requiredText('name', input.name, 100);
  const role = checkRole(input.role);
  const password = checkNewPassword(input.password, 'password', [name, email.split('@')[0]]);
  if (await getUserByEmail(ctx.db, email)) throw new ConflictError('An account with this email address already exists', 'email');
  const passwordHash = await hashPassword(ctx, password);
  const personId = input.personId ?? (await createByline(ctx, name));
  const now = ctx.clock.now().toISOString();
  try {
    const { id } = await ctx.db.insertInto('users').values({
      email, name, password_hash: passwordHash, role, person_id: personId, totp_secret: null, totp_enabled: 0, totp_last_step: null,
      disabled: 0, created_at: now, updated_at: now, last_login_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('An account with this email address already exists', 'email');
    throw err;
  }
}

/** The person (byline) a staff member writes under, or null. */
export async function personIdOf(db: Db, userId: number): Promise<number | null> {
  const r = await db.selectFrom('users').select('person_id').where('id', '=', userId).executeTakeFirst();
  return r?.person_id ?? null;
}

export async function getUserByEmail(db: Db, email: string) {
  return (await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst()) ?? null;
}

export async function getUserRow(db: Db, id: number) {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** An account without its secrets, or null. */
export async function getUser(db: Db, id: number) {
  return (await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listUsers(db: Db) {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('name').execute();
}

export async function requireUser(db: Db, id: number) {
  const u = await getUser(db, id);
  if (!u) throw new NotFoundError('User not found');
  return u;
}

export async function countActiveOwners(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setPassword(ctx: AppContext, userId: number, password: string): Promise<void> {
  const u = await getUserRow(ctx.db, userId);
  if (!u) throw new NotFoundError('User not found');
  checkNewPassword(password, 'password', [u.name, u.email.split('@')[0]]);
  await ctx.db.updateTable('users').set({ password_hash: await hashPassword(ctx, password), updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).execute();
}

/** Sets the language the newsroom app speaks to this person (one the site knows), or null to follow the site's. */
export async function setUserLanguage(ctx: AppContext, userId: number, language: string | null): Promise<void> {
  if (language !== null && !(LANGUAGES as readonly string[]).includes(language)) throw new ValidationError('language', `language must be one of ${LANGUAGES.join(', ')}, or null`);
  const r = await ctx.db.updateTable('users').set({ language, updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new NotFoundError('User not found');
}
