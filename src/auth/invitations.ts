// Invitations and password resets by link: emailed when SMTP is configured, otherwise handed to the person who
// asked (an owner or admin) to pass on. A reset requested by the account holder never reveals whether the
// account exists.
import type { AppContext } from '../context.ts';
import type { Role } from './capabilities.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { optionalText, requiredText } from '../content/fields.ts';
import { audit } from './audit.ts';
import { getSettings } from '../content/settings.ts';
import { t } from '../i18n/index.ts';
import { consumeLink, createLink, peekLink, releaseLink, voidLinks } from './links.ts';
import { canSendMail, sendMail } from './mail.ts';
import { errorDetails } from '../log.ts';
import { checkNewPassword } from './passwords.ts';
import { endAllSessions } from './sessions.ts';
import { assertMayManage } from './staff.ts';
import { claimResetEmail } from './throttle.ts';
import { checkEmail, checkRole, createUser, getUserByEmail, getUserRow, setPassword } from './users.ts';

export interface Handed {
  id: number;
  expiresAt: string;
  /** true when the link went out by email */
  emailed: boolean;
  /** the link, when it could not be emailed (show it to the person who asked) */
  link: string | null;
}

async function hand(ctx: AppContext, to: string, subject: string, body: (url: string) => string, made: { id: number; url: string; expiresAt: string }): Promise<Handed> {
  const emailed = canSendMail(ctx) && (await sendMail(ctx, { to, subject, text: body(made.url) }));
  return { id: made.id, expiresAt: made.expiresAt, emailed, link: emailed ? null : made.url };
}

/**
 * Throws 403 unless the account `actorId` may give someone `role` (assertMayManage, as for changing a role),
 * read from the database so every caller, route or page, gets the same answer for making and for revoking.
 */
async function assertMayGrant(ctx: AppContext, actorId: number, role: Role): Promise<void> {
  const actor = await getUserRow(ctx.db, actorId);
  if (!actor || actor.disabled) throw new ForbiddenError();
  assertMayManage(actor, role);
}

/** Invites someone to join with a role; an earlier open invitation to the same address stops working. */
export async function invite(ctx: AppContext, input: { email: unknown; role: unknown; name?: unknown }, by: { id: number; name: string }, ip = ''): Promise<Handed> {
  const email = checkEmail(input.email);
  const role: Role = checkRole(input.role);
  await assertMayGrant(ctx, by.id, role);
  const name = optionalText('name', input.name, 100);
  if (await getUserByEmail(ctx.db, email)) throw new ConflictError('Someone with this email address already has an account', 'email');
  return sendInvitation(ctx, { email, role, name }, by, 'invitation.create', ip);
}

/** Makes a fresh link for the invitation (earlier ones to the address stop working), records it and sends it. */
async function sendInvitation(ctx: AppContext, to: { email: string; role: Role; name: string }, by: { id: number; name: string }, action: string, ip: string): Promise<Handed> {
  const { email, role } = to;
  await voidLinks(ctx, 'invite', { email });
  const made = await createLink(ctx, { kind: 'invite', email, role, name: to.name, createdBy: by.id });
  await audit(ctx, { actorId: by.id, action, subject: `invitation:${made.id}`, detail: { email, role }, ip });
  const { lang, site } = await mailLanguage(ctx);
  return hand(ctx, email, t(lang, 'email.invitation.subject', { site }), (url) =>
    t(lang, 'email.invitation.body', { site, inviter: by.name, role: t(lang, `admin.role.${role}`), url }), made);
}

/** Sends an open invitation again with a fresh link (the old link stops working; a week from now again). */
export async function resendInvitation(ctx: AppContext, id: number, by: { id: number; name: string }, ip = ''): Promise<Handed> {
  const open = await ctx.db.selectFrom('auth_links').select(['email', 'role', 'name']).where('id', '=', id).where('kind', '=', 'invite')
    .where('used_at', 'is', null).executeTakeFirst();
  if (!open?.email) throw new NotFoundError('Invitation not found');
  const role = open.role ?? 'owner';
  await assertMayGrant(ctx, by.id, role);
  if (await getUserByEmail(ctx.db, open.email)) throw new ConflictError('Someone with this email address already has an account', 'email');
  return sendInvitation(ctx, { email: open.email, role, name: open.name ?? '' }, by, 'invitation.resend', ip);
}

/** Accepts an invitation: creates the account with the invited role; returns the new user's id. */
export async function acceptInvitation(ctx: AppContext, input: { token: unknown; name: unknown; password: unknown }, ip = ''): Promise<number> {
  const name = requiredText('name', input.name, 100);
  const open = await peekLink(ctx, 'invite', input.token);
  checkNewPassword(input.password, 'password', [name, (open?.email ?? '').split('@')[0]]);
  const link = await consumeLink(ctx, 'invite', input.token);
  try {
    const id = await createUser(ctx, { email: link.email!, name, password: input.password as string, role: link.role! });
    await audit(ctx, { actorId: id, action: 'invitation.accept', subject: `user:${id}`, detail: { role: link.role, invitedBy: link.created_by }, ip });
    return id;
  } catch (err) {
    await releaseLink(ctx, link.id);
    throw err;
  }
}

/** Voids an open invitation; only someone who may make an invitation with its role may revoke it. */
export async function revokeInvitation(ctx: AppContext, id: number, by: number, ip = ''): Promise<void> {
  const open = await ctx.db.selectFrom('auth_links').select('role').where('id', '=', id).where('kind', '=', 'invite')
    .where('used_at', 'is', null).executeTakeFirst();
  if (!open) throw new NotFoundError('Invitation not found');
  await assertMayGrant(ctx, by, open.role ?? 'owner');
  if (!(await voidLinks(ctx, 'invite', { id }))) throw new NotFoundError('Invitation not found');
  await audit(ctx, { actorId: by, action: 'invitation.revoke', subject: `invitation:${id}`, ip });
}

const RESET_EMAIL_GAP_MS = 5 * 60_000;

/** Emails go out in the site's default language, naming the newsroom. */
async function mailLanguage(ctx: AppContext): Promise<{ lang: string; site: string }> {
  const s = await getSettings(ctx.db);
  return { lang: s.language, site: s.name };
}

async function resetMail(ctx: AppContext): Promise<{ subject: string; text: (url: string) => string }> {
  const { lang, site } = await mailLanguage(ctx);
  return { subject: t(lang, 'email.reset.subject', { site }), text: (url) => t(lang, 'email.reset.body', { site, url }) };
}

/** A reset link for a staff member, made by an owner or admin (shown to them when there is no email). */
export async function resetLinkFor(ctx: AppContext, userId: number, by: number, ip = ''): Promise<Handed> {
  const u = await getUserRow(ctx.db, userId);
  if (!u) throw new NotFoundError('User not found');
  await voidLinks(ctx, 'reset', { userId });
  const made = await createLink(ctx, { kind: 'reset', userId, email: u.email, createdBy: by });
  await audit(ctx, { actorId: by, action: 'password.reset_link', subject: `user:${userId}`, ip });
  const mail = await resetMail(ctx);
  return hand(ctx, u.email, mail.subject, mail.text, made);
}

/** "Forgot my password": emails a link when the account exists and email is configured; answers the same either way. */
export async function requestReset(ctx: AppContext, email: unknown, ip = ''): Promise<void> {
  const e = typeof email === 'string' ? email.trim().toLowerCase() : '';
  const u = e ? await getUserByEmail(ctx.db, e) : null;
  if (!u || u.disabled || !canSendMail(ctx)) return;
  // One email per account per few minutes, however often and from however many addresses someone asks (claimed
  // in one statement, so asking many times at once sends one): the form cannot be used to flood an inbox.
  if (!(await claimResetEmail(ctx, u.email, RESET_EMAIL_GAP_MS))) return;
  await voidLinks(ctx, 'reset', { userId: u.id });
  const made = await createLink(ctx, { kind: 'reset', userId: u.id, email: u.email });
  await audit(ctx, { actorId: null, action: 'password.reset_requested', subject: `user:${u.id}`, ip });
  // The letter is written before the answer (so it is handed to the mailer by then); sending it is not awaited: a
  // slow mail server must not make existing accounts answer more slowly than unknown ones.
  const mail = await resetMail(ctx);
  // A failure is logged for the newsroom (the person asking is told the same words either way).
  void sendMail(ctx, { to: u.email, subject: mail.subject, text: mail.text(made.url) })
    .catch((err: unknown) => ctx.log.error('a password reset email could not be sent', { user: u.id, ...errorDetails(err) }));
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function completeReset(ctx: AppContext, token: unknown, password: unknown, ip = ''): Promise<number> {
  const link = await consumeLink(ctx, 'reset', token);
  try {
    await setPassword(ctx, link.user_id!, password as string);
  } catch (err) {
    await releaseLink(ctx, link.id);
    throw err;
  }
  await endAllSessions(ctx, link.user_id!);
  await audit(ctx, { actorId: link.user_id, action: 'password.reset', subject: `user:${link.user_id}`, ip });
  return link.user_id!;
}
