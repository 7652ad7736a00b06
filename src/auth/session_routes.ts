// Signing in and out, the CSRF token, who am I, my sessions ("log out everywhere") and my password.
import type { FastifyInstance } from 'fastify';
import { CAPABILITIES, type Capability } from './capabilities.ts';
import { requireSession, requireStaff, sessionOf } from './guard.ts';
import { completeTwoFactor, signIn } from './sign_in.ts';
import { endAllSessions, endSessionById, listSessions, purgeExpiredSessions, SESSION_COOKIE } from './sessions.ts';
import { getUserRow, setPassword } from './users.ts';
import { verifyPassword } from './passwords.ts';
import { audit } from './audit.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../errors.ts';
import { can } from './capabilities.ts';
import { clearSessionCookie, clientOf, csrfOnly, noSecurity, obj, sessionSecurity, setSessionCookie, str } from './route_parts.ts';
import { signOut } from './session_steps.ts';

const tags = ['accounts'];
const base = '/api/admin/auth';

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  app.get('/api/admin/csrf', { schema: { tags, operationId: 'getCsrfToken', security: noSecurity,
    description: 'The token to send in the x-csrf-token header with every change (sets the secret cookie it belongs to).' } },
  async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { token: reply.generateCsrf() };
  });

  app.post<{ Body: { email: string; password: string } }>(`${base}/login`, {
    onRequest: csrfOnly,
    schema: { tags, operationId: 'signIn', security: noSecurity, body: obj({ email: str(254), password: str(1000) }, ['email', 'password']),
      description: 'Signs in with email and password. stage "two_factor": send a code to /login/code next; "enroll": set up 2FA first.' },
  }, async (req, reply) => {
    const r = await signIn(ctx, req.body.email, req.body.password, clientOf(req), req.cookies[SESSION_COOKIE]);
    setSessionCookie(ctx, reply, r.token, r.stage);
    return { stage: r.stage };
  });

  app.post<{ Body: { code: string } }>(`${base}/login/code`, {
    onRequest: csrfOnly,
    schema: { tags, operationId: 'signInCode', security: noSecurity, body: obj({ code: str(40, 1) }, ['code']),
      description: 'The second step of signing in: a code from the authenticator app, or a recovery code.' },
  }, async (req, reply) => {
    const s = await sessionOf(req);
    const token = req.cookies[SESSION_COOKIE];
    if (!s || s.stage !== 'two_factor' || !token) throw new UnauthorizedError('Sign in with your password first');
    const fresh = await completeTwoFactor(ctx, s, token, req.body.code, clientOf(req));
    setSessionCookie(ctx, reply, fresh, 'full');
    return { stage: 'full' };
  });

  app.post(`${base}/logout`, { onRequest: csrfOnly, schema: { tags, operationId: 'signOut', security: noSecurity } }, async (req, reply) => {
    await signOut(ctx, req, reply, await sessionOf(req));
    return reply.code(204).send();
  });

  app.get(`${base}/me`, { onRequest: requireSession(['full', 'enroll']), schema: { tags, operationId: 'getMe', security: sessionSecurity } }, async (req) => {
    const s = (await sessionOf(req))!;
    const u = (await getUserRow(ctx.db, s.user_id))!;
    const capabilities = (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(u.role, c));
    return {
      user: { id: u.id, name: u.name, email: u.email, role: u.role, personId: u.person_id, twoFactorEnabled: u.totp_enabled === 1 },
      stage: s.stage, capabilities,
    };
  });

  app.get(`${base}/sessions`, { onRequest: requireStaff(), schema: { tags, operationId: 'listMySessions', security: sessionSecurity } }, async (req) => {
    const s = (await sessionOf(req))!;
    const list = await listSessions(ctx.db, s.user_id, ctx.clock.now());
    return { sessions: list.map((x) => ({ ...x, current: x.id === s.id })) };
  });

  app.delete<{ Params: { id: string } }>(`${base}/sessions/:id`, {
    onRequest: requireStaff(),
    schema: { tags, operationId: 'endMySession', security: sessionSecurity, params: obj({ id: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, ['id']) },
  }, async (req, reply) => {
    if (!(await endSessionById(ctx, req.staff!.id, req.params.id))) throw new NotFoundError('Session not found');
    return reply.code(204).send();
  });

  app.post(`${base}/sessions/end-all`, {
    onRequest: requireStaff(),
    schema: { tags, operationId: 'endAllMySessions', security: sessionSecurity, description: 'Log out everywhere, this browser included.' },
  }, async (req, reply) => {
    await purgeExpiredSessions(ctx);
    const n = await endAllSessions(ctx, req.staff!.id);
    await audit(ctx, { actorId: req.staff!.id, action: 'signout.everywhere', subject: `user:${req.staff!.id}`, detail: { sessions: n }, ip: req.ip });
    clearSessionCookie(ctx, reply);
    return { ended: n };
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(`${base}/password`, {
    onRequest: requireStaff(),
    schema: { tags, operationId: 'changeMyPassword', security: sessionSecurity,
      body: obj({ currentPassword: str(1000), newPassword: str(1000) }, ['currentPassword', 'newPassword']),
      description: 'Changes the password; every other session of the account ends.' },
  }, async (req) => {
    const me = req.staff!;
    const row = (await getUserRow(ctx.db, me.id))!;
    if (!(await verifyPassword(ctx, row.password_hash, req.body.currentPassword))) throw new ValidationError('currentPassword', 'The current password is not right');
    await setPassword(ctx, me.id, req.body.newPassword);
    const s = (await sessionOf(req))!;
    await purgeExpiredSessions(ctx);
    const ended = await endAllSessions(ctx, me.id, s.id);
    await audit(ctx, { actorId: me.id, action: 'password.change', subject: `user:${me.id}`, detail: { sessionsEnded: ended }, ip: req.ip });
    return { sessionsEnded: ended };
  });
}
