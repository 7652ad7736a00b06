import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { codeAt } from '../../src/auth/two_factor.ts';
import { listAudit } from '../../src/auth/audit.ts';
import { openSecret } from '../../src/auth/secret_box.ts';

type Client = StaffClient;

async function enable(c: Client, now: () => Date): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await c.call('POST', '/api/admin/auth/2fa/setup');
  assert.equal(setup.statusCode, 200, setup.body);
  const { secret, otpauthUrl } = setup.json();
  assert.match(otpauthUrl, /^otpauth:\/\/totp\/.+\?.*secret=[A-Z2-7]+/);
  const wrong = await c.call('POST', '/api/admin/auth/2fa/confirm', { code: '000000' === codeAt(secret, now()) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.field, 'code');
  const ok = await c.call('POST', '/api/admin/auth/2fa/confirm', { code: codeAt(secret, now()) });
  assert.equal(ok.statusCode, 200, ok.body);
  return { secret, recoveryCodes: ok.json().recoveryCodes };
}

for (const dialect of testDialects()) {
  test(`two-factor sign-in with authenticator codes and recovery codes; the owner can require it (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    const now = () => a.clock.now();
    try {
      const ownerId = await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      await createUser(a.ctx, { email: 'editor@khabar.test', name: 'Omar Zahir', password: STAFF_PASSWORD, role: 'editor' });
      const owner = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      let secret = '';
      let recovery: string[] = [];

      await t.test('turning it on needs a right code from the app; ten recovery codes come back once', async () => {
        ({ secret, recoveryCodes: recovery } = await enable(owner, now));
        assert.equal(recovery.length, 10);
        assert.equal(new Set(recovery).size, 10);
        const stored = await a.ctx.db.selectFrom('recovery_codes').select('code_hash').execute();
        assert.ok(stored.every((r) => !recovery.some((c) => r.code_hash.includes(c.replace(/-/g, '')))), 'stored hashed');
        const sealed = (await a.ctx.db.selectFrom('users').select('totp_secret').where('email', '=', 'owner@khabar.test').executeTakeFirstOrThrow()).totp_secret ?? '';
        assert.ok(!sealed.includes(secret), 'the authenticator secret is sealed at rest');
        assert.equal(openSecret(a.ctx.secret, ownerId, sealed), secret);
        assert.equal(openSecret('another process secret', ownerId, sealed), null, 'useless without the process secret');
        assert.equal(openSecret(a.ctx.secret, ownerId + 1, sealed), null, 'bound to its account');
        assert.deepEqual((await owner.call('GET', '/api/admin/auth/2fa')).json(), { enabled: true, recoveryCodesLeft: 10 });
        assert.equal((await owner.call('POST', '/api/admin/auth/2fa/setup')).statusCode, 409, 'a second device needs 2FA off first');
      });

      await t.test('after the password, nothing works until the code: wrong code, replayed code, then a fresh one', async () => {
        a.clock.advance(60_000);
        const c = new StaffClient(a.app);
        const first = await c.signIn('owner@khabar.test');
        assert.deepEqual(first.json(), { stage: 'two_factor' });
        assert.equal((await c.call('GET', '/api/admin/auth/me')).statusCode, 401);
        assert.equal((await c.call('GET', '/api/admin/users')).statusCode, 401);
        const code = codeAt(secret, now());
        const wrong = await c.call('POST', '/api/admin/auth/login/code', { code: code === '123456' ? '654321' : '123456' });
        assert.equal(wrong.statusCode, 401);
        const ok = await c.call('POST', '/api/admin/auth/login/code', { code });
        assert.equal(ok.statusCode, 200);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).json().user.role, 'owner');
        const thief = new StaffClient(a.app);
        await thief.signIn('owner@khabar.test');
        assert.equal((await thief.call('POST', '/api/admin/auth/login/code', { code })).statusCode, 401, 'a code works once');
        a.clock.advance(30_000);
        assert.equal((await thief.call('POST', '/api/admin/auth/login/code', { code: codeAt(secret, now()) })).statusCode, 200);
      });

      await t.test('a code without a password step first is refused', async () => {
        const c = new StaffClient(a.app);
        assert.equal((await c.call('POST', '/api/admin/auth/login/code', { code: codeAt(secret, now()) })).statusCode, 401);
      });

      await t.test('a recovery code works once, in any spelling', async () => {
        const c = new StaffClient(a.app);
        await c.signIn('owner@khabar.test');
        const spelled = recovery[0].toUpperCase().replace(/-/g, ' ');
        assert.equal((await c.call('POST', '/api/admin/auth/login/code', { code: spelled })).statusCode, 200);
        const again = new StaffClient(a.app);
        await again.signIn('owner@khabar.test');
        assert.equal((await again.call('POST', '/api/admin/auth/login/code', { code: recovery[0] })).statusCode, 401);
        assert.equal((await c.call('GET', '/api/admin/auth/2fa')).json().recoveryCodesLeft, 9);
        const audits = await listAudit(a.ctx.db, { action: 'signin' });
        assert.ok(audits.some((e) => e.detail.method === 'recovery code'));
      });

      await t.test('guessing codes is throttled like passwords', async () => {
        const c = new StaffClient(a.app, { 'user-agent': 'guesser' });
        await c.signIn('owner@khabar.test');
        const right = codeAt(secret, now());
        const wrongs = ['000001', '000002', '000003', '000004', '000005', '000006'].filter((x) => x !== right);
        for (const w of wrongs.slice(0, 6)) await c.call('POST', '/api/admin/auth/login/code', { code: w });
        const locked = await c.call('POST', '/api/admin/auth/login/code', { code: right });
        assert.equal(locked.statusCode, 429);
        a.clock.advance(60_000);
      });

      await t.test('requiring 2FA of all staff: the owner needs it first; staff without it set it up before anything else', async () => {
        const editor = new StaffClient(a.app);
        await editor.signIn('editor@khabar.test');
        assert.equal((await editor.call('PATCH', '/api/admin/security', { requireTwoFactor: true })).statusCode, 403, 'an editor cannot');
        a.clock.advance(30_000);
        const c = new StaffClient(a.app);
        await c.signIn('owner@khabar.test');
        await c.call('POST', '/api/admin/auth/login/code', { code: codeAt(secret, now()) });
        const on = await c.call('PATCH', '/api/admin/security', { requireTwoFactor: true });
        assert.equal(on.statusCode, 200, on.body);
        assert.deepEqual(on.json(), { requireTwoFactor: true });
        assert.equal((await editor.call('GET', '/api/admin/auth/me')).statusCode, 401, 'sessions without 2FA ended');
        assert.deepEqual((await editor.signIn('editor@khabar.test')).json(), { stage: 'enroll' });
        const blocked = await editor.call('GET', '/api/admin/users');
        assert.equal(blocked.statusCode, 403);
        assert.equal(blocked.json().error.code, 'two_factor_setup_required');
        assert.equal((await editor.call('GET', '/api/admin/auth/me')).json().stage, 'enroll');
        await enable(editor, now);
        const me = await editor.call('GET', '/api/admin/auth/me');
        assert.equal(me.json().stage, 'full');
        assert.equal(me.json().user.twoFactorEnabled, true);
        const off = await editor.call('POST', '/api/admin/auth/2fa/disable', { password: STAFF_PASSWORD });
        assert.equal(off.statusCode, 409, 'cannot turn it off while required');
      });

      await t.test('an admin can turn off a lost second factor of an editor; the owner can turn the rule off', async () => {
        await a.ctx.db.updateTable('auth_settings').set({ value: 'false' }).where('key', '=', 'requireTwoFactor').execute();
        const editorRow = await a.ctx.db.selectFrom('users').select('id').where('email', '=', 'editor@khabar.test').executeTakeFirstOrThrow();
        a.clock.advance(30_000);
        const c = new StaffClient(a.app);
        await c.signIn('owner@khabar.test');
        await c.call('POST', '/api/admin/auth/login/code', { code: codeAt(secret, now()) });
        assert.equal((await c.call('POST', `/api/admin/users/${editorRow.id}/two-factor/reset`)).statusCode, 204);
        assert.deepEqual((await new StaffClient(a.app).signIn('editor@khabar.test')).json(), { stage: 'full' });
        const off = await c.call('POST', '/api/admin/auth/2fa/disable', { password: 'not my password at all' });
        assert.equal(off.json().error.field, 'password');
        assert.equal((await c.call('POST', '/api/admin/auth/2fa/disable', { password: STAFF_PASSWORD })).statusCode, 204);
        assert.deepEqual((await new StaffClient(a.app).signIn('owner@khabar.test')).json(), { stage: 'full' });
      });
    } finally {
      await a.close();
    }
  });
}
