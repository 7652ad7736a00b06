import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { createArticle, updateArticle, getArticle, publishArticle, scheduleArticle, publishDueArticles, archiveArticle,
  deleteArticle, addCorrection, submitForReview, unpublishArticle } from '../../src/content/articles.ts';
import { listRevisions, diffRevisions } from '../../src/content/revisions.ts';
import { restoreRevision } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson } from '../../src/content/people.ts';
import { findRedirect } from '../../src/content/redirects.ts';
import { ValidationError, ConflictError, NotFoundError } from '../../src/errors.ts';

const actor = { userId: null };

for (const dialect of testDialects()) {
  test(`articles: create, edit with revisions, slug history, restore (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const sectionId = await createSection(ctx, { name: 'Immigration News' });
      const a1 = await createPerson(ctx, { name: 'Mina Rahimi', bio: 'Reporter' });
      const a2 = await createPerson(ctx, { name: 'Omar Noori' });
      const id = await createArticle(ctx, {
        headline: 'Border crossings <b>rise</b>', standfirst: 'Numbers up', sectionId, authorIds: [a2, a1], tags: ['Border', 'Refugees', 'border'],
        bodyHtml: '<p onclick="x()">First <script>alert(1)</script>para</p><p><a href="javascript:alert(1)">bad</a> <a href="https://example.org/x">good</a></p><img src=x onerror=alert(1)>',
      }, actor);
      let a = (await getArticle(ctx.db, id))!;
      assert.equal(a.slug, 'border-crossings-b-rise-b');
      assert.equal(a.headline, 'Border crossings <b>rise</b>', 'headline kept as text; views escape it');
      assert.doesNotMatch(a.body_html, /script|onclick|onerror|javascript:/i);
      assert.match(a.body_html, /<a href="https:\/\/example.org\/x" rel="noopener noreferrer">good<\/a>/);
      assert.deepEqual(a.authorIds, [a2, a1], 'author order kept');
      assert.deepEqual(a.tags.map((x) => x.slug), ['border', 'refugees']);
      assert.equal(a.status, 'draft');
      assert.equal(a.word_count, 4, 'First para bad good');

      // a second article with the same headline gets a free slug
      const id2 = await createArticle(ctx, { headline: 'Border crossings <b>rise</b>' }, actor);
      assert.equal((await getArticle(ctx.db, id2))!.slug, 'border-crossings-b-rise-b-2');
      await assert.rejects(createArticle(ctx, { headline: 'x', slug: 'border-crossings-b-rise-b' }, actor), ConflictError);

      t.clock.advance(60_000);
      await updateArticle(ctx, id, { headline: 'Border crossings rise sharply', slug: 'border-crossings-rise' }, actor);
      a = (await getArticle(ctx.db, id))!;
      assert.equal(a.slug, 'border-crossings-rise');
      const old = await ctx.db.selectFrom('article_slugs').selectAll().execute();
      assert.deepEqual(old.map((o) => o.slug), ['border-crossings-b-rise-b']);
      await assert.rejects(updateArticle(ctx, id2, { slug: 'border-crossings-b-rise-b' }, actor), ConflictError, 'an old slug stays reserved');

      // autosaves replace each other
      await updateArticle(ctx, id, { standfirst: 'draft 1' }, actor, { autosave: true });
      await updateArticle(ctx, id, { standfirst: 'draft 2' }, actor, { autosave: true });
      const revs = await listRevisions(ctx.db, id);
      assert.deepEqual(revs.map((r) => r.note), ['autosave', 'edited', 'created']);
      const diff = await diffRevisions(ctx.db, id, revs[2].id, revs[1].id);
      assert.ok(diff.headline.some((p) => p.added && p.value.includes('sharply')));

      await restoreRevision(ctx, id, revs[2].id, actor);
      a = (await getArticle(ctx.db, id))!;
      assert.equal(a.headline, 'Border crossings <b>rise</b>');
      assert.equal(a.slug, 'border-crossings-rise', 'restoring content keeps the current address');
      assert.equal((await listRevisions(ctx.db, id))[0].note, `restored from revision ${revs[2].id}`);

      await assert.rejects(updateArticle(ctx, id, { sectionId: 9999 }, actor), (e: unknown) => e instanceof ValidationError && e.field === 'sectionId');
      await assert.rejects(updateArticle(ctx, id, { headline: '' }, actor), (e: unknown) => e instanceof ValidationError && e.field === 'headline');
      await assert.rejects(updateArticle(ctx, 424242, { headline: 'x' }, actor), NotFoundError);
    } finally {
      await t.close();
    }
  });

  test(`articles: review, publish, schedule exactly once, archive, delete leaves 410 (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const published: number[] = [];
      ctx.events.on('article.published', (e) => { published.push(e.articleId); });
      const id = await createArticle(ctx, { headline: 'Scheduled story' }, actor);
      await submitForReview(ctx, id, actor);
      await assert.rejects(scheduleArticle(ctx, id, new Date(t.clock.now().getTime() - 1000), actor), ValidationError);
      const at = new Date(t.clock.now().getTime() + 3600_000);
      await scheduleArticle(ctx, id, at, actor);
      assert.deepEqual(await publishDueArticles(ctx), [], 'not yet');
      t.clock.advance(3600_000);
      const [first, second] = await Promise.all([publishDueArticles(ctx), publishDueArticles(ctx)]);
      assert.deepEqual([...first, ...second], [id], 'published exactly once');
      assert.deepEqual(published, [id]);
      const a = (await getArticle(ctx.db, id))!;
      assert.equal(a.status, 'published');
      assert.equal(a.published_at, at.toISOString());

      await addCorrection(ctx, id, 'An earlier version misspelled a name.');
      await unpublishArticle(ctx, id, actor);
      t.clock.advance(1000);
      await publishArticle(ctx, id, actor);
      assert.equal((await getArticle(ctx.db, id))!.published_at, at.toISOString(), 'first publication time kept');
      await archiveArticle(ctx, id, actor);
      await assert.rejects(submitForReview(ctx, id, actor), ConflictError);
      await deleteArticle(ctx, id, actor);
      assert.equal(await getArticle(ctx.db, id), null);
      assert.deepEqual(await findRedirect(ctx.db, '/articles/scheduled-story'), { to_path: '', status_code: 410 });
    } finally {
      await t.close();
    }
  });
}
