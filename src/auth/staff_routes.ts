// Staff, invitations and the audit log in the Admin API.
import type { FastifyInstance } from 'fastify';
import { requireCapability } from './guard.ts';
import { listUsers, requireUser } from './users.ts';
import { assertMayManage, resetStaffTwoFactor, signOutStaff, updateStaff, type StaffPatch } from './staff.ts';
import { invite, resetLinkFor, revokeInvitation } from './invitations.ts';
import { listOpenInvitations } from './links.ts';
import { listAudit } from './audit.ts';
import { ROLES, type Role } from './capabilities.ts';
import { idParams, int, obj, sessionSecurity, str } from './route_parts.ts';

const tags = ['staff'];
const security = sessionSecurity;
const role = { type: 'string', enum: [...ROLES] };
type WithId = { Params: { id: number } };

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const manage = requireCapability('users.manage');

  app.get('/api/admin/users', { onRequest: manage, schema: { tags, operationId: 'listUsers', security } }, async () => ({ users: await listUsers(ctx.db) }));

  app.get<WithId>('/api/admin/users/:id', { onRequest: manage, schema: { tags, operationId: 'getUser', security, params: idParams } },
    async (req) => ({ user: await requireUser(ctx.db, req.params.id) }));

  app.patch<WithId & { Body: StaffPatch }>('/api/admin/users/:id', {
    onRequest: manage,
    schema: { tags, operationId: 'updateUser', security, params: idParams, body: obj({ role, disabled: { type: 'boolean' }, name: str(100, 1) }),
      description: 'Only an owner changes owners and admins or makes someone one; the last owner stays an owner.' },
  }, async (req) => ({ user: await updateStaff(ctx, req.params.id, req.body, req.staff!, req.ip) }));

  app.post<WithId>('/api/admin/users/:id/sessions/end', { onRequest: manage, schema: { tags, operationId: 'signOutUser', security, params: idParams } },
    async (req) => ({ ended: await signOutStaff(ctx, req.params.id, req.staff!, req.ip) }));

  app.post<WithId>('/api/admin/users/:id/two-factor/reset', { onRequest: manage, schema: { tags, operationId: 'resetUserTwoFactor', security, params: idParams } },
    async (req, reply) => {
      await resetStaffTwoFactor(ctx, req.params.id, req.staff!, req.ip);
      return reply.code(204).send();
    });

  app.post<WithId>('/api/admin/users/:id/reset-link', {
    onRequest: manage,
    schema: { tags, operationId: 'makeResetLink', security, params: idParams, description: 'Emailed when email is set up; otherwise the link is in the answer.' },
  }, async (req, reply) => {
    const u = await requireUser(ctx.db, req.params.id);
    assertMayManage(req.staff!, u.role);
    return reply.code(201).send(await resetLinkFor(ctx, u.id, req.staff!.id, req.ip));
  });

  app.get('/api/admin/invitations', { onRequest: manage, schema: { tags, operationId: 'listInvitations', security } },
    async () => ({ invitations: await listOpenInvitations(ctx.db, ctx.clock.now()) }));

  app.post<{ Body: { email: string; role: Role; name?: string } }>('/api/admin/invitations', {
    onRequest: manage,
    schema: { tags, operationId: 'createInvitation', security, body: obj({ email: str(254), role, name: str(100) }, ['email', 'role']),
      description: 'Emailed when email is set up; otherwise the link is in the answer for you to pass on.' },
  }, async (req, reply) => {
    assertMayManage(req.staff!, req.body.role);
    return reply.code(201).send(await invite(ctx, req.body, req.staff!, req.ip));
  });

  app.delete<WithId>('/api/admin/invitations/:id', { onRequest: manage, schema: { tags, operationId: 'revokeInvitation', security, params: idParams } },
    async (req, reply) => {
      await revokeInvitation(ctx, req.params.id, req.staff!.id, req.ip);
      return reply.code(204).send();
    });

  app.get<{ Querystring: { limit?: number; offset?: number; action?: string; actorId?: number; subject?: string } }>('/api/admin/audit', {
    onRequest: requireCapability('audit.read'),
    schema: { tags, operationId: 'listAudit', security,
      querystring: obj({ limit: { type: 'integer', minimum: 1, maximum: 200 }, offset: { type: 'integer', minimum: 0 }, action: str(100), actorId: int, subject: str(200) }) },
  }, async (req) => ({ entries: await listAudit(ctx.db, req.query) }));
}
