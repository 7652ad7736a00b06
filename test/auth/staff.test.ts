import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { setupNotice } from '../../src/auth/setup.ts';
import { codeAt } from '../../src/auth/two_factor.ts';
import { WRONG_CREDENTIALS } from '../../src/auth/sign_in.ts';
import { updateStaff } from '../../src/auth/staff.ts';

for (const dialect of testDialects()) {
  test(`staff roles, disabling, the last owner, and the audit log (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      const ownerId = await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      const adminId = await createUser(a.ctx, { email: 'admin@khabar.test', name: 'Sami Ahmadi', password: STAFF_PASSWORD, role: 'admin' });
      const writerId = await createUser(a.ctx, { email: 'writer@khabar.test', name: 'Laila <b>Haidari</b>', password: STAFF_PASSWORD, role: 'contributor' });
      const owner = new StaffClient(a.app);
      const admin = new StaffClient(a.app);
      const writer = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      await admin.signIn('admin@khabar.test');
      await writer.signIn('writer@khabar.test');

      await t.test('the staff list has no secrets; text comes back exactly as given (JSON, escaped by whoever shows it)', async () => {
        const res = await admin.call('GET', '/api/admin/users');
        assert.equal(res.statusCode, 200);
        assert.ok(!/password|totp_secret|\$argon2/.test(res.body));
        const w = res.json().users.find((u: { id: number }) => u.id === writerId);
        assert.equal(w.name, 'Laila <b>Haidari</b>');
        assert.match(res.headers['content-type'] as string, /^application\/json/);
        assert.equal((await writer.call('GET', '/api/admin/users')).statusCode, 403);
      });

      await t.test('an admin promotes a contributor to editor; only the owner makes admins; nobody changes their own role', async () => {
        const up = await admin.call('PATCH', `/api/admin/users/${writerId}`, { role: 'editor' });
        assert.equal(up.statusCode, 200, up.body);
        assert.equal(up.json().user.role, 'editor');
        assert.equal((await writer.call('GET', '/api/admin/auth/me')).json().user.role, 'editor', 'takes effect at once');
        assert.equal((await admin.call('PATCH', `/api/admin/users/${writerId}`, { role: 'admin' })).statusCode, 403);
        assert.equal((await admin.call('PATCH', `/api/admin/users/${ownerId}`, { role: 'editor' })).statusCode, 403);
        const self = await admin.call('PATCH', `/api/admin/users/${adminId}`, { role: 'owner' });
        assert.equal(self.statusCode, 403);
        const own = await owner.call('PATCH', `/api/admin/users/${ownerId}`, { role: 'admin' });
        assert.equal(own.statusCode, 409);
        assert.equal(own.json().error.field, 'role');
        const bad = await owner.call('PATCH', `/api/admin/users/${writerId}`, { role: 'superuser' });
        assert.equal(bad.json().error.field, 'role');
        const extra = await owner.call('PATCH', `/api/admin/users/${writerId}`, { role: 'author', password: 'x' });
        assert.equal(extra.json().error.field, 'password');
        assert.equal((await owner.call('PATCH', '/api/admin/users/99999', { role: 'author' })).statusCode, 404);
      });

      await t.test('owners manage owners; the newsroom always keeps one active owner', async () => {
        assert.equal((await owner.call('PATCH', `/api/admin/users/${adminId}`, { role: 'owner' })).statusCode, 200);
        const second = new StaffClient(a.app);
        await second.signIn('admin@khabar.test');
        assert.equal((await second.call('PATCH', `/api/admin/users/${ownerId}`, { role: 'admin' })).statusCode, 200);
        assert.equal((await owner.call('PATCH', `/api/admin/users/${adminId}`, { role: 'admin' })).statusCode, 403, 'an admin now');
        // Only an owner changes owners and nobody changes themselves, so the last-owner rule is a backstop: prove it directly.
        const someOwner = { id: 999, name: 'x', email: 'x@x', role: 'owner' as const };
        await assert.rejects(updateStaff(a.ctx, adminId, { role: 'editor' }, someOwner), /at least one owner/);
        await assert.rejects(updateStaff(a.ctx, adminId, { disabled: true }, someOwner), /at least one owner/);
        assert.equal((await second.call('PATCH', `/api/admin/users/${ownerId}`, { role: 'owner' })).statusCode, 200);
        await updateStaff(a.ctx, adminId, { role: 'admin' }, someOwner);
        await owner.signIn('owner@khabar.test');
        await admin.signIn('admin@khabar.test');
      });

      await t.test('disabling ends sessions and the account can no longer sign in, with the usual answer', async () => {
        assert.equal((await admin.call('PATCH', `/api/admin/users/${writerId}`, { disabled: true })).statusCode, 200);
        assert.equal((await writer.call('GET', '/api/admin/auth/me')).statusCode, 401);
        const denied = await writer.signIn('writer@khabar.test');
        assert.equal(denied.statusCode, 401);
        assert.equal(denied.json().error.message, WRONG_CREDENTIALS);
        assert.equal((await admin.call('PATCH', `/api/admin/users/${writerId}`, { disabled: false })).statusCode, 200);
        assert.equal((await writer.signIn('writer@khabar.test')).statusCode, 200);
        const n = await admin.call('POST', `/api/admin/users/${writerId}/sessions/end`);
        assert.equal(n.json().ended, 1);
        assert.equal((await writer.call('GET', '/api/admin/auth/me')).statusCode, 401);
      });

      await t.test('the audit log records sign-ins, role changes and security changes, newest first, for owners and admins', async () => {
        const res = await admin.call('GET', '/api/admin/audit?limit=200');
        assert.equal(res.statusCode, 200);
        const entries = res.json().entries as { action: string; actor_name: string | null; subject: string; detail: Record<string, unknown> }[];
        const actions = entries.map((e) => e.action);
        for (const want of ['signin', 'user.role', 'user.disable', 'user.enable', 'user.signout']) assert.ok(actions.includes(want), want);
        const role = entries.find((e) => e.action === 'user.role' && e.subject === `user:${writerId}`)!;
        assert.deepEqual(role.detail, { from: 'contributor', to: 'editor' });
        assert.equal(role.actor_name, 'Sami Ahmadi');
        const only = (await admin.call('GET', '/api/admin/audit?action=user.disable')).json().entries;
        assert.ok(only.length >= 1 && only.every((e: { action: string }) => e.action === 'user.disable'));
        assert.equal((await admin.call('GET', '/api/admin/audit?limit=0')).json().error.field, 'limit');
        await writer.signIn('writer@khabar.test');
        assert.equal((await writer.call('GET', '/api/admin/audit')).statusCode, 403);
      });
    } finally {
      await a.close();
    }
  });

  test(`a new newsroom through HTTP alone: printed setup link, owner with 2FA, invited contributor and editor (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const printed = (await setupNotice(a.ctx)) ?? '';
      const link = printed.match(/https?:\/\/\S+/)![0];
      const owner = new StaffClient(a.app);
      const setup = await owner.call('POST', '/api/admin/auth/setup', { token: new URL(link).searchParams.get('token'), name: 'Farida Noori', email: 'farida@khabar.test', password: 'orchard lantern basalt' });
      assert.equal(setup.statusCode, 201);
      const { secret } = (await owner.call('POST', '/api/admin/auth/2fa/setup')).json();
      assert.equal((await owner.call('POST', '/api/admin/auth/2fa/confirm', { code: codeAt(secret, a.clock.now()) })).statusCode, 200);
      assert.equal((await owner.call('PATCH', '/api/admin/security', { requireTwoFactor: true })).statusCode, 200);
      const staff: Record<string, StaffClient> = {};
      for (const role of ['contributor', 'editor'] as const) {
        const inv = (await owner.call('POST', '/api/admin/invitations', { email: `${role}@khabar.test`, role })).json();
        const c = new StaffClient(a.app);
        const ok = await c.call('POST', '/api/admin/auth/invitation', { token: new URL(inv.link).searchParams.get('token'), name: `New ${role}`, password: `a private passphrase, desk ${role.length}` });
        assert.equal(ok.statusCode, 201, ok.body);
        assert.equal((await c.call('GET', '/api/admin/articles')).json().error.code, 'two_factor_setup_required');
        const s = (await c.call('POST', '/api/admin/auth/2fa/setup')).json();
        a.clock.advance(30_000);
        assert.equal((await c.call('POST', '/api/admin/auth/2fa/confirm', { code: codeAt(s.secret, a.clock.now()) })).statusCode, 200);
        assert.equal((await c.call('GET', '/api/admin/auth/me')).json().user.role, role);
        staff[role] = c;
      }
      const draft = await staff.contributor.call('POST', '/api/admin/articles', { headline: 'Floods reach the valley' });
      assert.equal(draft.statusCode, 201, draft.body);
      const publish = await staff.contributor.call('POST', `/api/admin/articles/${draft.json().id}/publish`);
      assert.equal(publish.statusCode, 403);
      const audit = (await owner.call('GET', '/api/admin/audit?limit=200')).json().entries.map((e: { action: string }) => e.action);
      for (const want of ['setup', 'two_factor.enable', 'settings.security', 'invitation.create', 'invitation.accept']) assert.ok(audit.includes(want), want);
    } finally {
      await a.close();
    }
  });
}
