// Writes that reach another capability's data through a side door, and reading that follows one rule:
// - site settings through the comment settings (an editor holds comments.moderate, not settings.manage);
// - new tags through an article (a contributor may not create tags);
// - invitations to be an admin voided by an admin (only an owner makes them);
// - someone else's draft read through GET /articles/{id} and the list, while its revisions and preview are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { getSettings } from '../../src/content/settings.ts';
import { call } from './api.ts';

async function auditCount(t: TestApp, action: string): Promise<number> {
  const r = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function tagCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const dialect of testDialects()) {
  test(`[${dialect}] site settings change only with settings.manage, also through the comment settings, and every change is audited`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const admin = (await signInAs(t, 'admin')).headers;
      const before = await getSettings(t.ctx.db);

      const side = await call(t, editor, 'PATCH', '/api/admin/comments/settings', { moderateAll: true, commentsCloseAfterDays: 3650 });
      assert.equal(side.status, 403, JSON.stringify(side.body));
      assert.equal((await call(t, editor, 'PATCH', '/api/admin/comments/settings', { commentsCloseAfterDays: 3650 })).status, 403);
      assert.equal((await call(t, editor, 'PATCH', '/api/admin/comments/settings', { comments: { bodyMax: 2000 }, moderateAll: true })).status, 403);
      const after = await getSettings(t.ctx.db);
      assert.equal(after.moderateAll, before.moderateAll);
      assert.equal(after.commentsCloseAfterDays, before.commentsCloseAfterDays);
      assert.equal((await call(t, editor, 'PATCH', '/api/admin/settings', { moderateAll: true })).status, 403);

      // The editor's own comment settings still change, and that is in the audit log (the secret's value is not).
      const own = await call(t, editor, 'PATCH', '/api/admin/comments/settings', { comments: { bodyMax: 2000, captchaSecret: 'do-not-log-me' } });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      assert.equal(own.body.comments.bodyMax, 2000);
      assert.equal(await auditCount(t, 'settings.comments'), 1);
      const entry = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'settings.comments').executeTakeFirstOrThrow();
      assert.ok(!entry.detail.includes('do-not-log-me'), entry.detail);

      // No stored setting may point the captcha check at an address of someone's choosing.
      const url = await call(t, admin, 'PATCH', '/api/admin/comments/settings', { comments: { captchaVerifyUrl: 'http://169.254.169.254/steal' } });
      assert.equal(url.status, 400, JSON.stringify(url.body));
      assert.match(url.body.error.field, /captchaVerifyUrl/);

      // An admin holds settings.manage: the same change goes through, audited.
      const ok = await call(t, admin, 'PATCH', '/api/admin/comments/settings', { moderateAll: true, commentsCloseAfterDays: 30 });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.moderateAll, true);
      assert.equal((await getSettings(t.ctx.db)).commentsCloseAfterDays, 30);
      assert.equal(await auditCount(t, 'settings.comments'), 2);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] naming a tag that does not exist needs tags.manage; others get a field error naming it`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const contributor = (await signInAs(t, 'contributor')).headers;
      const author = (await signInAs(t, 'author')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      assert.equal((await call(t, contributor, 'POST', '/api/admin/tags', { name: 'newtag-abc123' })).status, 403);
      assert.equal((await call(t, editor, 'POST', '/api/admin/tags', { name: 'Borders' })).status, 201);
      const tags = await tagCount(t);

      const refused = await call(t, contributor, 'POST', '/api/admin/articles', { headline: 'x', tags: ['newtag-abc123'] });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.field, 'tags');
      assert.match(refused.body.error.message, /newtag-abc123/);
      assert.equal(await tagCount(t), tags, 'no tag was made');
      const articles = await t.ctx.db.selectFrom('articles').select('id').execute();
      assert.equal(articles.length, 0, 'and no article');

      // Existing tags are the contributor's to use, on a new article and on an edit.
      const made = await call(t, contributor, 'POST', '/api/admin/articles', { headline: 'Border story', tags: ['Borders'] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const edit = await call(t, contributor, 'PATCH', `/api/admin/articles/${made.body.id}`, { tags: ['Borders', 'sneaky-new-tag'] });
      assert.equal(edit.status, 400);
      assert.equal(edit.body.error.field, 'tags');
      assert.equal(await tagCount(t), tags);
      // Authors hold tags.manage: a new tag through an article is theirs to make.
      assert.equal((await call(t, author, 'POST', '/api/admin/articles', { headline: 'y', tags: ['Fresh tag'] })).status, 201);
      assert.equal(await tagCount(t), tags + 1);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] an admin can neither make nor void an invitation to be an owner or admin`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const admin = (await signInAs(t, 'admin')).headers;
      const high = await call(t, owner, 'POST', '/api/admin/invitations', { email: 'boss@newsroom.test', role: 'admin' });
      assert.equal(high.status, 201, JSON.stringify(high.body));
      assert.equal((await call(t, admin, 'POST', '/api/admin/invitations', { email: 'boss2@newsroom.test', role: 'admin' })).status, 403);
      assert.equal((await call(t, admin, 'DELETE', `/api/admin/invitations/${high.body.id}`)).status, 403);
      const open = (await call(t, owner, 'GET', '/api/admin/invitations')).body.invitations;
      assert.ok(open.some((i: { id: number }) => i.id === high.body.id), 'the invitation still stands');
      // An invitation the admin may make, the admin may void.
      const low = await call(t, admin, 'POST', '/api/admin/invitations', { email: 'writer@newsroom.test', role: 'author' });
      assert.equal((await call(t, admin, 'DELETE', `/api/admin/invitations/${low.body.id}`)).status, 204);
      assert.equal((await call(t, owner, 'DELETE', `/api/admin/invitations/${high.body.id}`)).status, 204);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] reading an article follows one rule: own work plus what the role may edit (get, list, revisions, preview)`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const alice = (await signInAs(t, 'author')).headers;
      const bob = (await signInAs(t, 'author')).headers;
      const carol = (await signInAs(t, 'contributor')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const draft = await call(t, alice, 'POST', '/api/admin/articles', { headline: 'Secret draft about the ministry', bodyHtml: '<p>Unpublished.</p>' });
      const id = draft.body.id;
      for (const who of [bob, carol]) {
        for (const url of [`/api/admin/articles/${id}`, `/api/admin/articles/${id}/revisions`]) {
          const r = await call(t, who, 'GET', url);
          assert.equal(r.status, 403, `${url}: ${JSON.stringify(r.body).slice(0, 200)}`);
        }
        assert.equal((await call(t, who, 'POST', `/api/admin/articles/${id}/preview`, {})).status, 403);
        const list = await call(t, who, 'GET', '/api/admin/articles');
        assert.equal(list.status, 200);
        assert.ok(!list.body.articles.some((a: { id: number }) => a.id === id), 'not in their list either');
        assert.equal(list.body.total, 0);
        const search = await call(t, who, 'GET', '/api/admin/articles?q=ministry');
        assert.equal(search.body.total, 0);
      }
      // The owner of the draft and an editor read all of it.
      for (const who of [alice, editor]) {
        assert.equal((await call(t, who, 'GET', `/api/admin/articles/${id}`)).status, 200);
        assert.equal((await call(t, who, 'GET', `/api/admin/articles/${id}/revisions`)).status, 200);
        assert.equal((await call(t, who, 'POST', `/api/admin/articles/${id}/preview`, {})).status, 200);
        assert.ok((await call(t, who, 'GET', '/api/admin/articles')).body.articles.some((a: { id: number }) => a.id === id));
      }
    } finally {
      await t.close();
    }
  });
}
