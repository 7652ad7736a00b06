import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { DEFAULT_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';

const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];

for (const dialect of testDialects()) {
  test(`attacks on accounts: CSRF, forged cookies, escalation, hostile input, enumeration by timing (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      const writerId = await createUser(a.ctx, { email: 'writer@khabar.test', name: 'Laila Haidari', password: STAFF_PASSWORD, role: 'contributor' });
      const ownerId = await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      const owner = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      const writer = new StaffClient(a.app);
      await writer.signIn('writer@khabar.test');
      const roleOf = async (id: number) => (await a.ctx.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;

      await t.test('a change without the CSRF token, or with another browser\'s token, is refused and changes nothing', async () => {
        const changes: [string, string, unknown][] = [
          ['PATCH', `/api/admin/users/${writerId}`, { role: 'editor' }],
          ['POST', '/api/admin/invitations', { email: 'evil@example.org', role: 'admin' }],
          ['PATCH', '/api/admin/security', { requireTwoFactor: false }],
          ['POST', '/api/admin/auth/sessions/end-all', undefined],
          ['POST', '/api/admin/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'attacker chosen words' }],
          ['POST', '/api/admin/auth/2fa/setup', undefined],
        ];
        const stranger = new StaffClient(a.app);
        const foreignToken = await stranger.csrf();
        for (const [method, url, body] of changes) {
          const none = await owner.call(method as 'POST', url, body, { csrf: false });
          assert.equal(none.statusCode, 403, `${method} ${url}`);
          assert.equal(none.json().error.code, 'csrf');
          const foreign = await owner.call(method as 'POST', url, body, { csrf: false, headers: { 'x-csrf-token': foreignToken } });
          assert.equal(foreign.statusCode, 403, `${method} ${url} with another browser's token`);
        }
        assert.equal(await roleOf(writerId), 'contributor');
        assert.equal((await a.ctx.db.selectFrom('auth_links').select('id').execute()).length, 0);
        assert.equal((await owner.call('GET', '/api/admin/auth/me')).statusCode, 200, 'still signed in');
        const login = await new StaffClient(a.app).call('POST', '/api/admin/auth/login', { email: 'owner@khabar.test', password: STAFF_PASSWORD }, { csrf: false });
        assert.equal(login.statusCode, 403, 'signing in needs the token too (login CSRF)');
      });

      await t.test('forged, tampered and stale session cookies are strangers', async () => {
        for (const cookie of [`${SESSION_COOKIE}=forged`, `${SESSION_COOKIE}=${'a'.repeat(43)}`, `${SESSION_COOKIE}=${'x'.repeat(5000)}`, `${SESSION_COOKIE}=`]) {
          const res = await a.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie } });
          assert.equal(res.statusCode, 401, cookie.slice(0, 40));
        }
        const stored = await a.ctx.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
        assert.equal((await a.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: `${SESSION_COOKIE}=${stored.id}` } })).statusCode, 401,
          'the stored hash is not a key');
      });

      await t.test('a stranger learns "sign in" before anything about the body', async () => {
        const res = await a.app.inject({ method: 'PATCH', url: `/api/admin/users/${writerId}`, payload: { role: 42, junk: true } });
        assert.equal(res.statusCode, 401);
      });

      await t.test('a contributor cannot raise their own role or reach staff tools; tampered ids are refused', async () => {
        assert.equal((await writer.call('PATCH', `/api/admin/users/${writerId}`, { role: 'owner' })).statusCode, 403);
        assert.equal((await writer.call('POST', `/api/admin/users/${ownerId}/reset-link`)).statusCode, 403);
        assert.equal((await writer.call('POST', '/api/admin/invitations', { email: 'friend@example.org', role: 'owner' })).statusCode, 403);
        assert.equal((await writer.call('PATCH', '/api/admin/security', { requireTwoFactor: false })).statusCode, 403);
        for (const bad of ['0', '-1', 'abc', '1.5', '99999999999']) {
          const res = await owner.call('PATCH', `/api/admin/users/${bad}`, { role: 'editor' });
          assert.equal(res.statusCode, 400, bad);
          assert.equal(res.json().error.field, 'id');
        }
        assert.equal(await roleOf(writerId), 'contributor');
      });

      await t.test('hostile text: script in names is kept as text, bad emails and huge passwords are refused by field', async () => {
        const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
        const ok = await owner.call('PATCH', `/api/admin/users/${writerId}`, { name });
        assert.equal(ok.statusCode, 200);
        assert.equal(ok.json().user.name, name);
        assert.match(ok.headers['content-type'] as string, /^application\/json/);
        for (const email of ['<script>@x.org', 'no-at-sign', 'a@b', `${'x'.repeat(260)}@x.org`]) {
          const res = await owner.call('POST', '/api/admin/invitations', { email, role: 'author' });
          assert.equal(res.statusCode, 400, email);
          assert.equal(res.json().error.field, 'email');
        }
        const huge = await new StaffClient(a.app).signIn('owner@khabar.test', 'p'.repeat(100_000));
        assert.equal(huge.statusCode, 400);
        assert.equal(huge.json().error.field, 'password');
        const wrongType = await new StaffClient(a.app).call('POST', '/api/admin/auth/login', { email: { $ne: '' }, password: STAFF_PASSWORD });
        assert.equal(wrongType.statusCode, 400);
        assert.equal(wrongType.json().error.field, 'email');
        const tooBig = await owner.call('PATCH', `/api/admin/users/${writerId}`, { name: 'x'.repeat(2 * 1024 * 1024) });
        assert.equal(tooBig.statusCode, 413);
      });

      await t.test('an unknown account answers as slowly as a known one (real argon2 cost)', async () => {
        const cheap = a.ctx.passwordCost;
        a.ctx.passwordCost = DEFAULT_PASSWORD_COST;
        try {
          await createUser(a.ctx, { email: 'timed@khabar.test', name: 'Timed Person', password: STAFF_PASSWORD, role: 'author' });
          const time = async (email: string) => {
            const c = new StaffClient(a.app, { 'user-agent': email });
            await c.csrf();
            const start = process.hrtime.bigint();
            const res = await c.signIn(email, 'not the right password');
            assert.equal(res.statusCode, 401);
            return Number(process.hrtime.bigint() - start) / 1e6;
          };
          await time('nobody@khabar.test');
          const known: number[] = [];
          const unknown: number[] = [];
          for (let i = 0; i < 6; i++) {
            known.push(await time('timed@khabar.test'));
            unknown.push(await time(`nobody${i}@khabar.test`));
          }
          const ratio = median(unknown) / median(known);
          // Without the stand-in hash an unknown account answers ~30x faster; the wide band keeps a busy machine from failing it.
          assert.ok(ratio > 0.33 && ratio < 3, `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`);
        } finally {
          a.ctx.passwordCost = cheap;
        }
      });
    } finally {
      await a.close();
    }
  });
}
