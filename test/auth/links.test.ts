import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Letter } from '../../src/auth/mail.ts';

const DAY = 24 * 3600_000;
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

for (const dialect of testDialects()) {
  test(`invitations and password resets by link, shown to the inviter without email (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      await createUser(a.ctx, { email: 'admin@khabar.test', name: 'Sami Ahmadi', password: STAFF_PASSWORD, role: 'admin' });
      await createUser(a.ctx, { email: 'editor@khabar.test', name: 'Omar Zahir', password: STAFF_PASSWORD, role: 'editor' });
      const owner = new StaffClient(a.app);
      const admin = new StaffClient(a.app);
      const editor = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      await admin.signIn('admin@khabar.test');
      await editor.signIn('editor@khabar.test');

      await t.test('who may invite whom', async () => {
        assert.equal((await editor.call('POST', '/api/admin/invitations', { email: 'x@khabar.test', role: 'contributor' })).statusCode, 403);
        assert.equal((await admin.call('POST', '/api/admin/invitations', { email: 'x@khabar.test', role: 'admin' })).statusCode, 403);
        const bad = await admin.call('POST', '/api/admin/invitations', { email: 'x@khabar.test', role: 'chief' });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().error.field, 'role');
        const taken = await admin.call('POST', '/api/admin/invitations', { email: 'Editor@khabar.test', role: 'author' });
        assert.equal(taken.statusCode, 409);
        assert.equal(taken.json().error.field, 'email');
      });

      await t.test('an invitation link creates the account with the invited role, once', async () => {
        const inv = await admin.call('POST', '/api/admin/invitations', { email: 'Nadia@khabar.test', role: 'contributor', name: 'Nadia' });
        assert.equal(inv.statusCode, 201, inv.body);
        const { link, emailed, id } = inv.json();
        assert.equal(emailed, false);
        assert.match(link, /^http:\/\/127\.0\.0\.1:3000\/admin\/invitation\?token=/);
        assert.equal((await admin.call('GET', '/api/admin/invitations')).json().invitations[0].id, id);
        const guest = new StaffClient(a.app);
        assert.deepEqual((await guest.call('GET', `/api/admin/auth/invitation?token=${tokenOf(link)}`)).json(),
          { valid: true, email: 'nadia@khabar.test', role: 'contributor', name: 'Nadia' });
        const weak = await guest.call('POST', '/api/admin/auth/invitation', { token: tokenOf(link), name: 'Nadia Sultani', password: 'letmein123' });
        assert.equal(weak.json().error.field, 'password');
        const ok = await guest.call('POST', '/api/admin/auth/invitation', { token: tokenOf(link), name: 'Nadia Sultani', password: 'saffron kite meadow' });
        assert.equal(ok.statusCode, 201, ok.body);
        const me = (await guest.call('GET', '/api/admin/auth/me')).json().user;
        assert.deepEqual([me.email, me.role, me.name], ['nadia@khabar.test', 'contributor', 'Nadia Sultani']);
        assert.ok(me.personId, 'the account has a byline');
        const replay = await new StaffClient(a.app).call('POST', '/api/admin/auth/invitation', { token: tokenOf(link), name: 'Mallory', password: 'saffron kite meadow 2' });
        assert.equal(replay.statusCode, 400);
        assert.equal(replay.json().error.field, 'token');
        assert.equal((await admin.call('GET', '/api/admin/invitations')).json().invitations.length, 0);
      });

      await t.test('revoked, superseded and expired invitations do not work', async () => {
        const first = (await owner.call('POST', '/api/admin/invitations', { email: 'a1@khabar.test', role: 'admin' })).json();
        const second = (await owner.call('POST', '/api/admin/invitations', { email: 'a1@khabar.test', role: 'editor' })).json();
        const guest = new StaffClient(a.app);
        assert.equal((await guest.call('POST', '/api/admin/auth/invitation', { token: tokenOf(first.link), name: 'A One', password: 'saffron kite meadow' })).statusCode, 400);
        assert.equal((await owner.call('DELETE', `/api/admin/invitations/${second.id}`)).statusCode, 204);
        assert.equal((await owner.call('DELETE', `/api/admin/invitations/${second.id}`)).statusCode, 404);
        assert.equal((await guest.call('POST', '/api/admin/auth/invitation', { token: tokenOf(second.link), name: 'A One', password: 'saffron kite meadow' })).statusCode, 400);
        const third = (await owner.call('POST', '/api/admin/invitations', { email: 'a1@khabar.test', role: 'author' })).json();
        a.clock.advance(7 * DAY + 1000);
        assert.equal((await guest.call('POST', '/api/admin/auth/invitation', { token: tokenOf(third.link), name: 'A One', password: 'saffron kite meadow' })).statusCode, 400);
        assert.equal((await guest.call('POST', '/api/admin/auth/invitation', { token: 'made-up', name: 'A One', password: 'saffron kite meadow' })).statusCode, 400);
        await owner.signIn('owner@khabar.test');
        await admin.signIn('admin@khabar.test');
        await editor.signIn('editor@khabar.test');
      });

      await t.test('"forgot my password" answers the same for known and unknown addresses and sends nothing without email', async () => {
        const guest = new StaffClient(a.app);
        const known = await guest.call('POST', '/api/admin/auth/reset/request', { email: 'editor@khabar.test' });
        const unknown = await guest.call('POST', '/api/admin/auth/reset/request', { email: 'nobody@khabar.test' });
        assert.equal(known.statusCode, 202);
        assert.deepEqual(known.json(), unknown.json());
        const links = await a.ctx.db.selectFrom('auth_links').select('id').where('kind', '=', 'reset').execute();
        assert.equal(links.length, 0);
      });

      await t.test('an admin makes a reset link; using it sets the password, ends every session, and works once', async () => {
        const editorId = (await editor.call('GET', '/api/admin/auth/me')).json().user.id;
        const ownerId = (await owner.call('GET', '/api/admin/auth/me')).json().user.id;
        assert.equal((await admin.call('POST', `/api/admin/users/${ownerId}/reset-link`)).statusCode, 403, 'not for an owner');
        const made = await admin.call('POST', `/api/admin/users/${editorId}/reset-link`);
        assert.equal(made.statusCode, 201);
        const token = tokenOf(made.json().link);
        const guest = new StaffClient(a.app);
        assert.deepEqual((await guest.call('GET', `/api/admin/auth/reset?token=${token}`)).json(), { valid: true });
        const weak = await guest.call('POST', '/api/admin/auth/reset', { token, password: 'short' });
        assert.equal(weak.json().error.field, 'password');
        assert.equal((await guest.call('POST', '/api/admin/auth/reset', { token, password: 'amber canyon thistle' })).statusCode, 204);
        assert.equal((await editor.call('GET', '/api/admin/auth/me')).statusCode, 401);
        assert.equal((await guest.call('POST', '/api/admin/auth/reset', { token, password: 'another fine password' })).statusCode, 400);
        assert.equal((await editor.signIn('editor@khabar.test', 'amber canyon thistle')).statusCode, 200);
        const late = tokenOf((await admin.call('POST', `/api/admin/users/${editorId}/reset-link`)).json().link);
        a.clock.advance(3600_000 + 1000);
        assert.equal((await guest.call('POST', '/api/admin/auth/reset', { token: late, password: 'another fine password' })).statusCode, 400);
      });
    } finally {
      await a.close();
    }
  });

  test(`with email set up, invitations and resets go by email and the link is not in the answer (${dialect})`, async () => {
    const a = await makeTestApp(dialect, { smtpUrl: 'smtp://mail.invalid:25' });
    const letters: Letter[] = [];
    a.ctx.mail = { sendMail: async (l) => { letters.push(l); } };
    try {
      await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      const owner = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      const inv = (await owner.call('POST', '/api/admin/invitations', { email: 'new@khabar.test', role: 'author' })).json();
      assert.equal(inv.emailed, true);
      assert.equal(inv.link, null);
      assert.equal(letters[0].to, 'new@khabar.test');
      const link = letters[0].text.match(/https?:\/\/\S+/)![0];
      assert.equal((await new StaffClient(a.app).call('POST', '/api/admin/auth/invitation', { token: tokenOf(link), name: 'New Writer', password: 'cobalt harbor lemon' })).statusCode, 201);
      const guest = new StaffClient(a.app);
      await guest.call('POST', '/api/admin/auth/reset/request', { email: 'nobody@khabar.test' });
      for (let i = 0; i < 5; i++) await guest.call('POST', '/api/admin/auth/reset/request', { email: 'NEW@khabar.test' });
      await new Promise((r) => setImmediate(r));
      assert.equal(letters.length, 2, 'one reset email per few minutes, however often it is asked for');
      assert.equal(letters[1].to, 'new@khabar.test');
      const reset = letters[1].text.match(/https?:\/\/\S+/)![0];
      assert.equal((await guest.call('POST', '/api/admin/auth/reset', { token: tokenOf(reset), password: 'violet engine pebble' })).statusCode, 204);
      assert.equal((await guest.signIn('new@khabar.test', 'violet engine pebble')).statusCode, 200);
    } finally {
      await a.close();
    }
  });
}
