// Two-factor authentication of one's own account: set up (also reachable while the newsroom makes it
// compulsory), confirm, new recovery codes, turn off. And the owner's rule that all staff must use it.
import type { FastifyInstance } from 'fastify';
import { beginEnrollment, disableTwoFactor, newRecoveryCodes, remainingRecoveryCodes } from '../auth/two_factor.ts';
import { getUserRow } from '../auth/users.ts';
import { confirmPassword } from '../auth/sign_in.ts';
import { audit } from '../auth/audit.ts';
import { getSecuritySettings, updateSecuritySettings } from '../auth/security_settings.ts';
import { endSessionsWithoutTwoFactor } from '../auth/sessions.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { getSettings } from '../content/settings.ts';
import { turnOnTwoFactor } from '../http/session_steps.ts';
import { sessionOf } from '../http/staff_session.ts';
import { staffOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { Bool, Described as d, Strict, Text, Type } from './schemas.ts';

const tags = ['accounts'];
const base = '/api/admin/auth/2fa';
const meOrEnrolling = { stages: ['full', 'enroll'] } as const;
const signedIn = { stages: ['full'] } as const;
const PasswordBody = Strict({ password: d('My password, to confirm it is me.', Text(1000)) });

export async function twoFactorRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;


  endpoint(app, {
    method: 'GET', url: base, operationId: 'getTwoFactor', summary: 'Is two-factor on for me', tags, access: meOrEnrolling,
    handle: async (req) => {
      const s = (await sessionOf(req))!;
      const u = (await getUserRow(ctx.db, s.user_id))!;
      return { enabled: u.totp_enabled === 1, recoveryCodesLeft: u.totp_enabled ? await remainingRecoveryCodes(ctx, u.id) : 0 };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/setup`, operationId: 'beginTwoFactor', summary: 'Start setting up two-factor', tags, access: meOrEnrolling,
    description: 'A new secret; show otpauthUrl as a QR code, then confirm with a code.',
    handle: async (req) => beginEnrollment(ctx, (await sessionOf(req))!.user_id, (await getSettings(ctx.db)).name),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/confirm`, operationId: 'confirmTwoFactor', summary: 'Turn two-factor on with a first code', tags, access: meOrEnrolling, body: Strict({ code: d('The six digits the authenticator app shows now.', Text(20, 1)) }),
    description: 'Turns two-factor on; answers the recovery codes (shown once).',
    handle: async (req, reply) => ({ recoveryCodes: await turnOnTwoFactor(ctx, req, reply, (await sessionOf(req))!, req.body.code) }),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/recovery-codes`, operationId: 'renewRecoveryCodes', summary: 'Make new recovery codes', tags, access: signedIn, body: PasswordBody,
    handle: async (req) => {
      const me = staffOf(req);
      await confirmPassword(ctx, me.id, req.body.password, req.ip);
      const u = (await getUserRow(ctx.db, me.id))!;
      if (!u.totp_enabled) throw new ConflictError('Two-factor authentication is off');
      const recoveryCodes = await newRecoveryCodes(ctx, me.id);
      await audit(ctx, { actorId: me.id, action: 'two_factor.recovery_codes', subject: `user:${me.id}`, ip: req.ip });
      return { recoveryCodes };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/disable`, operationId: 'disableTwoFactor', summary: 'Turn two-factor off', tags, access: signedIn, body: PasswordBody, status: 204,
    handle: async (req) => {
      const me = staffOf(req);
      await confirmPassword(ctx, me.id, req.body.password, req.ip);
      if ((await getSecuritySettings(ctx.db)).requireTwoFactor) throw new ConflictError('This newsroom requires two-factor authentication of all staff');
      await disableTwoFactor(ctx, me.id);
      await audit(ctx, { actorId: me.id, action: 'two_factor.disable', subject: `user:${me.id}`, ip: req.ip });
    },
  });

  const security = { capability: 'security.manage' } as const;
  endpoint(app, {
    method: 'GET', url: '/api/admin/security', operationId: 'getSecuritySettings', summary: "Read the newsroom's security rules", tags, access: security,
    handle: () => getSecuritySettings(ctx.db),
  });

  endpoint(app, {
    method: 'PATCH', url: '/api/admin/security', operationId: 'updateSecuritySettings', summary: "Change the newsroom's security rules", tags, access: security,
    body: Strict({ requireTwoFactor: Type.Optional(d('Whether every staff member must use two-factor.', Bool)) }),
    description: 'requireTwoFactor: staff without 2FA must set it up at their next sign-in before doing anything else.',
    handle: async (req) => {
      const me = staffOf(req);
      if (req.body.requireTwoFactor && !(await getUserRow(ctx.db, me.id))!.totp_enabled) {
        throw new ValidationError('requireTwoFactor', 'Turn on two-factor authentication for your own account first');
      }
      const before = await getSecuritySettings(ctx.db);
      const after = await updateSecuritySettings(ctx, req.body);
      // Staff without 2FA sign in again, and are then asked to set it up before anything else.
      const ended = after.requireTwoFactor && !before.requireTwoFactor ? await endSessionsWithoutTwoFactor(ctx) : 0;
      await audit(ctx, { actorId: me.id, action: 'settings.security', subject: 'security', detail: { before, after, sessionsEnded: ended }, ip: req.ip });
      return after;
    },
  });
}
