// The one CSRF defence (src/http/csrf.ts), proved against every state-changing operation of the OpenAPI document
// and every form of the sign-in pages: a change without the token, with a token of another browser, with an
// attacker's own cookie-and-token pair planted next to a signed-in victim's session, or from a page on another
// site (Origin) is refused with 403 before anything happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { CookieJar, signInAs, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { setupLink } from '../../src/auth/setup.ts';
import { invite, resetLinkFor } from '../../src/auth/invitations.ts';
import { beginEnrollment, codeAt, confirmEnrollment } from '../../src/auth/two_factor.ts';
import { call } from './api.ts';

const EVIL = 'https://attacker.example';
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** cookie header text -> name/value pairs, and back */
const parse = (cookie: string) => new Map(cookie.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as [string, string]));
const join = (m: Map<string, string>) => [...m].map(([k, v]) => `${k}=${v}`).join('; ');

function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'action' ? 'approve' : name === 'id' && path.includes('/auth/sessions/') ? 'a'.repeat(64) : '1'));
}

for (const dialect of testDialects()) {
  test(`[${dialect}] every state-changing API operation refuses a missing token, another browser's token, a planted pair and a foreign Origin`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const doc = (await call(t, null, 'GET', '/api/admin/openapi.json')).body;
      const ops: { key: string; method: string; url: string }[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
        for (const m of Object.keys(item)) if (CHANGES.has(m.toUpperCase())) ops.push({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), url: concrete(path) });
      }
      assert.ok(ops.length > 60, `the document lists the changes (${ops.length})`);

      const victim = await signInAs(t, 'owner');
      const attacker = await signInAs(t, 'author');
      const v = parse(victim.cookie);
      const a = parse(attacker.cookie);
      assert.ok(v.get('khabar_session') && v.get('khabar_csrf') && a.get('khabar_csrf'));
      const planted = join(new Map([['khabar_session', v.get('khabar_session')!], ['khabar_csrf', a.get('khabar_csrf')!]]));
      // A stranger's pair made before any sign-in (the cookie is not bound to a session) is refused with a session too.
      const stranger = new CookieJar();
      const strangerRes = await t.app.inject({ method: 'GET', url: '/api/admin/csrf' });
      stranger.take(strangerRes);
      const plantedFresh = join(new Map([['khabar_session', v.get('khabar_session')!], ['khabar_csrf', stranger.get('khabar_csrf')!]]));

      const cases: [string, Record<string, string>][] = [
        ['no token', { cookie: victim.cookie }],
        ["another browser's token", { cookie: victim.cookie, 'x-csrf-token': attacker.csrf }],
        ["the attacker's own pair next to the victim's session", { cookie: planted, 'x-csrf-token': attacker.csrf }],
        ["a stranger's unbound pair next to the victim's session", { cookie: plantedFresh, 'x-csrf-token': strangerRes.json().token }],
        ['a page on another site', { ...victim.headers, origin: EVIL }],
        ['a page on another site (Sec-Fetch-Site, no Origin)', { ...victim.headers, 'sec-fetch-site': 'cross-site' }],
        ['a sandboxed page on another site (Origin: null)', { ...victim.headers, origin: 'null', 'sec-fetch-site': 'cross-site' }],
      ];
      const problems: string[] = [];
      for (const op of ops) {
        for (const [what, headers] of cases) {
          const r = await t.app.inject({ method: op.method as 'POST', url: op.url, headers, payload: {} });
          const code = r.headers['content-type']?.toString().includes('json') ? r.json().error?.code : null;
          if (r.statusCode !== 403 || code !== 'csrf') problems.push(`${op.key} with ${what}: ${r.statusCode} ${code}`);
        }
      }
      assert.deepEqual(problems, []);
      // The victim's own headers still work, and the session is intact after all that.
      assert.equal((await call(t, victim.headers, 'POST', '/api/admin/tags', { name: 'Still works' })).status, 201);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] every form of the sign-in pages refuses a missing token, another browser's token, a planted pair and a foreign Origin`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const forms = await formsOf(t);
      const posted = postRoutes(t.app);
      assert.deepEqual([...new Set(forms.map((f) => f.path))].sort(), posted, 'every POST under /admin is a form proved here');
      const problems: string[] = [];
      for (const f of forms) {
        const attacker = await Visitor.at(t.app, '/admin/sign-in');
        const body = (csrf: string | null) => new URLSearchParams({ ...(csrf !== null ? { _csrf: csrf } : {}), ...f.fields }).toString();
        const send = (cookie: string, csrf: string | null, extra: Record<string, string> = {}) => t.app.inject({
          method: 'POST', url: f.url, payload: body(csrf),
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...extra },
        });
        const v = f.visitor;
        const cases: [string, () => ReturnType<typeof send>][] = [
          ['no token', () => send(v.jar.header(), null)],
          ["another browser's token", () => send(v.jar.header(), attacker.csrf)],
          ['a page on another site', () => send(v.jar.header(), v.csrf, { origin: EVIL })],
          ['a sandboxed page on another site', () => send(v.jar.header(), v.csrf, { origin: 'null', 'sec-fetch-site': 'cross-site' })],
        ];
        if (v.jar.get('khabar_session')) {
          const planted = `khabar_session=${v.jar.get('khabar_session')}; khabar_csrf=${attacker.jar.get('khabar_csrf')}`;
          cases.push(["the attacker's own pair next to the visitor's session", () => send(planted, attacker.csrf)]);
        }
        for (const [what, run] of cases) {
          const r = await run();
          if (r.statusCode !== 403) problems.push(`${f.name} with ${what}: ${r.statusCode} ${r.headers.location ?? ''}`);
        }
        // The form itself works with its own token (so the refusals above were about CSRF), also as Chromium sends it
        // from a page with Referrer-Policy: no-referrer (Origin: null, Sec-Fetch-Site: same-origin).
        const ok = await send(v.jar.header(), v.csrf, { origin: 'null', 'sec-fetch-site': 'same-origin' });
        if (ok.statusCode === 403) problems.push(`${f.name} refused its own token`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await t.close();
    }
  });
}

/** A browser that read a page: its cookies and the form token the page carried. */
class Visitor {
  readonly jar = new CookieJar();
  csrf = '';
  constructor(private app: FastifyInstance) {}
  static async at(app: FastifyInstance, url: string): Promise<Visitor> {
    const v = new Visitor(app);
    await v.get(url);
    return v;
  }
  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.jar.header() } });
    this.jar.take(res);
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? this.csrf;
    return res;
  }
  async post(url: string, fields: Record<string, string>) {
    const res = await this.app.inject({ method: 'POST', url, payload: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    this.jar.take(res);
    return res;
  }
}

interface Form {
  name: string;
  path: string;
  url: string;
  fields: Record<string, string>;
  visitor: Visitor;
}

const pathOf = (link: string) => { const u = new URL(link); return u.pathname + u.search; };

/** Every form, each with a visitor who has just opened its page. */
async function formsOf(t: TestApp): Promise<Form[]> {
  const setup = (await setupLink(t.ctx))!;
  const owner = await createUser(t.ctx, { email: 'owner@csrf.test', name: 'Owner', password: STAFF_PASSWORD, role: 'owner' });
  const by = { id: owner, name: 'Owner' };
  const inv = (await invite(t.ctx, { email: 'new@csrf.test', role: 'author' }, by)).link!;
  const reset = (await resetLinkFor(t.ctx, owner, owner)).link!;
  // Someone with two-factor on, half signed in (the code step).
  const twoFactor = await createUser(t.ctx, { email: 'tf@csrf.test', name: 'Tee Eff', password: STAFF_PASSWORD, role: 'editor' });
  const { secret } = await beginEnrollment(t.ctx, twoFactor, 'Khabar');
  await confirmEnrollment(t.ctx, twoFactor, codeAt(secret, t.clock.now()));
  const halfway = await Visitor.at(t.app, '/admin/sign-in');
  await halfway.post('/admin/sign-in', { email: 'tf@csrf.test', password: STAFF_PASSWORD });
  await halfway.get('/admin/sign-in/code');
  // Someone signed in without two-factor (the set-up pages and sign-out); not the owner, whose password is reset below.
  await createUser(t.ctx, { email: 'writer@csrf.test', name: 'Writer', password: STAFF_PASSWORD, role: 'author' });
  const signedIn = await Visitor.at(t.app, '/admin/sign-in');
  await signedIn.post('/admin/sign-in', { email: 'writer@csrf.test', password: STAFF_PASSWORD });
  await signedIn.get('/admin/two-factor');
  assert.ok(signedIn.jar.get('khabar_session') && halfway.jar.get('khabar_session'));
  return [
    { name: 'sign-in', path: '/admin/sign-in', url: '/admin/sign-in', fields: { email: 'owner@csrf.test', password: 'wrong wrong wrong' }, visitor: await Visitor.at(t.app, '/admin/sign-in') },
    { name: 'sign-in code', path: '/admin/sign-in/code', url: '/admin/sign-in/code', fields: { code: '000000' }, visitor: halfway },
    { name: 'two-factor set-up', path: '/admin/two-factor', url: '/admin/two-factor', fields: {}, visitor: signedIn },
    { name: 'two-factor confirm', path: '/admin/two-factor/confirm', url: '/admin/two-factor/confirm', fields: { code: '000000' }, visitor: signedIn },
    { name: 'owner set-up', path: '/admin/setup', url: pathOf(setup), fields: { name: 'X', email: 'x@csrf.test', password: 'saffron kite meadow' }, visitor: await Visitor.at(t.app, pathOf(setup)) },
    { name: 'invitation', path: '/admin/invitation', url: pathOf(inv), fields: { name: 'X', password: 'saffron kite meadow' }, visitor: await Visitor.at(t.app, pathOf(inv)) },
    { name: 'new password', path: '/admin/reset', url: pathOf(reset), fields: { password: 'saffron kite meadow' }, visitor: await Visitor.at(t.app, pathOf(reset)) },
    { name: 'reset request', path: '/admin/reset', url: '/admin/reset', fields: { email: 'owner@csrf.test' }, visitor: await Visitor.at(t.app, '/admin/reset') },
    // Last: its own-token check signs the visitor out.
    { name: 'sign-out', path: '/admin/sign-out', url: '/admin/sign-out', fields: {}, visitor: signedIn },
  ];
}

/** The POST routes under /admin, as the router's printed tree lists them. */
function postRoutes(app: FastifyInstance): string[] {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]*)\)/.exec(line);
    if (!m) continue;
    const depth = [...m[1]].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('').replace(/^\/?/, '/').replace(/\/\/+/g, '/');
    if (path.startsWith('/admin') && m[3].split(', ').includes('POST')) out.add(path);
  }
  return [...out].sort();
}
