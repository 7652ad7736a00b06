// The newsroom's HTML pages behind the one-time links, sign-in (with a second factor and with the newsroom's
// two-factor rule), /admin and sign-out, through HTTP as a browser without JavaScript uses them: forms with a CSRF
// token, 303 after success, the form again with what was typed (never a password) and the message at its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { CookieJar, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { setupLink } from '../../src/auth/setup.ts';
import { invite, resetLinkFor } from '../../src/auth/invitations.ts';
import { beginEnrollment, codeAt, confirmEnrollment } from '../../src/auth/two_factor.ts';
import { updateSecuritySettings } from '../../src/auth/security_settings.ts';
import type { Letter } from '../../src/auth/mail.ts';

const HOUR = 3600_000;
const GOOD = 'saffron kite meadow';
const pathOf = (link: string) => { const u = new URL(link); return u.pathname + u.search; };
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** A browser without JavaScript: keeps cookies, sends forms with the CSRF token of the last page it read. */
class Browser {
  readonly jar = new CookieJar();
  csrf = '';
  constructor(private app: FastifyInstance) {}

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.jar.header() } });
    this.jar.take(res);
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? this.csrf;
    return res;
  }

  /** Posts a form (urlencoded); the CSRF token goes along unless csrf is given ('' sends none). */
  async post(url: string, fields: Record<string, string>, csrf = this.csrf) {
    const body = new URLSearchParams({ ...(csrf ? { _csrf: csrf } : {}), ...fields }).toString();
    const res = await this.app.inject({ method: 'POST', url, payload: body,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    this.jar.take(res);
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? this.csrf;
    return res;
  }

  async signIn(email: string, password = STAFF_PASSWORD) {
    await this.get('/admin/sign-in');
    return this.post('/admin/sign-in', { email, password });
  }
}

/** The value an input shows, by name ('' when the input shows none; undefined when there is no such input). */
function valueOf(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  if (!input) return undefined;
  return (/\bvalue="([^"]*)"/.exec(input)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The message tied to a field (its aria-describedby names the error's id), or null. */
function fieldError(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0] ?? '';
  if (!/aria-describedby="[^"]*field-[\w-]+-error/.test(input) || !/aria-invalid="true"/.test(input)) return null;
  return new RegExp(`id="field-${name}-error">([^<]*)<`).exec(html)?.[1] ?? null;
}

function assertPage(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, text?: RegExp): void {
  assert.equal(res.statusCode, status, res.body.slice(0, 500));
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(String(res.headers['content-type']), /^text\/html/);
  if (text) assert.match(res.body, text);
}

/** The browser is fully signed in as this person: /admin opens the newsroom app, and the API knows who it is. */
async function assertSignedIn(b: Browser, name: string, role?: string): Promise<void> {
  assertPage(await b.get('/admin'), 200, /<div id="app">/);
  const me = JSON.parse((await b.get('/api/admin/auth/me')).body);
  assert.equal(me.user.name, name);
  if (role) assert.equal(me.user.role, role);
}

async function ownerApp(dialect: Parameters<typeof makeTestApp>[0], overrides = {}): Promise<TestApp & { ownerId: number }> {
  const a = await makeTestApp(dialect, overrides);
  const ownerId = await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
  return { ...a, ownerId };
}

for (const dialect of testDialects()) {
  test(`the setup link opens a form that creates the owner, signs them in and works once (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const link = (await setupLink(a.ctx, 'http://127.0.0.1:3000'))!;
      assert.match(link, /^http:\/\/127\.0\.0\.1:3000\/admin\/setup\?token=/);
      const b = new Browser(a.app);
      const form = await b.get(pathOf(link));
      assertPage(form, 200, /<h1>Create the owner account<\/h1>/);
      assert.equal(form.headers['referrer-policy'], 'same-origin', 'the token in the address is not sent to other sites');
      assert.equal(valueOf(form.body, 'token'), tokenOf(link));
      for (const [name, auto] of [['name', 'name'], ['email', 'username'], ['password', 'new-password']]) {
        assert.match(form.body, new RegExp(`<label for="field-${name}">`), `${name} has a label`);
        assert.match(form.body, new RegExp(`name="${name}"[^>]*autocomplete="${auto}"`), `${name} autocomplete`);
      }

      const typed = { token: tokenOf(link), name: 'Farida Noori', email: 'farida@khabar.test', password: GOOD };
      const forged = await b.post('/admin/setup', typed, '');
      assertPage(forged, 403, /not accepted/);
      assert.equal(valueOf(forged.body, 'name'), 'Farida Noori', 'a refused form keeps the name');
      assert.equal(valueOf(forged.body, 'email'), 'farida@khabar.test');
      assert.doesNotMatch(forged.body, new RegExp(GOOD), 'never the password');
      const otherBrowser = new Browser(a.app);
      await otherBrowser.get(pathOf(link));
      assert.equal((await b.post('/admin/setup', typed, otherBrowser.csrf)).statusCode, 403, "another browser's token does not work here");
      assert.equal((await a.ctx.db.selectFrom('users').select('id').execute()).length, 0, 'no account from a refused form');

      const weak = await b.post('/admin/setup', { ...typed, password: 'password1234' });
      assertPage(weak, 400);
      assert.equal(valueOf(weak.body, 'name'), 'Farida Noori');
      assert.equal(valueOf(weak.body, 'email'), 'farida@khabar.test');
      assert.equal(valueOf(weak.body, 'password'), '', 'the password is not sent back');
      assert.match(fieldError(weak.body, 'password') ?? '', /too common/);
      assert.match(weak.body, /name="password"[^>]*autofocus/, 'the field in question has the focus');
      const badEmail = await b.post('/admin/setup', { ...typed, email: 'farida-at-khabar' });
      assert.match(fieldError(badEmail.body, 'email') ?? '', /email/i);
      assert.equal(valueOf(badEmail.body, 'email'), 'farida-at-khabar', 'kept as typed, to correct');

      const done = await b.post('/admin/setup', typed);
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, '/admin');
      assert.ok(b.jar.get('khabar_session'), 'signed in');
      await assertSignedIn(b, 'Farida Noori', 'owner');
      // Listed on the staff screen with this sign-in, not as "never signed in".
      const listed = await a.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: b.jar.header() } });
      assert.equal(listed.statusCode, 200, listed.body);
      const owner = (listed.json() as { users: { email: string; last_login_at: string | null }[] }).users.find((u) => u.email === 'farida@khabar.test');
      assert.equal(owner?.last_login_at, a.clock.now().toISOString(), 'the setup sign-in is the last sign-in');

      const again = await new Browser(a.app).get(pathOf(link));
      assertPage(again, 400, /If the owner account exists already, sign in/);
      assert.match(again.body, /href="\/admin\/sign-in"/);
      assertPage(await b.post('/admin/setup', typed), 400, /This link does not work/);
      assert.equal((await a.ctx.db.selectFrom('users').select('id').execute()).length, 1);
    } finally {
      await a.close();
    }
  });

  test(`made-up, missing and expired setup links open a page that says what to do (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const b = new Browser(a.app);
      for (const url of ['/admin/setup', '/admin/setup?token=made-up', `/admin/setup?token=${'x'.repeat(500)}`, '/admin/setup?token=a&token=b']) {
        assertPage(await b.get(url), 400, /restart the server to print a new one/);
      }
      const link = (await setupLink(a.ctx))!;
      a.clock.advance(24 * HOUR + 1000);
      assertPage(await b.get(pathOf(link)), 400, /This link does not work/);
    } finally {
      await a.close();
    }
  });

  test(`an invitation link opens a form that creates the invited account; a newsroom requiring 2FA holds it at setup (${dialect})`, async () => {
    const a = await ownerApp(dialect);
    try {
      const by = { id: a.ownerId, name: 'Farida Noori' };
      const inv = await invite(a.ctx, { email: 'Nadia@khabar.test', role: 'contributor', name: 'Nadia' }, by);
      const b = new Browser(a.app);
      const form = await b.get(pathOf(inv.link!));
      assertPage(form, 200, /as contributor, with the email address nadia@khabar\.test/);
      assert.equal(valueOf(form.body, 'name'), 'Nadia', "the inviter's spelling to start from");
      assert.equal(valueOf(form.body, 'username'), 'nadia@khabar.test', 'password managers learn the account');
      const weak = await b.post('/admin/invitation', { token: tokenOf(inv.link!), name: 'Nadia Sultani', password: 'short' });
      assertPage(weak, 400);
      assert.equal(valueOf(weak.body, 'name'), 'Nadia Sultani');
      assert.match(fieldError(weak.body, 'password') ?? '', /at least 12 characters/);
      const noName = await b.post('/admin/invitation', { token: tokenOf(inv.link!), name: '', password: GOOD });
      assert.ok(fieldError(noName.body, 'name'), 'the name is required');
      const ok = await b.post('/admin/invitation', { token: tokenOf(inv.link!), name: 'Nadia Sultani', password: GOOD });
      assert.equal(ok.statusCode, 303);
      await assertSignedIn(b, 'Nadia Sultani', 'contributor');
      const lastOf = async (email: string) => (await a.ctx.db.selectFrom('users').select('last_login_at').where('email', '=', email).executeTakeFirstOrThrow()).last_login_at;
      assert.equal(await lastOf('nadia@khabar.test'), a.clock.now().toISOString(), 'accepting the invitation is a sign-in');
      assertPage(await new Browser(a.app).get(pathOf(inv.link!)), 400, /Ask the person who invited you for a new one/);

      await updateSecuritySettings(a.ctx, { requireTwoFactor: true });
      const second = await invite(a.ctx, { email: 'omar@khabar.test', role: 'editor' }, by);
      const c = new Browser(a.app);
      await c.get(pathOf(second.link!));
      assert.equal((await c.post('/admin/invitation', { token: tokenOf(second.link!), name: 'Omar Zahir', password: GOOD })).headers.location, '/admin');
      const held = await c.get('/admin');
      assert.equal(held.statusCode, 303);
      assert.equal(held.headers.location, '/admin/two-factor');
      assertPage(await c.get('/admin/two-factor'), 200, /requires two-factor authentication/);
      assert.equal(await lastOf('omar@khabar.test'), null, 'held at two-factor setup: not signed in yet');
    } finally {
      await a.close();
    }
  });

  test(`"forgot my password" answers the same words for any address; a reset link sets the password once (${dialect})`, async () => {
    const a = await ownerApp(dialect, { smtpUrl: 'smtp://mail.invalid:25' });
    const letters: Letter[] = [];
    a.ctx.mail = { sendMail: async (l) => { letters.push(l); } };
    try {
      const b = new Browser(a.app);
      assertPage(await b.get('/admin/reset'), 200, /Forgot your password\?/);
      const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/, '').replace(/name="email"([^>]*)value="[^"]*"/, 'name="email"$1');
      const known = await b.post('/admin/reset', { email: 'owner@khabar.test' });
      const unknown = await b.post('/admin/reset', { email: 'nobody@khabar.test' });
      assertPage(known, 200, /If that address belongs to an account, a reset link is on its way/);
      assert.equal(strip(known.body), strip(unknown.body), 'the same page whether or not the account exists');
      assert.equal(valueOf(unknown.body, 'email'), 'nobody@khabar.test', 'the address stays, to correct a typo');
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(letters.map((l) => l.to), ['owner@khabar.test']);
      assert.equal((await b.post('/admin/reset', { email: 'owner@khabar.test' }, '')).statusCode, 403, 'the request form needs its token too');

      const signedIn = new Browser(a.app);
      assert.equal((await signedIn.signIn('owner@khabar.test')).headers.location, '/admin');
      const link = letters[0].text.match(/https?:\/\/\S+/)![0];
      const form = await b.get(pathOf(link));
      assertPage(form, 200, /Choose a new password/);
      assert.match(form.body, /name="password"[^>]*autocomplete="new-password"/);
      const weak = await b.post('/admin/reset', { token: tokenOf(link), password: 'farida noori 99' });
      assertPage(weak, 400);
      assert.match(fieldError(weak.body, 'password') ?? '', /must not contain your name/);
      const done = await b.post('/admin/reset', { token: tokenOf(link), password: 'amber canyon thistle' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/admin/sign-in?after=reset');
      assertPage(await b.get('/admin/sign-in?after=reset'), 200, /Your password is changed/);
      assert.equal((await signedIn.get('/admin')).headers.location, '/admin/sign-in', 'every session of the account ended');
      assertPage(await b.post('/admin/reset', { token: tokenOf(link), password: 'another fine password' }), 400, /Ask for a new one/);
      assert.equal((await b.signIn('owner@khabar.test', 'amber canyon thistle')).headers.location, '/admin');

      await b.get('/admin/reset');
      for (let i = 0; i < 2; i++) assert.equal((await b.post('/admin/reset', { email: `someone${i}@khabar.test` })).statusCode, 200);
      const walled = await b.post('/admin/reset', { email: 'someone@khabar.test' });
      assert.equal(walled.statusCode, 429, 'five requests per address in 15 minutes (LIMITS.passwordResetRequest)');
      assert.ok(Number(walled.headers['retry-after']) > 0);
      assert.equal((await b.post('/admin/reset', { token: 'made-up', password: 'x' })).statusCode, 400, 'using a link is not walled');
      const late = await resetLinkFor(a.ctx, a.ownerId, a.ownerId);
      a.clock.advance(HOUR + 1000);
      assertPage(await b.get(pathOf(late.link ?? letters.at(-1)!.text.match(/https?:\/\/\S+/)![0])), 400, /has been used or has expired/);
    } finally {
      await a.close();
    }
  });

  test(`sign-in: wrong password, throttling, a missing token; then in, and out (${dialect})`, async () => {
    const a = await ownerApp(dialect);
    try {
      const b = new Browser(a.app);
      assert.equal((await b.get('/admin')).headers.location, '/admin/sign-in');
      const page = await b.get('/admin/sign-in');
      assertPage(page, 200, /Sign in to the newsroom/);
      assert.match(page.body, /name="email"[^>]*autocomplete="username"/);
      assert.match(page.body, /name="password"[^>]*autocomplete="current-password"/);
      assert.match(page.body, /href="\/admin\/reset"/);

      const wrong = await b.post('/admin/sign-in', { email: 'owner@khabar.test', password: 'not the password' });
      assertPage(wrong, 401, /The email address or password is not right/);
      assert.equal(valueOf(wrong.body, 'email'), 'owner@khabar.test');
      assert.doesNotMatch(wrong.body, /not the password/);
      const unknown = await b.post('/admin/sign-in', { email: 'nobody@khabar.test', password: 'not the password' });
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.body.replace(/value="[^"]*"/g, ''), wrong.body.replace(/value="[^"]*"/g, ''), 'no hint whether the account exists');

      const forged = await b.post('/admin/sign-in', { email: 'owner@khabar.test', password: STAFF_PASSWORD }, '');
      assertPage(forged, 403, /not accepted/);
      assert.equal(valueOf(forged.body, 'email'), 'owner@khabar.test');
      assert.equal(b.jar.get('khabar_session'), undefined, 'no session from a form without its token');

      for (let i = 0; i < 5; i++) await b.post('/admin/sign-in', { email: 'owner@khabar.test', password: 'still wrong' });
      const locked = await b.post('/admin/sign-in', { email: 'owner@khabar.test', password: STAFF_PASSWORD });
      assertPage(locked, 429, /Too many failed sign-ins; please wait before trying again/);
      assert.ok(Number(locked.headers['retry-after']) >= 1);
      assert.equal(valueOf(locked.body, 'email'), 'owner@khabar.test');
      a.clock.advance(60_000);

      const ok = await b.post('/admin/sign-in', { email: 'Owner@khabar.test', password: STAFF_PASSWORD });
      assert.equal(ok.statusCode, 303, ok.body);
      assert.equal(ok.headers.location, '/admin');
      assert.equal(ok.headers['cache-control'], 'no-store');
      await assertSignedIn(b, 'Farida Noori', 'owner');
      assert.equal((await b.get('/admin/sign-in')).headers.location, '/admin', 'signed in already');

      const noToken = await b.post('/admin/sign-out', {}, '');
      assert.equal(noToken.statusCode, 403, 'a page elsewhere cannot sign the browser out');
      assert.equal((await b.get('/admin')).statusCode, 200);
      const out = await b.post('/admin/sign-out', {});
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/admin/sign-in?after=signed-out');
      assert.equal((await b.get('/admin')).headers.location, '/admin/sign-in');
      const audit = await a.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', a.ownerId).orderBy('id').execute();
      assert.deepEqual(audit.map((r) => r.action).filter((x) => x.startsWith('sign')), ['signin', 'signout']);
    } finally {
      await a.close();
    }
  });

  test(`sign-in with a second factor: the code step, a wrong code, a recovery code (${dialect})`, async () => {
    const a = await ownerApp(dialect);
    try {
      const { secret } = await beginEnrollment(a.ctx, a.ownerId, 'Khabar');
      const recovery = await confirmEnrollment(a.ctx, a.ownerId, codeAt(secret, a.clock.now()));
      a.clock.advance(60_000);
      const b = new Browser(a.app);
      assert.equal((await b.get('/admin/sign-in/code')).headers.location, '/admin/sign-in?after=expired');
      const first = await b.signIn('owner@khabar.test');
      assert.equal(first.headers.location, '/admin/sign-in/code');
      assert.equal((await b.get('/admin')).headers.location, '/admin/sign-in/code', 'not in before the code');
      const page = await b.get('/admin/sign-in/code');
      assertPage(page, 200, /Enter your code/);
      assert.match(page.body, /name="code"[^>]*autocomplete="one-time-code"/);
      const wrong = await b.post('/admin/sign-in/code', { code: '000000' });
      assertPage(wrong, 401);
      assert.equal(fieldError(wrong.body, 'code'), 'That code is not right');
      assert.equal((await b.post('/admin/sign-in/code', { code: codeAt(secret, a.clock.now()) }, '')).statusCode, 403);
      const ok = await b.post('/admin/sign-in/code', { code: codeAt(secret, a.clock.now()) });
      assert.equal(ok.headers.location, '/admin');
      await assertSignedIn(b, 'Farida Noori');

      const c = new Browser(a.app);
      await c.signIn('owner@khabar.test');
      assert.equal((await c.post('/admin/sign-in/code', { code: recovery[0].toUpperCase() })).headers.location, '/admin');
      const d = new Browser(a.app);
      await d.signIn('owner@khabar.test');
      assert.equal((await d.post('/admin/sign-in/code', { code: recovery[0] })).statusCode, 401, 'a recovery code works once');
      a.clock.advance(16 * 60_000);
      assert.equal((await d.post('/admin/sign-in/code', { code: recovery[1] })).headers.location, '/admin/sign-in?after=expired', 'a half sign-in lapses');
    } finally {
      await a.close();
    }
  });

  test(`a newsroom that requires 2FA: signing in leads to setting it up, key as text, then recovery codes (${dialect})`, async () => {
    const a = await ownerApp(dialect);
    try {
      await createUser(a.ctx, { email: 'sami@khabar.test', name: 'Sami Ahmadi', password: STAFF_PASSWORD, role: 'editor' });
      await updateSecuritySettings(a.ctx, { requireTwoFactor: true });
      const b = new Browser(a.app);
      assert.equal((await b.signIn('sami@khabar.test')).headers.location, '/admin/two-factor');
      assert.equal((await b.get('/admin')).headers.location, '/admin/two-factor');
      assert.equal((await a.app.inject({ method: 'GET', url: '/api/admin/articles', headers: { cookie: b.jar.header() } })).statusCode, 403, 'the API holds the session back too');
      const start = await b.get('/admin/two-factor');
      assertPage(start, 200, /requires two-factor authentication/);
      const keyPage = await b.post('/admin/two-factor', {});
      assertPage(keyPage, 200, /otpauth:\/\/totp\//);
      const shownKey = (body: string) => /<p class="admin-secret">.*?<code>([A-Z2-7 ]+)<\/code>/.exec(body)?.[1].replace(/ /g, '');
      const secret = shownKey(keyPage.body)!;
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.ok(keyPage.body.includes(secret.replace(/(.{4})(?=.)/g, '$1 ')), 'the key is shown as text, in groups');
      assert.match(keyPage.body, /name="code"[^>]*autocomplete="one-time-code"/);

      const wrong = await b.post('/admin/two-factor/confirm', { code: '000000' });
      assertPage(wrong, 400);
      assert.match(fieldError(wrong.body, 'code') ?? '', /That code is not right/);
      assert.equal(shownKey(wrong.body), secret, 'the same key again, to check the app');
      const planted = await b.post('/admin/two-factor/confirm', { code: '000000', secret: 'JBSWY3DPEHPK3PXP', otpauth: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' });
      assert.doesNotMatch(planted.body, /JBSWY3DPEHPK3PXP/, 'a key that is not the pending one is never shown');

      const done = await b.post('/admin/two-factor/confirm', { code: codeAt(secret, a.clock.now()) });
      assertPage(done, 200, /Two-factor authentication is on/);
      assert.equal((done.body.match(/<li><code>[0-9a-f-]{19}<\/code><\/li>/g) ?? []).length, 10, 'ten recovery codes, shown once');
      await assertSignedIn(b, 'Sami Ahmadi', 'editor');
      assertPage(await b.get('/admin/two-factor'), 200, /already on/);
    } finally {
      await a.close();
    }
  });

  test(`malformed forms get the form again with a clear message, never a 500, and create nothing (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const link = (await setupLink(a.ctx))!;
      const b = new Browser(a.app);
      await b.get(pathOf(link));
      const raw = (payload: string | Buffer, type: string) => a.app.inject({ method: 'POST', url: '/admin/setup', payload,
        headers: { cookie: b.jar.header(), 'content-type': type } });
      const form = (fields: [string, string][]) => new URLSearchParams([['_csrf', b.csrf], ['token', tokenOf(link)], ...fields]).toString();
      const urlencoded = 'application/x-www-form-urlencoded';

      const repeated = await raw(form([['name', 'Farida'], ['name', 'Noori'], ['email', 'farida@khabar.test'], ['password', GOOD]]), urlencoded);
      assertPage(repeated, 400);
      assert.ok(fieldError(repeated.body, 'name'), 'a field sent twice counts as not given');
      assert.equal(valueOf(repeated.body, 'email'), 'farida@khabar.test', 'what was typed elsewhere stays');

      const missing = await raw(form([]), urlencoded);
      assertPage(missing, 400);
      assert.ok(fieldError(missing.body, 'name'));

      const long = 'ف'.repeat(101);
      const overlong = await raw(form([['name', long], ['email', 'farida@khabar.test'], ['password', GOOD]]), urlencoded);
      assertPage(overlong, 400);
      assert.match(fieldError(overlong.body, 'name') ?? '', /100/);
      assert.equal(valueOf(overlong.body, 'name'), long, 'kept as typed, to shorten');

      const json = await raw(JSON.stringify({ _csrf: b.csrf, token: tokenOf(link), name: ['Farida'], email: { a: 1 }, password: 12 }), 'application/json');
      assertPage(json, 400);
      const text = await raw(form([['name', 'Farida'], ['email', 'farida@khabar.test'], ['password', GOOD]]), 'text/plain');
      assertPage(text, 400, /This link does not work/); // not a form: no token is read from it
      const broken = await raw('{"name":', 'application/json');
      assert.equal(broken.statusCode, 400, broken.body.slice(0, 300));
      assert.match(String(broken.headers['content-type']), /^text\/html/, "the site's own page");
      const xml = await raw('<name>Farida</name>', 'application/xml');
      assert.equal(xml.statusCode, 415);
      const huge = await raw(form([['name', 'x'.repeat(1_100_000)]]), urlencoded);
      assert.equal(huge.statusCode, 413);
      for (const res of [broken, xml, huge]) assert.doesNotMatch(res.body, /at .*\.ts:\d+|stack/i, 'no stack trace');

      const signIn = new Browser(a.app);
      await signIn.get('/admin/sign-in');
      const twice = await a.app.inject({ method: 'POST', url: '/admin/sign-in', headers: { cookie: signIn.jar.header(), 'content-type': urlencoded },
        payload: new URLSearchParams([['_csrf', signIn.csrf], ['email', 'a@khabar.test'], ['email', 'b@khabar.test']]).toString() });
      assertPage(twice, 401, /The email address or password is not right/);

      assert.equal((await a.ctx.db.selectFrom('users').select('id').execute()).length, 0, 'no account from any of them');
      assert.equal((await b.post('/admin/setup', { token: tokenOf(link), name: 'Farida Noori', email: 'farida@khabar.test', password: GOOD })).statusCode, 303,
        'the link still works after refused forms');
    } finally {
      await a.close();
    }
  });

  test(`the pages stay out of the OpenAPI document (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const doc = (await a.app.inject({ method: 'GET', url: '/api/admin/openapi.json' })).json();
      assert.deepEqual(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/')), []);
    } finally {
      await a.close();
    }
  });
}
