// The one CSRF defence of every cookie-authenticated change: the Admin API (x-csrf-token header, checked by the
// endpoint guard on request) and the sign-in pages' forms (_csrf field, checked once the form is read).
// Two checks, both required on POST, PUT, PATCH and DELETE:
// 1. where it came from: a browser's Origin / Sec-Fetch-Site / Referer must name our own site (http/same_origin.ts);
//    a request with none of them is not a browser's and carries no victim's cookies, so it passes this check;
// 2. a token: the browser keeps a random secret in a signed cookie; the token is an HMAC of that secret with the
//    process secret. Once a session is set, the cookie also carries an HMAC of the session's id, so a secret is
//    only good with the session it was bound to: an attacker's own cookie and token pair, planted next to a
//    victim's session cookie, is refused. Binding keeps the secret, so a token fetched before signing in still
//    works after it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { KhabarError } from '../errors.ts';
import { fromOwnSite } from './same_origin.ts';
import { sessionOf } from './staff_session.ts';

const CSRF_COOKIE = 'khabar_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;

interface CsrfCookie {
  secret: string;
  /** HMAC of the session id the secret is bound to ('' when none) */
  binding: string;
}

function mac(ctx: AppContext, purpose: string, value: string): string {
  return createHmac('sha256', ctx.secret).update(`${purpose}:${value}`).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: FastifyRequest): CsrfCookie | null {
  const raw = req.cookies?.[CSRF_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const [secret, binding = ''] = unsigned.value.split('.');
  return SECRET.test(secret) ? { secret, binding } : null;
}

function writeCookie(ctx: AppContext, reply: FastifyReply, c: CsrfCookie): void {
  reply.setCookie(CSRF_COOKIE, c.binding ? `${c.secret}.${c.binding}` : c.secret, {
    path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: ctx.config.publicUrl.startsWith('https:'),
  });
}

const bindingOf = (ctx: AppContext, sessionId: string) => mac(ctx, 'csrf-session', sessionId);
const tokenOf = (ctx: AppContext, secret: string) => mac(ctx, 'csrf-token', secret);

/** The token for this browser's forms and API calls (sets or rebinds the secret cookie when needed). */
export async function csrfToken(reply: FastifyReply): Promise<string> {
  const req = reply.request;
  const ctx = req.server.ctx;
  const session = await sessionOf(req);
  const binding = session ? bindingOf(ctx, session.id) : '';
  let c = readCookie(req);
  if (!c || (session && c.binding !== binding)) {
    c = { secret: randomBytes(32).toString('base64url'), binding };
    writeCookie(ctx, reply, c);
  }
  return tokenOf(ctx, c.secret);
}

/** Called when a session is set: the browser's secret (or a new one) is bound to the session with this id. */
export function bindCsrfToSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  const secret = readCookie(req)?.secret ?? randomBytes(32).toString('base64url');
  writeCookie(ctx, reply, { secret, binding: bindingOf(ctx, sessionId) });
}

/** Origin / Sec-Fetch-Site / Referer name our site, or the request is not a browser's. A page sent with
 *  Referrer-Policy: no-referrer (the link pages, whose address holds a token) makes the browser say `Origin: null`
 *  for its own form: then Sec-Fetch-Site decides, and without it the token alone. */
function cameFromOwnSite(req: FastifyRequest, publicUrl: string): boolean {
  if (req.headers.origin === 'null') {
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin';
  }
  return fromOwnSite(req, publicUrl, { headerless: true });
}

function refuse(message: string): KhabarError {
  return new KhabarError(403, 'csrf', message);
}

/** Throws 403 (code csrf) unless a state-changing request comes from our own site with the token of this browser's
 *  secret, bound to its session when it has one. Reads the header, or the form field _csrf once the body is parsed. */
export async function checkCsrf(req: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(req.method)) return;
  const ctx = req.server.ctx;
  if (!cameFromOwnSite(req, ctx.config.publicUrl)) throw refuse('This request came from another site');
  const header = req.headers[CSRF_HEADER];
  const field = (req.body as { _csrf?: unknown } | undefined)?._csrf;
  const token = typeof header === 'string' ? header : typeof field === 'string' ? field : '';
  const c = readCookie(req);
  const stale = 'The security token of this request is missing or out of date; reload the page and try again';
  if (!c || !token || !same(token, tokenOf(ctx, c.secret))) throw refuse(stale);
  const session = await sessionOf(req);
  if (session && !same(c.binding, bindingOf(ctx, session.id))) throw refuse(stale);
}
