// Editorial control through HTTP, on every database: a published story changes only on Update (the public page,
// the feed, the Content API and search keep the live text, also as the clock moves), Update purges the cached page,
// discarding brings the live text back; two Publish or Update calls at once give exactly one success; an author's
// story goes through review when the site says so, is sent back with a note and published by an editor; revisions
// are kept for each save and Update, with a checkpoint every few minutes of typing, and compare word by word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, type Headers } from './api.ts';
import { CHECKPOINT_MS } from '../../src/content/revisions.ts';

const LIVE = { headline: 'Wheat convoy reaches Herat', standfirst: 'Forty lorries crossed overnight.', bodyHtml: '<p>The convoy arrived at dawn after a long wait.</p>' };

async function publishedStory(t: TestApp, editor: Headers): Promise<{ id: number; slug: string }> {
  const made = await call(t, editor, 'POST', '/api/admin/articles', LIVE);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const pub = await call(t, editor, 'POST', `/api/admin/articles/${made.body.id}/publish`);
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  return { id: made.body.id, slug: pub.body.article.slug };
}

async function publicTexts(t: TestApp, slug: string, key: string) {
  const page = await t.app.inject({ url: `/articles/${slug}` });
  const feed = await t.app.inject({ url: '/feed' });
  const api = await call(t, { authorization: `Bearer ${key}` }, 'GET', `/api/content/articles/${slug}`);
  const search = await t.app.inject({ url: `/search?q=${encodeURIComponent('convoy')}` });
  return { page: page.body, cache: page.headers['x-khabar-cache'], feed: feed.body, api: JSON.stringify(api.body), search: search.body };
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a published story changes only on Update; discarding brings the live text back`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const key = (await call(t, owner, 'POST', '/api/admin/api-keys', { name: 'App' })).body.key as string;
      const { id, slug } = await publishedStory(t, editor);
      const opened = (await call(t, editor, 'GET', `/api/admin/articles/${id}`)).body.article;
      assert.equal(opened.changes, null);
      assert.ok(!opened.moves.includes('update'), 'nothing to update yet');
      await t.app.inject({ url: `/articles/${slug}` });
      assert.equal((await t.app.inject({ url: `/articles/${slug}` })).headers['x-khabar-cache'], 'hit', 'the page is cached');

      t.clock.advance(2000);
      const typed = await call(t, editor, 'PUT', `/api/admin/articles/${id}/autosave?baseUpdatedAt=${encodeURIComponent(opened.updated_at)}`,
        { headline: 'Wheat convoy reaches Herat after week-long delay', bodyHtml: '<p>The convoy arrived at dawn, six days late.</p>' });
      assert.equal(typed.status, 200, JSON.stringify(typed.body));
      const editing = typed.body.article;
      assert.equal(editing.headline, 'Wheat convoy reaches Herat after week-long delay', 'the editor shows the working copy');
      assert.ok(editing.changes, 'the editor says there are unpublished changes');
      assert.ok(editing.moves.includes('update') && editing.moves.includes('discard'));

      for (const step of ['now', 'after 60 s']) {
        const now = await publicTexts(t, slug, key);
        assert.equal(now.cache, 'hit', `${step}: the cached page was not purged by a save`);
        for (const [where, text] of Object.entries({ page: now.page, feed: now.feed, api: now.api })) {
          assert.match(text, /Wheat convoy reaches Herat/, `${step}: ${where} shows the story`);
          assert.doesNotMatch(text, /week-long delay|six days late/, `${step}: ${where} keeps the live text`);
        }
        assert.doesNotMatch(now.search, /week-long delay/, `${step}: search keeps the live headline`);
        t.clock.advance(60_000);
      }

      // Preview shows the working copy.
      const preview = await call(t, editor, 'POST', `/api/admin/articles/${id}/preview`, {});
      assert.match((await t.app.inject({ url: new URL(preview.body.url).pathname })).body, /six days late/);

      // See the changes word by word.
      const seen = await call(t, editor, 'GET', `/api/admin/articles/${id}/changes`);
      assert.equal(seen.status, 200);
      assert.ok(seen.body.changes.headline.some((p: { added?: boolean; value: string }) => p.added && /week-long/.test(p.value)));
      assert.ok(seen.body.changes.body.some((p: { removed?: boolean; value: string }) => p.removed && /after a long wait/.test(p.value)));

      // Update from an older version is refused; from the current one it goes public and the page is purged.
      const stale = await call(t, editor, 'POST', `/api/admin/articles/${id}/update?baseUpdatedAt=${encodeURIComponent(opened.updated_at)}`);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.field, 'updatedAt');
      const updated = await call(t, editor, 'POST', `/api/admin/articles/${id}/update?baseUpdatedAt=${encodeURIComponent(editing.updated_at)}`);
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      assert.equal(updated.body.article.changes, null);
      const after = await publicTexts(t, slug, key);
      assert.notEqual(after.cache, 'hit', 'Update purged the cached page');
      for (const text of [after.page, after.feed, after.api]) assert.match(text, /week-long delay/);
      assert.match(after.search, /week-long delay/, 'the search index follows Update');
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/update`)).status, 409, 'nothing left to update');

      // Discard: the editor shows the live text again, nothing public changes.
      t.clock.advance(1000);
      const again = await call(t, editor, 'PATCH', `/api/admin/articles/${id}`, { standfirst: 'A draft line nobody should see.' });
      assert.equal(again.status, 200);
      assert.equal(again.body.article.standfirst, 'A draft line nobody should see.');
      const discarded = await call(t, editor, 'DELETE', `/api/admin/articles/${id}/changes`);
      assert.equal(discarded.status, 200, JSON.stringify(discarded.body));
      assert.equal(discarded.body.article.standfirst, LIVE.standfirst);
      assert.equal(discarded.body.article.changes, null);
      assert.equal((await call(t, editor, 'DELETE', `/api/admin/articles/${id}/changes`)).status, 409, 'nothing left to discard');

      const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('subject', '=', `article:${id}`).orderBy('id').execute()).map((r) => r.action);
      assert.deepEqual(actions, ['article.publish', 'article.update', 'article.discard_changes']);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] two Publish or two Update calls at once: exactly one succeeds, nothing is half-done`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const a = (await signInAs(t, 'editor')).headers;
      const b = (await signInAs(t, 'editor')).headers;
      const made = await call(t, a, 'POST', '/api/admin/articles', LIVE);
      const id = made.body.id;
      const pubs = await Promise.all([call(t, a, 'POST', `/api/admin/articles/${id}/publish`), call(t, b, 'POST', `/api/admin/articles/${id}/publish`)]);
      assert.deepEqual(pubs.map((r) => r.status).sort(), [200, 409], JSON.stringify(pubs.map((r) => r.body)));
      const count = async (action: string) => (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', action).where('subject', '=', `article:${id}`).execute()).length;
      const revisions = async (note: string) => (await t.ctx.db.selectFrom('article_revisions').select('id').where('article_id', '=', id).where('note', '=', note).execute()).length;
      assert.equal(await count('article.publish'), 1);
      assert.equal(await revisions('published'), 1);

      await call(t, a, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Wheat convoy reaches Herat at last' });
      const ups = await Promise.all([call(t, a, 'POST', `/api/admin/articles/${id}/update`), call(t, b, 'POST', `/api/admin/articles/${id}/update`)]);
      assert.deepEqual(ups.map((r) => r.status).sort(), [200, 409], JSON.stringify(ups.map((r) => r.body)));
      assert.equal(await count('article.update'), 1);
      assert.equal(await revisions('updated'), 1);
      const stored = await t.ctx.db.selectFrom('articles').select(['headline', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { headline: 'Wheat convoy reaches Herat at last', status: 'published' });
      assert.equal((await t.ctx.db.selectFrom('article_working_copies').select('article_id').where('article_id', '=', id).execute()).length, 0);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] an author's story goes through review when the site says so`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const editor = (await signInAs(t, 'editor', { name: 'Desk Editor' })).headers;
      const author = (await signInAs(t, 'author', { name: 'Field Reporter' })).headers;
      const made = await call(t, author, 'POST', '/api/admin/articles', LIVE);
      const id = made.body.id;
      assert.ok((await call(t, author, 'GET', `/api/admin/articles/${id}`)).body.article.moves.includes('publish'), 'authors publish directly by default');

      assert.equal((await call(t, owner, 'PATCH', '/api/admin/settings', { authorsSubmitForReview: true })).status, 200);
      const mine = (await call(t, author, 'GET', `/api/admin/articles/${id}`)).body.article;
      assert.deepEqual(mine.moves, ['submit']);
      const refused = await call(t, author, 'POST', `/api/admin/articles/${id}/publish`);
      assert.equal(refused.status, 403);
      assert.match(refused.body.error.message, /submit it for review/);

      t.clock.advance(60_000);
      assert.equal((await call(t, author, 'POST', `/api/admin/articles/${id}/submit`)).status, 200);
      const queue = await call(t, editor, 'GET', '/api/admin/reviews');
      assert.equal(queue.body.waiting.length, 1);
      assert.equal(queue.body.waiting[0].submitted_by_name, 'Field Reporter');
      assert.equal(queue.body.waiting[0].submitted_at, t.clock.now().toISOString());

      assert.equal((await call(t, author, 'POST', `/api/admin/articles/${id}/send-back`, { note: 'x' })).status, 403, 'a writer does not send back');
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/send-back`, { note: '' })).status, 400, 'a note is required');
      const back = await call(t, editor, 'POST', `/api/admin/articles/${id}/send-back`, { note: 'Name the second source, please.' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.article.status, 'draft');
      const seen = (await call(t, author, 'GET', `/api/admin/articles/${id}`)).body.article;
      assert.equal(seen.review.note, 'Name the second source, please.');
      assert.equal(seen.review.sent_back_by_name, 'Desk Editor');
      assert.equal((await call(t, author, 'GET', '/api/admin/reviews')).body.sentBack[0].id, id, 'the writer\'s dashboard lists it');

      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${id}`, { bodyHtml: '<p>The convoy arrived at dawn, the governor\'s office said.</p>' })).status, 200);
      assert.equal((await call(t, author, 'POST', `/api/admin/articles/${id}/submit`)).status, 200);
      assert.equal((await call(t, author, 'GET', `/api/admin/articles/${id}`)).body.article.review.note, '', 'a new round clears the note');
      const pub = await call(t, editor, 'POST', `/api/admin/articles/${id}/publish`);
      assert.equal(pub.status, 200);
      assert.match((await t.app.inject({ url: `/articles/${pub.body.article.slug}` })).body, /governor&#x27;s office said|governor’s office said|governor's office said/);
      const after = (await call(t, editor, 'GET', '/api/admin/reviews')).body;
      assert.deepEqual([after.waiting.length, after.sentBack.length], [0, 0]);
      // the published story is now out of the author's hands while review is required
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Changed' })).status, 403);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] revisions: each save and Update, a checkpoint every few minutes of typing, compared word by word`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const made = await call(t, editor, 'POST', '/api/admin/articles', { ...LIVE, bodyHtml: '<p>First draft of the convoy story.</p>' });
      const id = made.body.id;
      // an hour of typing, a keystroke burst every 20 s: checkpoints, not one revision per autosave
      for (let i = 0; i < 180; i++) {
        t.clock.advance(20_000);
        const r = await call(t, editor, 'PUT', `/api/admin/articles/${id}/autosave`, { bodyHtml: `<p>First draft of the convoy story, take ${i}.</p>` });
        assert.equal(r.status, 200);
      }
      const list = (await call(t, editor, 'GET', `/api/admin/articles/${id}/revisions`)).body.revisions;
      const checkpoints = list.filter((r: { note: string }) => r.note === 'autosave').length;
      assert.equal(checkpoints, Math.ceil((180 * 20_000) / CHECKPOINT_MS), 'one checkpoint per span of typing');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${id}`, { bodyHtml: '<p>Second draft of the convoy story.</p>' })).status, 200);
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/publish`)).status, 200);
      t.clock.advance(60_000);
      await call(t, editor, 'PATCH', `/api/admin/articles/${id}`, { bodyHtml: '<p>Final version of the convoy story with quotes.</p>' });
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/update`)).status, 200);
      const all = (await call(t, editor, 'GET', `/api/admin/articles/${id}/revisions`)).body.revisions;
      assert.deepEqual(all.slice(0, 3).map((r: { note: string }) => r.note), ['updated', 'edited', 'published']);
      const diff = await call(t, editor, 'GET', `/api/admin/articles/${id}/revisions/diff?from=${all.at(-1).id}&to=${all[0].id}`);
      const removed = diff.body.diff.body.filter((p: { removed?: boolean }) => p.removed).map((p: { value: string }) => p.value).join(' ');
      const added = diff.body.diff.body.filter((p: { added?: boolean }) => p.added).map((p: { value: string }) => p.value).join(' ');
      assert.match(removed, /First/);
      assert.match(added, /Final/);
      assert.match(added, /quotes/);
    } finally {
      await t.close();
    }
  });
}
