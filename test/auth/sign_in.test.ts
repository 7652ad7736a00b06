import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { setupLink } from '../../src/auth/setup.ts';
import { listAudit } from '../../src/auth/audit.ts';
import { CHEAP_PASSWORD_COST, checkNewPassword, hashPassword, verifyPassword } from '../../src/auth/passwords.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';

const HOUR = 3600_000;

test('new passwords: long enough, not a common one with digits or symbols after it, not the name', () => {
  assert.throws(() => checkNewPassword('short1!'), /at least 12/);
  assert.throws(() => checkNewPassword('eleven char'), /at least 12/);
  for (const p of ['password1234', 'Password2026!', 'qwertyuiop12', '111111222222', 'iloveyou1234!', 'aaaaaaaaaaaa', 'Khabar123456',
    '123456789012', '9876543210987', 'abcdefghijklm', 'ZYXWVUTSRQPONM', 'asdfghjklasdfg', '1qaz2wsx3edc4rfv']) {
    assert.throws(() => checkNewPassword(p), (e: Error & { field?: string }) => e.field === 'password' && /too common/.test(e.message), p);
  }
  for (const p of ['384729104856', '0093 700 123 456', '+93-70-012-3456', '۰۷۹۱۲۳۴۵۶۷۸۹', '14/03/1405 10:30']) {
    assert.throws(() => checkNewPassword(p), (e: Error & { field?: string }) => e.field === 'password' && /only digits/.test(e.message), p);
  }
  assert.throws(() => checkNewPassword('mina.karimi-2026', 'password', ['mina.karimi']), /must not contain your name/);
  assert.equal(checkNewPassword('orchard lantern basalt'), 'orchard lantern basalt');
});

test('hashes are argon2id and verify; an unknown account does the same work and fails', async () => {
  const cheap = { passwordCost: CHEAP_PASSWORD_COST };
  const h = await hashPassword(cheap, 'orchard lantern basalt');
  assert.match(h, /^\$argon2id\$v=19\$m=256,t=1,p=1\$/, 'the context\'s cost');
  assert.equal(await verifyPassword(cheap, h, 'orchard lantern basalt'), true);
  assert.equal(await verifyPassword(cheap, h, 'orchard lantern basalT'), false);
  assert.equal(await verifyPassword(cheap, null, 'orchard lantern basalt'), false);
  assert.equal(await verifyPassword(cheap, 'not a hash', 'x'), false);
});

for (const dialect of testDialects()) {
  test(`setup link, sign-in, sessions and their expiry, throttling (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      await t.test('the first start prints a one-time setup link that creates the owner once', async () => {
        const url = (await setupLink(a.ctx))!;
        assert.match(url, /^http:\/\/127\.0\.0\.1:3000\/admin\/setup\?token=[\w-]{43}$/);
        const newer = (await setupLink(a.ctx))!;
        const token = new URL(newer).searchParams.get('token')!;
        const stale = new URL(url).searchParams.get('token')!;
        const c = new StaffClient(a.app);
        assert.deepEqual((await c.call('GET', `/api/admin/auth/setup?token=${stale}`)).json(), { valid: false });
        assert.deepEqual((await c.call('GET', `/api/admin/auth/setup?token=${token}`)).json(), { valid: true });
        const body = { token, name: 'Farida Noori', email: 'Farida@Khabar.test', password: 'orchard lantern basalt' };
        const noCsrf = await c.call('POST', '/api/admin/auth/setup', body, { csrf: false });
        assert.equal(noCsrf.statusCode, 403);
        assert.equal(noCsrf.json().error.code, 'csrf');
        const weak = await c.call('POST', '/api/admin/auth/setup', { ...body, password: 'password123' });
        assert.equal(weak.statusCode, 400);
        assert.equal(weak.json().error.field, 'password');
        const missing = await c.call('POST', '/api/admin/auth/setup', { token, name: 'Farida' });
        assert.equal(missing.statusCode, 400);
        assert.equal(missing.json().error.field, 'email');
        const ok = await c.call('POST', '/api/admin/auth/setup', body);
        assert.equal(ok.statusCode, 201, ok.body);
        const cookie = ok.cookies.find((x) => x.name === SESSION_COOKIE)!;
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.sameSite, 'Lax');
        assert.equal(cookie.secure, undefined);
        const me = (await c.call('GET', '/api/admin/auth/me')).json();
        assert.equal(me.user.role, 'owner');
        assert.equal(me.user.email, 'farida@khabar.test');
        assert.ok(me.capabilities.includes('security.manage'));
        const replay = await new StaffClient(a.app).call('POST', '/api/admin/auth/setup', { ...body, email: 'other@khabar.test' });
        assert.equal(replay.statusCode, 400);
        assert.equal(replay.json().error.field, 'token');
        assert.equal(await setupLink(a.ctx), null);
      });

      await createUser(a.ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: STAFF_PASSWORD, role: 'editor' });

      await t.test('a wrong password and an unknown account get the same answer', async () => {
        const c = new StaffClient(a.app);
        const wrong = await c.signIn('omar@khabar.test', 'not the password at all');
        const unknown = await c.signIn('nobody@khabar.test', 'not the password at all');
        assert.equal(wrong.statusCode, 401);
        assert.equal(unknown.statusCode, 401);
        assert.deepEqual(wrong.json(), unknown.json());
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 401);
      });

      await t.test('signing in replaces any session token the browser had (fixation) and issues a new one each time', async () => {
        const c = new StaffClient(a.app);
        assert.equal((await c.signIn('omar@khabar.test')).statusCode, 200);
        const first = c.jar.get(SESSION_COOKIE)!;
        assert.equal((await c.signIn('omar@khabar.test')).statusCode, 200);
        const second = c.jar.get(SESSION_COOKIE)!;
        assert.notEqual(first, second);
        const old = await a.app.inject({ method: 'GET', url: '/api/admin/auth/me', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
        assert.equal(old.statusCode, 401);
        const stored = await a.ctx.db.selectFrom('sessions').select('id').execute();
        assert.ok(stored.every((s) => s.id !== second && /^[0-9a-f]{64}$/.test(s.id)), 'tokens are stored hashed');
      });

      await t.test('sessions end after 12 quiet hours and after 7 days whatever happens', async () => {
        const c = new StaffClient(a.app);
        await c.signIn('omar@khabar.test');
        a.clock.advance(11 * HOUR);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 200);
        a.clock.advance(11 * HOUR);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 200);
        a.clock.advance(12 * HOUR + 1000);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 401, 'idle expiry');
        await c.signIn('omar@khabar.test');
        for (let i = 0; i < 15; i++) {
          a.clock.advance(11 * HOUR);
          assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 200, `hour ${(i + 1) * 11}`);
        }
        a.clock.advance(11 * HOUR);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 401, 'absolute expiry after 7 days');
      });

      await t.test('log out, log out everywhere, and a password change ends the other sessions', async () => {
        const laptop = new StaffClient(a.app);
        const phone = new StaffClient(a.app);
        await laptop.signIn('omar@khabar.test');
        await phone.signIn('omar@khabar.test');
        const list = (await laptop.call('GET', '/api/admin/auth/sessions')).json().sessions;
        assert.equal(list.length, 2);
        assert.equal(list.filter((s: { current: boolean }) => s.current).length, 1);
        assert.equal((await laptop.call('POST', '/api/admin/auth/logout')).statusCode, 204);
        assert.equal((await laptop.call('GET', '/api/admin/auth/me')).statusCode, 401);
        assert.equal((await phone.call('GET', '/api/admin/auth/me')).statusCode, 200);
        await laptop.signIn('omar@khabar.test');
        const end = await phone.call('POST', '/api/admin/auth/sessions/end-all');
        assert.equal(end.json().ended, 2);
        assert.equal((await laptop.call('GET', '/api/admin/auth/me')).statusCode, 401);
        assert.equal((await phone.call('GET', '/api/admin/auth/me')).statusCode, 401);
        await laptop.signIn('omar@khabar.test');
        await phone.signIn('omar@khabar.test');
        const bad = await laptop.call('POST', '/api/admin/auth/password', { currentPassword: 'wrong one entirely', newPassword: 'quiet river stones' });
        assert.equal(bad.json().error.field, 'currentPassword');
        const changed = await laptop.call('POST', '/api/admin/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: 'quiet river stones' });
        assert.equal(changed.json().sessionsEnded, 1);
        assert.equal((await phone.call('GET', '/api/admin/auth/me')).statusCode, 401);
        assert.equal((await laptop.call('GET', '/api/admin/auth/me')).statusCode, 200);
        assert.equal((await new StaffClient(a.app).signIn('omar@khabar.test', 'quiet river stones')).statusCode, 200);
      });

      await t.test('failed sign-ins: five free per account and address, then a doubling wait there, even with the right password', async () => {
        await createUser(a.ctx, { email: 'mina@khabar.test', name: 'Mina Rahimi', password: STAFF_PASSWORD, role: 'author' });
        const c = new StaffClient(a.app, { 'x-forwarded-for': '203.0.113.9' });
        for (let i = 0; i < 5; i++) assert.equal((await c.signIn('mina@khabar.test', `guess number ${i}`)).statusCode, 401);
        assert.equal((await c.signIn('mina@khabar.test', 'guess number 6')).statusCode, 401);
        const locked = await c.signIn('mina@khabar.test');
        assert.equal(locked.statusCode, 429);
        assert.equal(locked.headers['retry-after'], '1');
        a.clock.advance(1000);
        assert.equal((await c.signIn('mina@khabar.test', 'guess number 7')).statusCode, 401);
        const again = await c.signIn('mina@khabar.test');
        assert.equal(again.statusCode, 429);
        assert.equal(again.headers['retry-after'], '2');
        const unknown = await c.signIn('ghost@khabar.test', 'guess');
        assert.equal(unknown.statusCode, 401, 'other accounts are not locked by this one');
        a.clock.advance(2000);
        assert.equal((await c.signIn('mina@khabar.test')).statusCode, 200);
        const failures = await listAudit(a.ctx.db, { action: 'signin.failed' });
        assert.ok(failures.length >= 8);
      });

      await t.test('failed sign-ins per address: twenty across any accounts, then the address waits', async () => {
        const ip = '198.51.100.77';
        // trustProxy is off in tests: the address is the socket's, so use the injected remoteAddress.
        const res = await a.app.inject({ method: 'GET', url: '/api/admin/csrf', remoteAddress: ip });
        const cookie = res.cookies.map((x) => `${x.name}=${x.value}`).join('; ');
        const login = (email: string) => a.app.inject({ method: 'POST', url: '/api/admin/auth/login', remoteAddress: ip,
          headers: { cookie, 'x-csrf-token': res.json().token }, payload: { email, password: 'spray attempt' } });
        for (let i = 0; i < 20; i++) assert.equal((await login(`someone${i}@khabar.test`)).statusCode, 401);
        assert.equal((await login('someone@khabar.test')).statusCode, 401);
        assert.equal((await login('omar@khabar.test')).statusCode, 429);
        assert.equal((await login('anyone@khabar.test')).statusCode, 429);
      });
    } finally {
      await a.close();
    }
  });

  test(`the session cookie is Secure when the site is served over https (${dialect})`, async () => {
    const a = await makeTestApp(dialect, { publicUrl: 'https://news.example' });
    try {
      await createUser(a.ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: STAFF_PASSWORD, role: 'editor' });
      const res = await new StaffClient(a.app).signIn('omar@khabar.test');
      assert.equal(res.statusCode, 200);
      assert.equal(res.cookies.find((x) => x.name === SESSION_COOKIE)!.secure, true);
    } finally {
      await a.close();
    }
  });
}
