// The Admin API additions behind the app's people and safety screens: sending an invitation again (a fresh link,
// the old one void, the same rule on roles), the audit log read by date range, and deleting a picture from the
// media library: refused with where it is used while anything shows it, its files gone otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, jpeg, upload } from './api.ts';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

for (const dialect of testDialects()) {
  test(`resend an invitation, the audit log by date, delete an unused picture (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const first = await call(t, (await signInAs(t, 'admin')).headers, 'POST', '/api/admin/invitations', { email: 'nadia@khabar.test', role: 'contributor' });
      assert.equal(first.status, 201);
      t.clock.advance(3 * 24 * 3600_000); // sessions have ended by then: everyone signs in afresh
      const owner = (await signInAs(t, 'owner')).headers;
      const admin = (await signInAs(t, 'admin')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const again = await call(t, admin, 'POST', `/api/admin/invitations/${first.body.id}/resend`);
      assert.equal(again.status, 201, JSON.stringify(again.body));
      assert.notEqual(again.body.link, first.body.link);
      assert.ok(Date.parse(again.body.expiresAt) > Date.parse(first.body.expiresAt), 'a fresh week');
      const check = async (link: string) => (await call(t, null, 'GET', `/api/admin/auth/invitation?token=${tokenOf(link)}`)).body.valid;
      assert.deepEqual([await check(first.body.link), await check(again.body.link)], [false, true], 'only the new link works');
      const open = (await call(t, admin, 'GET', '/api/admin/invitations')).body.invitations as { id: number }[];
      assert.deepEqual(open.map((i) => i.id), [again.body.id]);
      assert.equal((await call(t, admin, 'POST', `/api/admin/invitations/${first.body.id}/resend`)).status, 404, 'the old one is void');
      assert.equal((await call(t, editor, 'POST', `/api/admin/invitations/${again.body.id}/resend`)).status, 403);
      const forAdmin = await call(t, owner, 'POST', '/api/admin/invitations', { email: 'deputy@khabar.test', role: 'admin' });
      assert.equal((await call(t, admin, 'POST', `/api/admin/invitations/${forAdmin.body.id}/resend`)).status, 403, 'only an owner resends an admin invitation');

      // The audit log by day: the first invitation three days ago, the resend today.
      const today = t.clock.now().toISOString().slice(0, 10);
      const before = new Date(t.clock.now().getTime() - 3 * 24 * 3600_000).toISOString().slice(0, 10);
      const on = async (q: string) => ((await call(t, admin, 'GET', `/api/admin/audit?${q}`)).body.entries as { action: string }[]).map((e) => e.action);
      assert.deepEqual((await on(`from=${before}&to=${before}&action=invitation.create`)), ['invitation.create']);
      assert.deepEqual((await on(`from=${today}&action=invitation.resend`)), ['invitation.resend']);
      assert.deepEqual((await on(`to=${before}&action=invitation.resend`)), []);
      assert.equal((await call(t, admin, 'GET', '/api/admin/audit?from=last-week')).status, 400);

      // Media: in use by an article (refused, naming it), then unused (deleted with its files).
      const pic = await upload(t, editor, { name: 'river.jpg', type: 'image/jpeg', bytes: await jpeg() });
      const id = pic.body.media.id as number;
      const key = pic.body.media.storage_key as string;
      const article = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Water prices rise', heroMediaId: id, heroAlt: 'The river' });
      assert.equal(article.status, 201, JSON.stringify(article.body));
      const refused = await call(t, editor, 'DELETE', `/api/admin/media/${id}`);
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /in use.*article “Water prices rise”/);
      const uses = (await call(t, editor, 'GET', `/api/admin/media/${id}/usage`)).body.uses;
      assert.deepEqual(uses, [{ kind: 'article', id: article.body.id, name: 'Water prices rise' }]);
      const contributor = (await signInAs(t, 'contributor')).headers;
      assert.equal((await call(t, contributor, 'DELETE', `/api/admin/media/${id}`)).status, 403, 'not their upload');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${article.body.id}`, { heroMediaId: null })).status, 200);
      assert.ok(await t.ctx.media.get(key.replace(/^(.+)\/([0-9a-f]+)-\d+\.jpg$/, 'masters/$1/$2.png')), 'the master is stored');
      assert.equal((await call(t, editor, 'DELETE', `/api/admin/media/${id}`)).status, 204);
      assert.equal(await t.ctx.media.get(key.replace(/^(.+)\/([0-9a-f]+)-\d+\.jpg$/, 'masters/$1/$2.png')), null, 'its files are gone');
      assert.equal((await call(t, editor, 'GET', `/api/admin/media/${id}`)).status, 404);
      assert.equal((await call(t, editor, 'DELETE', `/api/admin/media/${id}`)).status, 404);
      assert.deepEqual(await on('action=media.delete'), ['media.delete']);
    } finally {
      await t.close();
    }
  });
}
