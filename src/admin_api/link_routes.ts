// What the one-time links open: the owner's setup, an invitation, a password reset. Each is checked first
// (GET: is this link still good?) and then used once (POST), which signs the new account in. No session needed;
// the CSRF check still applies to every POST.
import type { FastifyInstance } from 'fastify';
import { completeSetup } from '../auth/setup.ts';
import { acceptInvitation, completeReset, requestReset } from '../auth/invitations.ts';
import { peekLink } from '../auth/links.ts';
import { limit } from '../http/limits.ts';
import { signInNewAccount } from '../http/session_steps.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, Strict, Text } from './schemas.ts';

const tags = ['accounts'];
const base = '/api/admin/auth';
const token = d('The token from the link.', Text(100));
const name = d('The name shown to colleagues (and in bylines).', Text(100));
const password = d('The new password (long passphrases welcome; common and breached passwords are refused).', Text(1000));
const TokenQuery = Strict({ token });

export async function linkRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: `${base}/setup`, operationId: 'checkSetupLink', summary: "Check the owner's setup link", tags, access: 'none', query: TokenQuery,
    handle: async (req) => ({ valid: !!(await peekLink(ctx, 'setup', req.query.token)) }),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/setup`, operationId: 'completeSetup', summary: "Create the owner's account", tags, access: 'none', status: 201,
    body: Strict({ token, name, email: d('The owner\'s email address, for signing in.', Text(254)), password }),
    description: 'Creates the owner from the link `serve` printed; works once.',
    handle: async (req, reply) => {
      const id = await completeSetup(ctx, req.body, req.ip);
      await signInNewAccount(ctx, req, reply, id);
      return { id };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/invitation`, operationId: 'checkInvitation', summary: 'Check an invitation link', tags, access: 'none', query: TokenQuery,
    handle: async (req) => {
      const link = await peekLink(ctx, 'invite', req.query.token);
      return link ? { valid: true, email: link.email, role: link.role, name: link.name } : { valid: false };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/invitation`, operationId: 'acceptInvitation', summary: 'Accept an invitation', tags, access: 'none', status: 201,
    body: Strict({ token, name, password }),
    description: 'Creates the invited account; works once.',
    handle: async (req, reply) => {
      const id = await acceptInvitation(ctx, req.body, req.ip);
      await signInNewAccount(ctx, req, reply, id);
      return { id };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/reset/request`, operationId: 'requestPasswordReset', summary: 'Ask for a password reset email', tags, access: 'none', status: 202,
    config: limit('passwordResetRequest'), body: Strict({ email: d('The account\'s email address.', Text(254)) }),
    description: 'Emails a reset link when the account exists and email is set up; the answer is the same either way.',
    handle: async (req) => {
      await requestReset(ctx, req.body.email, req.ip);
      return { message: 'If that address belongs to an account, a reset link is on its way.' };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/reset`, operationId: 'checkResetLink', summary: 'Check a password reset link', tags, access: 'none', query: TokenQuery,
    handle: async (req) => ({ valid: !!(await peekLink(ctx, 'reset', req.query.token)) }),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/reset`, operationId: 'completePasswordReset', summary: 'Set a new password from a reset link', tags, access: 'none', status: 204,
    body: Strict({ token, password }),
    description: 'Sets the new password; every session of the account ends. Sign in afterwards.',
    handle: async (req) => { await completeReset(ctx, req.body.token, req.body.password, req.ip); },
  });
}
