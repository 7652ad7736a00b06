// Managing staff accounts: roles, disabling, signing someone out, turning off a lost second factor. Only an
// owner touches owners and admins; nobody changes their own role or locks themselves out; the last owner stays.
import type { AppContext } from '../context.ts';
import { can, type Role } from './capabilities.ts';
import type { StaffUser } from './users.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { requiredText } from '../content/fields.ts';
import { audit } from './audit.ts';
import { endAllSessions } from './sessions.ts';
import { disableTwoFactor } from './two_factor.ts';
import { checkRole, countActiveOwners, getUser, getUserRow } from './users.ts';

const HIGH: readonly Role[] = ['owner', 'admin'];

/** Throws 403 unless `by` may manage someone with role `role` (owners and admins need the owner's capability). */
export function assertMayManage(by: StaffUser, role: Role): void {
  if (!can(by.role, 'users.manage') || (HIGH.includes(role) && !can(by.role, 'users.manage_admins'))) {
    throw new ForbiddenError('Only an owner can manage owners and admins');
  }
}

async function target(ctx: AppContext, id: number, by: StaffUser) {
  const u = await getUserRow(ctx.db, id);
  if (!u) throw new NotFoundError('User not found');
  assertMayManage(by, u.role);
  return u;
}

export interface StaffPatch {
  role?: unknown;
  disabled?: unknown;
  name?: unknown;
}

/** Changes a staff member's role, name or whether they may sign in; returns the account as it now is. */
export async function updateStaff(ctx: AppContext, id: number, patch: StaffPatch, by: StaffUser, ip = '') {
  const u = await target(ctx, id, by);
  const set: { role?: Role; disabled?: number; name?: string } = {};
  if (patch.role !== undefined) {
    const role = checkRole(patch.role);
    if (role !== u.role) {
      if (id === by.id) throw new ConflictError('You cannot change your own role', 'role');
      assertMayManage(by, role);
      set.role = role;
    }
  }
  if (patch.disabled !== undefined) {
    if (typeof patch.disabled !== 'boolean') throw new ValidationError('disabled', 'disabled must be true or false');
    if (patch.disabled && id === by.id) throw new ConflictError('You cannot disable your own account', 'disabled');
    if ((patch.disabled ? 1 : 0) !== u.disabled) set.disabled = patch.disabled ? 1 : 0;
  }
  if (patch.name !== undefined) set.name = requiredText('name', patch.name, 100);
  const losesOwner = u.role === 'owner' && u.disabled === 0 && ((set.role && set.role !== 'owner') || set.disabled === 1);
  if (losesOwner && (await countActiveOwners(ctx.db)) <= 1) throw new ConflictError('The newsroom must keep at least one owner', set.role ? 'role' : 'disabled');
  if (Object.keys(set).length) {
    await ctx.db.updateTable('users').set({ ...set, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  }
  if (set.role) await audit(ctx, { actorId: by.id, action: 'user.role', subject: `user:${id}`, detail: { from: u.role, to: set.role }, ip });
  if (set.disabled !== undefined) {
    if (set.disabled) await endAllSessions(ctx, id);
    await audit(ctx, { actorId: by.id, action: set.disabled ? 'user.disable' : 'user.enable', subject: `user:${id}`, ip });
  }
  if (set.name) await audit(ctx, { actorId: by.id, action: 'user.rename', subject: `user:${id}`, detail: { from: u.name, to: set.name }, ip });
  return (await getUser(ctx.db, id))!;
}

/** Signs a staff member out everywhere (a lost laptop). */
export async function signOutStaff(ctx: AppContext, id: number, by: StaffUser, ip = ''): Promise<number> {
  await target(ctx, id, by);
  const n = await endAllSessions(ctx, id);
  await audit(ctx, { actorId: by.id, action: 'user.signout', subject: `user:${id}`, detail: { sessions: n }, ip });
  return n;
}

/** Turns off a staff member's second factor (a lost phone, no recovery codes) and signs them out. */
export async function resetStaffTwoFactor(ctx: AppContext, id: number, by: StaffUser, ip = ''): Promise<void> {
  await target(ctx, id, by);
  if (id === by.id) throw new ConflictError('Use your own two-factor settings for your account');
  await disableTwoFactor(ctx, id);
  await endAllSessions(ctx, id);
  await audit(ctx, { actorId: by.id, action: 'user.two_factor_reset', subject: `user:${id}`, ip });
}
