// Staff, invitations and the audit log in the Admin API. Only an owner manages owners and admins: that rule
// (assertMayManage) guards changing, signing out and resetting a member, and making or voiding an invitation.
import { AuditList, HandedLinkAnswer, InvitationList, StaffList } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { listUsers, requireUser } from '../auth/users.ts';
import { assertMayManage, resetStaffTwoFactor, signOutStaff, updateStaff } from '../auth/staff.ts';
import { invite, resendInvitation, resetLinkFor, revokeInvitation } from '../auth/invitations.ts';
import { listOpenInvitations } from '../auth/links.ts';
import { listAudit } from '../auth/audit.ts';
import { withSubjects } from './audit_subjects.ts';
import { ROLES } from '../auth/capabilities.ts';
import { staffOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { Bool, Day, Described as d, Id, IdParams, Int, OneOf, Strict, Text, Type } from './schemas.ts';

const tags = ['staff'];
const opt = Type.Optional;
const Role = d('The role, which sets the capabilities.', OneOf(ROLES));

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const manage = { capability: 'users.manage' } as const;

  endpoint(app, {
    method: 'GET', url: '/api/admin/users', operationId: 'listUsers', summary: 'List staff accounts', tags, access: manage, answers: StaffList,
    handle: async () => ({ users: await listUsers(ctx.db) }),
  });

  endpoint(app, {
    method: 'GET', url: '/api/admin/users/:id', operationId: 'getUser', summary: 'Read a staff account', tags, access: manage, params: IdParams,
    handle: async (req) => ({ user: await requireUser(ctx.db, req.params.id) }),
  });

  endpoint(app, {
    method: 'PATCH', url: '/api/admin/users/:id', operationId: 'updateUser', summary: "Change a staff member's role, name or access", tags, access: manage, params: IdParams,
    body: Strict({ role: opt(Role), disabled: opt(d('A disabled account cannot sign in; its sessions end.', Bool)), name: opt(d('The name shown to colleagues.', Text(100, 1))) }),
    description: 'Only an owner changes owners and admins or makes someone one; the last owner stays an owner.',
    handle: async (req) => ({ user: await updateStaff(ctx, req.params.id, req.body, staffOf(req), req.ip) }),
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/users/:id/sessions/end', operationId: 'signOutUser', summary: "End all of a staff member's sessions", tags, access: manage, params: IdParams,
    handle: async (req) => ({ ended: await signOutStaff(ctx, req.params.id, staffOf(req), req.ip) }),
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/users/:id/two-factor/reset', operationId: 'resetUserTwoFactor', summary: "Turn off a staff member's two-factor", tags, access: manage, params: IdParams, status: 204,
    handle: async (req) => { await resetStaffTwoFactor(ctx, req.params.id, staffOf(req), req.ip); },
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/users/:id/reset-link', operationId: 'makeResetLink', summary: 'Make a password reset link for a staff member', tags, access: manage, params: IdParams, status: 201,
    description: 'Emailed when email is set up; otherwise the link is in the answer.',
    handle: async (req) => {
      const u = await requireUser(ctx.db, req.params.id);
      assertMayManage(staffOf(req), u.role);
      return resetLinkFor(ctx, u.id, staffOf(req).id, req.ip);
    },
  });

  endpoint(app, {
    method: 'GET', url: '/api/admin/invitations', operationId: 'listInvitations', summary: 'List open invitations', tags, access: manage, answers: InvitationList,
    handle: async () => ({ invitations: await listOpenInvitations(ctx.db, ctx.clock.now()) }),
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/invitations', operationId: 'createInvitation', summary: 'Invite someone to the staff', tags, access: manage, status: 201, answers: HandedLinkAnswer,
    body: Strict({ email: d('Where the invitation goes.', Text(254)), role: Role, name: opt(d('Their name, filled in for them.', Text(100))) }),
    description: 'Emailed when email is set up; otherwise the link is in the answer for you to pass on.',
    handle: (req) => invite(ctx, req.body, staffOf(req), req.ip),
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/invitations/:id/resend', operationId: 'resendInvitation', summary: 'Send an invitation again', tags, access: manage, params: IdParams, status: 201, answers: HandedLinkAnswer,
    description: 'A fresh link, valid for another week, replaces the old one (which stops working); emailed when email is set up, otherwise in the answer. '
      + 'The same rule as making one: only an owner resends an invitation to be an owner or admin.',
    errors: { 409: 'Someone with this email address has an account by now (field email).' },
    answer: 'The new invitation\'s id and expiry, whether it was emailed, and the link when it was not.',
    handle: (req) => resendInvitation(ctx, req.params.id, staffOf(req), req.ip),
  });

  endpoint(app, {
    method: 'DELETE', url: '/api/admin/invitations/:id', operationId: 'revokeInvitation', summary: 'Revoke an invitation', tags, access: manage, params: IdParams, status: 204,
    description: 'The same rule as making one: only an owner voids an invitation to be an owner or admin.',
    handle: (req) => revokeInvitation(ctx, req.params.id, staffOf(req).id, req.ip),
  });

  endpoint(app, {
    method: 'GET', url: '/api/admin/audit', operationId: 'listAudit', summary: 'Read the audit log', tags, access: { capability: 'audit.read' }, answers: AuditList,
    query: Strict({
      limit: opt(d('How many entries (at most 200).', Int(1, 200))), offset: opt(d('How many to skip, for the next page.', Int(0, 2_147_483_647))),
      action: opt(d('Only this action, e.g. article.publish.', Text(100))), actorId: opt(d('Only what the staff member with this id did.', Id)),
      subject: opt(d('Only entries about this subject, e.g. article:12.', Text(200))),
      from: opt(Day('Only entries on or after this day (YYYY-MM-DD, UTC).')), to: opt(Day('Only entries on or before this day (YYYY-MM-DD, UTC).')),
    }),
    description: 'Newest first; each entry with `about`: what its subject is called (a story\'s headline, a front) and where the app shows it.',
    handle: async (req) => ({ entries: await withSubjects(ctx, await listAudit(ctx.db, req.query)) }),
  });
}
