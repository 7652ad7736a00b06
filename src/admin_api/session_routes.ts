// Signing in and out, the CSRF token, who am I, my sessions ("log out everywhere") and my password.
import type { FastifyInstance } from 'fastify';
import { can, CAPABILITIES, type Capability } from '../auth/capabilities.ts';
import { completeTwoFactor, confirmPassword, signIn } from '../auth/sign_in.ts';
import { endAllSessions, endSessionById, listSessions, purgeExpiredSessions, SESSION_COOKIE } from '../auth/sessions.ts';
import { getUserRow, setPassword, setUserLanguage } from '../auth/users.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { audit } from '../auth/audit.ts';
import { getSettings } from '../content/settings.ts';
import { MeAnswer } from './answers.ts';
import { NotFoundError, UnauthorizedError } from '../errors.ts';
import { csrfToken } from '../http/csrf.ts';
import { clearSessionCookie, clientOf, setSessionCookie } from '../http/session_cookie.ts';
import { signOut } from '../http/session_steps.ts';
import { sessionOf } from '../http/staff_session.ts';
import { staffOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, Strict, Text, Type } from './schemas.ts';

const tags = ['accounts'];
const base = '/api/admin/auth';
const signedIn = { stages: ['full'] } as const;

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: '/api/admin/csrf', operationId: 'getCsrfToken', summary: 'Get a CSRF token', tags, access: 'none',
    description: 'The token to send in the x-csrf-token header with every change (sets the secret cookie it belongs to; bound to the session once signed in).',
    handle: async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: await csrfToken(reply) };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/login`, operationId: 'signIn', summary: 'Sign in with email and password', tags, access: 'none', body: Strict({ email: d('The account\'s email address.', Text(254)), password: d('The account\'s password.', Text(1000)) }),
    description: 'Signs in with email and password. stage "two_factor": send a code to /login/code next; "enroll": set up 2FA first.',
    handle: async (req, reply) => {
      const r = await signIn(ctx, req.body.email, req.body.password, clientOf(req), req.cookies[SESSION_COOKIE]);
      setSessionCookie(ctx, req, reply, r.token, r.stage);
      return { stage: r.stage };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/login/code`, operationId: 'signInCode', summary: 'Finish signing in with a two-factor code', tags, access: 'none', body: Strict({ code: d('The six digits from the authenticator app, or one recovery code.', Text(40, 1)) }),
    description: 'The second step of signing in: a code from the authenticator app, or a recovery code.',
    handle: async (req, reply) => {
      const s = await sessionOf(req);
      const token = req.cookies[SESSION_COOKIE];
      if (s?.stage !== 'two_factor' || !token) throw new UnauthorizedError('Sign in with your password first');
      const fresh = await completeTwoFactor(ctx, s, token, req.body.code, clientOf(req));
      setSessionCookie(ctx, req, reply, fresh, 'full');
      return { stage: 'full' };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/logout`, operationId: 'signOut', summary: 'Sign out', tags, access: 'none', status: 204,
    handle: async (req, reply) => { await signOut(ctx, req, reply, await sessionOf(req)); },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/me`, operationId: 'getMe', summary: 'Who am I: my account, stage and capabilities', tags, access: { stages: ['full', 'enroll'] },
    answers: MeAnswer,
    handle: async (req) => {
      const s = (await sessionOf(req))!;
      const u = (await getUserRow(ctx.db, s.user_id))!;
      const capabilities = (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(u.role, c));
      return {
        user: { id: u.id, name: u.name, email: u.email, role: u.role, personId: u.person_id, twoFactorEnabled: u.totp_enabled === 1, language: u.language },
        stage: s.stage, capabilities, timeZone: (await getSettings(ctx.db)).timeZone,
      };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/sessions`, operationId: 'listMySessions', summary: 'List my sessions', tags, access: signedIn,
    handle: async (req) => {
      const s = (await sessionOf(req))!;
      const list = await listSessions(ctx.db, s.user_id, ctx.clock.now());
      return { sessions: list.map((x) => ({ ...x, current: x.id === s.id })) };
    },
  });

  endpoint(app, {
    method: 'DELETE', url: `${base}/sessions/:id`, operationId: 'endMySession', summary: 'End one of my sessions', tags, access: signedIn, status: 204,
    params: Strict({ id: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The session\'s id, from the list of my sessions.' }) }),
    handle: async (req) => {
      if (!(await endSessionById(ctx, staffOf(req).id, req.params.id))) throw new NotFoundError('Session not found');
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/sessions/end-all`, operationId: 'endAllMySessions', summary: 'Log out everywhere', tags, access: signedIn,
    description: 'Log out everywhere, this browser included.',
    handle: async (req, reply) => {
      const me = staffOf(req);
      await purgeExpiredSessions(ctx);
      const n = await endAllSessions(ctx, me.id);
      await audit(ctx, { actorId: me.id, action: 'signout.everywhere', subject: `user:${me.id}`, detail: { sessions: n }, ip: req.ip });
      clearSessionCookie(ctx, reply);
      return { ended: n };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/password`, operationId: 'changeMyPassword', summary: 'Change my password', tags, access: signedIn,
    body: Strict({ currentPassword: d('The password now.', Text(1000)), newPassword: d('The new password.', Text(1000)) }),
    description: 'Changes the password; every other session of the account ends.',
    handle: async (req) => {
      const me = staffOf(req);
      await confirmPassword(ctx, me.id, req.body.currentPassword, req.ip, 'currentPassword');
      await setPassword(ctx, me.id, req.body.newPassword);
      const s = (await sessionOf(req))!;
      await purgeExpiredSessions(ctx);
      const ended = await endAllSessions(ctx, me.id, s.id);
      await audit(ctx, { actorId: me.id, action: 'password.change', subject: `user:${me.id}`, detail: { sessionsEnded: ended }, ip: req.ip });
      return { sessionsEnded: ended };
    },
  });

  endpoint(app, {
    method: 'PUT', url: `${base}/language`, operationId: 'setMyLanguage', summary: 'Choose the language the newsroom app speaks to me', tags, access: signedIn,
    body: Strict({ language: d('en, fa or ps; null follows the site\'s language.', Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...LANGUAGES, null] })) }),
    description: 'The interface language of the newsroom app for this account (its words and its direction: right to left in Dari and Pashto), from the next page load.',
    handle: async (req) => {
      const me = staffOf(req);
      await setUserLanguage(ctx, me.id, req.body.language);
      await audit(ctx, { actorId: me.id, action: 'user.language', subject: `user:${me.id}`, detail: { language: req.body.language }, ip: req.ip });
      return { language: req.body.language };
    },
  });
}
