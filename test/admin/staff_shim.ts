// Temporary stand-in for test/helpers/staff.ts while accounts land.
import Tokens from '@fastify/csrf';
import type { TestApp } from '../helpers/context.ts';
import type { Role } from '../../src/auth/capabilities.ts';
import { createUser } from '../../src/auth/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';

const tokens = new Tokens();
let n = 0;

export async function signInAs(t: TestApp, role: Role, opts: { email?: string } = {}) {
  const email = opts.email ?? `${role}${++n}@newsroom.test`;
  const userId = await createUser(t.ctx, { email, name: `${role} ${n}`, password: 'correct horse battery staple 42', role });
  const token = await createSession(t.ctx, userId, 'full', { ip: '127.0.0.1', userAgent: 'test' });
  const secret = tokens.secretSync();
  const csrf = tokens.create(secret);
  const cookie = `${SESSION_COOKIE}=${token}; khabar_csrf=${encodeURIComponent(t.app.signCookie(secret))}`;
  return { userId, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } as Record<string, string> };
}
