// What the one-time links open: the owner's setup, an invitation, a password reset. Each is checked first
// (GET: is this link still good?) and then used once (POST), which signs the new account in.
import type { FastifyInstance } from 'fastify';
import { completeSetup } from './setup.ts';
import { acceptInvitation, completeReset, requestReset } from './invitations.ts';
import { peekLink } from './links.ts';
import { signInNewAccount } from './session_steps.ts';
import { csrfOnly, noSecurity, obj, str } from './route_parts.ts';
import { limit } from '../http/limits.ts';

const tags = ['accounts'];
const base = '/api/admin/auth';
const tokenQuery = obj({ token: str(100) }, ['token']);

export async function linkRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  app.get<{ Querystring: { token: string } }>(`${base}/setup`, { schema: { tags, operationId: 'checkSetupLink', security: noSecurity, querystring: tokenQuery } },
    async (req) => ({ valid: !!(await peekLink(ctx, 'setup', req.query.token)) }));

  app.post<{ Body: { token: string; name: string; email: string; password: string } }>(`${base}/setup`, {
    onRequest: csrfOnly,
    schema: { tags, operationId: 'completeSetup', security: noSecurity, description: 'Creates the owner from the link `serve` printed; works once.',
      body: obj({ token: str(100), name: str(100), email: str(254), password: str(1000) }, ['token', 'name', 'email', 'password']) },
  }, async (req, reply) => {
    const id = await completeSetup(ctx, req.body, req.ip);
    await signInNewAccount(ctx, req, reply, id);
    return reply.code(201).send({ id });
  });

  app.get<{ Querystring: { token: string } }>(`${base}/invitation`, {
    schema: { tags, operationId: 'checkInvitation', security: noSecurity, querystring: tokenQuery },
  }, async (req) => {
    const link = await peekLink(ctx, 'invite', req.query.token);
    return link ? { valid: true, email: link.email, role: link.role, name: link.name } : { valid: false };
  });

  app.post<{ Body: { token: string; name: string; password: string } }>(`${base}/invitation`, {
    onRequest: csrfOnly,
    schema: { tags, operationId: 'acceptInvitation', security: noSecurity, description: 'Creates the invited account; works once.',
      body: obj({ token: str(100), name: str(100), password: str(1000) }, ['token', 'name', 'password']) },
  }, async (req, reply) => {
    const id = await acceptInvitation(ctx, req.body, req.ip);
    await signInNewAccount(ctx, req, reply, id);
    return reply.code(201).send({ id });
  });

  app.post<{ Body: { email: string } }>(`${base}/reset/request`, {
    onRequest: csrfOnly,
    config: limit('passwordResetRequest'),
    schema: { tags, operationId: 'requestPasswordReset', security: noSecurity, body: obj({ email: str(254) }, ['email']),
      description: 'Emails a reset link when the account exists and email is set up; the answer is the same either way.' },
  }, async (req, reply) => {
    await requestReset(ctx, req.body.email, req.ip);
    return reply.code(202).send({ message: 'If that address belongs to an account, a reset link is on its way.' });
  });

  app.get<{ Querystring: { token: string } }>(`${base}/reset`, { schema: { tags, operationId: 'checkResetLink', security: noSecurity, querystring: tokenQuery } },
    async (req) => ({ valid: !!(await peekLink(ctx, 'reset', req.query.token)) }));

  app.post<{ Body: { token: string; password: string } }>(`${base}/reset`, {
    onRequest: csrfOnly,
    schema: { tags, operationId: 'completePasswordReset', security: noSecurity, body: obj({ token: str(100), password: str(1000) }, ['token', 'password']),
      description: 'Sets the new password; every session of the account ends. Sign in afterwards.' },
  }, async (req, reply) => {
    await completeReset(ctx, req.body.token, req.body.password, req.ip);
    return reply.code(204).send();
  });
}
