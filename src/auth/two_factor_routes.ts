// Two-factor authentication of one's own account: set up (also reachable while the newsroom makes it
// compulsory), confirm, new recovery codes, turn off. And the owner's rule that all staff must use it.
import type { FastifyInstance } from 'fastify';
import { requireCapability, requireSession, requireStaff, sessionOf } from './guard.ts';
import { beginEnrollment, disableTwoFactor, newRecoveryCodes, remainingRecoveryCodes } from './two_factor.ts';
import { getUserRow } from './users.ts';
import { verifyPassword } from './passwords.ts';
import { audit } from './audit.ts';
import { getSecuritySettings, updateSecuritySettings } from './security_settings.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { getSettings } from '../content/settings.ts';
import { obj, sessionSecurity, str } from './route_parts.ts';
import { endSessionsWithoutTwoFactor } from './sessions.ts';
import { turnOnTwoFactor } from './session_steps.ts';

const tags = ['accounts'];
const base = '/api/admin/auth/2fa';

export async function twoFactorRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const meOrEnrolling = requireSession(['full', 'enroll']);

  async function checkPassword(userId: number, password: string): Promise<void> {
    const u = (await getUserRow(ctx.db, userId))!;
    if (!(await verifyPassword(ctx, u.password_hash, password))) throw new ValidationError('password', 'The password is not right');
  }

  app.get(base, { onRequest: meOrEnrolling, schema: { tags, operationId: 'getTwoFactor', security: sessionSecurity } }, async (req) => {
    const s = (await sessionOf(req))!;
    const u = (await getUserRow(ctx.db, s.user_id))!;
    return { enabled: u.totp_enabled === 1, recoveryCodesLeft: u.totp_enabled ? await remainingRecoveryCodes(ctx, u.id) : 0 };
  });

  app.post(`${base}/setup`, {
    onRequest: meOrEnrolling,
    schema: { tags, operationId: 'beginTwoFactor', security: sessionSecurity, description: 'A new secret; show otpauthUrl as a QR code, then confirm with a code.' },
  }, async (req) => {
    const s = (await sessionOf(req))!;
    return beginEnrollment(ctx, s.user_id, (await getSettings(ctx.db)).name);
  });

  app.post<{ Body: { code: string } }>(`${base}/confirm`, {
    onRequest: meOrEnrolling,
    schema: { tags, operationId: 'confirmTwoFactor', security: sessionSecurity, body: obj({ code: str(20, 1) }, ['code']),
      description: 'Turns two-factor on; answers the recovery codes (shown once).' },
  }, async (req, reply) => {
    const s = (await sessionOf(req))!;
    return { recoveryCodes: await turnOnTwoFactor(ctx, req, reply, s, req.body.code) };
  });

  app.post<{ Body: { password: string } }>(`${base}/recovery-codes`, {
    onRequest: requireStaff(),
    schema: { tags, operationId: 'renewRecoveryCodes', security: sessionSecurity, body: obj({ password: str(1000) }, ['password']) },
  }, async (req) => {
    const me = req.staff!;
    await checkPassword(me.id, req.body.password);
    const u = (await getUserRow(ctx.db, me.id))!;
    if (!u.totp_enabled) throw new ConflictError('Two-factor authentication is off');
    const recoveryCodes = await newRecoveryCodes(ctx, me.id);
    await audit(ctx, { actorId: me.id, action: 'two_factor.recovery_codes', subject: `user:${me.id}`, ip: req.ip });
    return { recoveryCodes };
  });

  app.post<{ Body: { password: string } }>(`${base}/disable`, {
    onRequest: requireStaff(),
    schema: { tags, operationId: 'disableTwoFactor', security: sessionSecurity, body: obj({ password: str(1000) }, ['password']) },
  }, async (req, reply) => {
    const me = req.staff!;
    await checkPassword(me.id, req.body.password);
    if ((await getSecuritySettings(ctx.db)).requireTwoFactor) throw new ConflictError('This newsroom requires two-factor authentication of all staff');
    await disableTwoFactor(ctx, me.id);
    await audit(ctx, { actorId: me.id, action: 'two_factor.disable', subject: `user:${me.id}`, ip: req.ip });
    return reply.code(204).send();
  });

  app.get('/api/admin/security', {
    onRequest: requireCapability('security.manage'), schema: { tags, operationId: 'getSecuritySettings', security: sessionSecurity },
  }, async () => getSecuritySettings(ctx.db));

  app.patch<{ Body: { requireTwoFactor?: boolean } }>('/api/admin/security', {
    onRequest: requireCapability('security.manage'),
    schema: { tags, operationId: 'updateSecuritySettings', security: sessionSecurity, body: obj({ requireTwoFactor: { type: 'boolean' } }),
      description: 'requireTwoFactor: staff without 2FA must set it up at their next sign-in before doing anything else.' },
  }, async (req) => {
    const me = req.staff!;
    if (req.body.requireTwoFactor && !(await getUserRow(ctx.db, me.id))!.totp_enabled) {
      throw new ValidationError('requireTwoFactor', 'Turn on two-factor authentication for your own account first');
    }
    const before = await getSecuritySettings(ctx.db);
    const after = await updateSecuritySettings(ctx, req.body);
    // Staff without 2FA sign in again, and are then asked to set it up before anything else.
    const ended = after.requireTwoFactor && !before.requireTwoFactor ? await endSessionsWithoutTwoFactor(ctx) : 0;
    await audit(ctx, { actorId: me.id, action: 'settings.security', subject: 'security', detail: { before, after, sessionsEnded: ended }, ip: req.ip });
    return after;
  });
}
