// Revoking an invitation follows the rule for making one: an admin may neither invite an admin nor void the
// owner's invitation of one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { StaffClient, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { invite } from '../../src/auth/invitations.ts';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

for (const dialect of testDialects()) {
  test(`an admin cannot revoke an invitation for a role they may not grant (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      const adminId = await createUser(a.ctx, { email: 'admin@khabar.test', name: 'Sami Ahmadi', password: STAFF_PASSWORD, role: 'admin' });
      const owner = new StaffClient(a.app);
      const admin = new StaffClient(a.app);
      await owner.signIn('owner@khabar.test');
      await admin.signIn('admin@khabar.test');

      const forAdmin = (await owner.call('POST', '/api/admin/invitations', { email: 'deputy@khabar.test', role: 'admin' })).json();
      assert.equal((await admin.call('POST', '/api/admin/invitations', { email: 'deputy2@khabar.test', role: 'admin' })).statusCode, 403, 'making one');
      const revoke = await admin.call('DELETE', `/api/admin/invitations/${forAdmin.id}`);
      assert.equal(revoke.statusCode, 403, 'revoking one');
      assert.deepEqual((await new StaffClient(a.app).call('GET', `/api/admin/auth/invitation?token=${tokenOf(forAdmin.link)}`)).json(),
        { valid: true, email: 'deputy@khabar.test', role: 'admin', name: '' }, 'the link still works');
      await assert.rejects(invite(a.ctx, { email: 'deputy3@khabar.test', role: 'owner' }, { id: adminId, name: 'Sami Ahmadi' }), { status: 403 },
        'the service itself refuses, whichever face calls it');

      const forEditor = (await owner.call('POST', '/api/admin/invitations', { email: 'editor@khabar.test', role: 'editor' })).json();
      assert.equal((await admin.call('DELETE', `/api/admin/invitations/${forEditor.id}`)).statusCode, 204, 'an admin revokes what an admin may grant');
      assert.equal((await owner.call('DELETE', `/api/admin/invitations/${forAdmin.id}`)).statusCode, 204, 'the owner revokes the admin invitation');
      assert.equal((await owner.call('DELETE', `/api/admin/invitations/${forAdmin.id}`)).statusCode, 404);
      assert.equal((await admin.call('DELETE', '/api/admin/invitations/999999')).statusCode, 404);
    } finally {
      await a.close();
    }
  });
}
