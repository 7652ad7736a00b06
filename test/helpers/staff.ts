// Staff members for integration tests: accounts made through the accounts service, signed in through HTTP,
// with the headers (session and CSRF cookies, x-csrf-token) that app.inject needs for every Admin API call.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/auth/capabilities.ts';
import { createUser } from '../../src/auth/users.ts';
import type { AppContext } from '../../src/context.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';

/** A cookie jar for app.inject: keeps what Set-Cookie sends, answers with a Cookie header. */
export class CookieJar {
  private jar = new Map<string, string>();
  take(res: { cookies: { name: string; value: string; maxAge?: number; expires?: Date }[] }): void {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.parse('2000-01-01'))) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
  }
  get(name: string): string | undefined {
    return this.jar.get(name);
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface SignedIn {
  userId: number;
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

let counter = 0;

/** GETs a CSRF token (setting its secret cookie in the jar). */
export async function csrfToken(app: FastifyInstance, jar: CookieJar): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/admin/csrf', headers: { cookie: jar.header() } });
  jar.take(res);
  return res.json().token as string;
}

/** Signs in through HTTP with email and password; throws unless the session is fully signed in. */
export async function signInWith(app: FastifyInstance, email: string, password: string, jar = new CookieJar()): Promise<{ jar: CookieJar; csrf: string }> {
  const csrf = await csrfToken(app, jar);
  const res = await app.inject({ method: 'POST', url: '/api/admin/auth/login', headers: { cookie: jar.header(), 'x-csrf-token': csrf }, payload: { email, password } });
  if (res.statusCode !== 200 || res.json().stage !== 'full') throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  jar.take(res);
  return { jar, csrf };
}

/** Creates a staff member with the role and signs them in through HTTP. */
export async function signInAs(t: { app: FastifyInstance; ctx: AppContext }, role: Role, opts: { email?: string; name?: string } = {}): Promise<SignedIn> {
  const n = ++counter;
  const email = opts.email ?? `${role}${n}@newsroom.test`;
  const userId = await createUser(t.ctx, { email, name: opts.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${n}`, password: STAFF_PASSWORD, role });
  const { jar, csrf } = await signInWith(t.app, email, STAFF_PASSWORD);
  const cookie = jar.header();
  return { userId, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A browser-like client: keeps cookies, fetches the CSRF token once, sends it with every change. */
export class StaffClient {
  readonly jar = new CookieJar();
  private token: string | null = null;
  constructor(private app: FastifyInstance, private extraHeaders: Record<string, string> = {}) {}

  async csrf(): Promise<string> {
    this.token ??= await csrfToken(this.app, this.jar);
    return this.token;
  }

  /** Calls the API; the CSRF token goes along unless `csrf: false`. */
  async call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...this.extraHeaders, ...opts.headers, cookie: this.jar.header() };
    if (opts.csrf !== false) headers['x-csrf-token'] = await this.csrf();
    headers.cookie = this.jar.header();
    const res = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    this.jar.take(res);
    return res;
  }

  async signIn(email: string, password = STAFF_PASSWORD) {
    return this.call('POST', '/api/admin/auth/login', { email, password });
  }
}
