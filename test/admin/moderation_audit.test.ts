// The moderation queue in every state with a search by text, name, email and article; approving, spamming, trashing
// and blocking written in the audit log; and the audit log answering what each entry is about (the story's
// headline and the commenter) so the app can read it as a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { call } from './api.ts';

async function comment(t: TestApp, articleId: number, name: string, email: string | null, body: string, status: 'pending' | 'approved' | 'spam' | 'trash') {
  const now = t.clock.now().toISOString();
  const { id } = await t.ctx.db.insertInto('comments').values({
    article_id: articleId, parent_id: null, depth: 0, author_name: name, author_email: email, ip: '192.0.2.1', network: '192.0.2.0/24',
    body, body_hash: `${body}-${name}`, status, score: 0, reasons: '[]', report_count: 0, created_at: now, updated_at: now, edited_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

for (const dialect of testDialects()) {
  test(`moderation in every state, searched, and audited as sentences (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const actor = { userId: null };
      const roads = await createArticle(t.ctx, { headline: 'Roads reopen after the snow', bodyHtml: '<p>Text.</p>' }, actor);
      await publishArticle(t.ctx, roads, actor);
      const bread = await createArticle(t.ctx, { headline: 'Bread prices rise', bodyHtml: '<p>Text.</p>' }, actor);
      await publishArticle(t.ctx, bread, actor);
      const held = await comment(t, roads, 'Zahra', 'zahra@example.org', 'When does the Salang open?', 'pending');
      const kept = await comment(t, bread, 'Omid', 'omid@example.org', 'Flour is dearer too', 'approved');
      await comment(t, bread, 'Spammer', 'cheap@pills.example', 'Cheap pills here', 'spam');
      await comment(t, roads, 'Old', null, 'An old remark', 'trash');
      const editor = await signInAs(t, 'editor', { name: 'Farida Noori' });
      const list = async (q: string) => ((await call(t, editor.headers, 'GET', `/api/admin/comments${q}`)).body.comments as { id: number; author_name: string }[]).map((c) => c.author_name);

      assert.deepEqual((await list('')).sort(), ['Old', 'Omid', 'Spammer', 'Zahra'], 'all states');
      assert.deepEqual(await list('?status=trash'), ['Old']);
      assert.deepEqual(await list('?status=approved'), ['Omid']);
      assert.deepEqual(await list('?q=salang'), ['Zahra'], 'by the comment\'s text, whatever its case');
      assert.deepEqual(await list('?q=omid'), ['Omid'], 'by name');
      assert.deepEqual(await list('?q=pills.example'), ['Spammer'], 'by email');
      assert.deepEqual((await list('?q=bread%20prices')).sort(), ['Omid', 'Spammer'], 'by the article\'s headline');
      assert.deepEqual(await list('?q=bread%20prices&status=spam'), ['Spammer']);
      assert.deepEqual(await list('?q=100%25'), [], 'a % is a character, not a wildcard');

      assert.equal((await call(t, editor.headers, 'POST', `/api/admin/comments/${held}/approve`)).status, 200);
      assert.equal((await call(t, editor.headers, 'POST', '/api/admin/comments/bulk', { ids: [kept], action: 'spam' })).status, 200);
      assert.equal((await call(t, editor.headers, 'POST', '/api/admin/comments/bulk', { ids: [kept], action: 'trash' })).status, 200);
      assert.equal((await call(t, editor.headers, 'POST', `/api/admin/comments/${kept}/block`, { kind: 'email' })).status, 201);

      const owner = await signInAs(t, 'owner');
      const entries = (await call(t, owner.headers, 'GET', '/api/admin/audit?limit=20')).body.entries as
        { action: string; actor_name: string; subject: string; about: { title: string; href: string; commenter?: string } | null }[];
      const of = (action: string) => entries.filter((e) => e.action === action);
      assert.equal(of('comment.approve').length, 1);
      assert.deepEqual(of('comment.approve')[0].about, { title: 'Roads reopen after the snow', href: `/admin/articles/${roads}`, commenter: 'Zahra' });
      assert.equal(of('comment.approve')[0].actor_name, 'Farida Noori');
      assert.equal(of('comment.spam')[0].subject, `comment:${kept}`);
      assert.equal(of('comment.trash')[0].about?.title, 'Bread prices rise');
      assert.equal(of('comment.block').length, 1);
      assert.equal(of('comment.block')[0].about?.commenter, 'Omid');
    } finally {
      await t.close();
    }
  });
}
