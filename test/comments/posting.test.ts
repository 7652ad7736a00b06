import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge } from 'altcha-lib';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solve, solvedPayload, postForm } from './fixtures.ts';
import { updateSettings } from '../../src/content/settings.ts';

for (const dialect of testDialects()) {
  test(`posting comments with the proof of work (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    const events: string[] = [];
    a.ctx.events.on('comment.changed', (e) => { events.push(`${e.commentId}:${e.status}`); });
    try {
      await cheapSettings(a.ctx);
      const articleId = String(await publishedArticle(a.ctx));
      const stored = (id: number) => a.ctx.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

      await t.test('the challenge is signed, fresh each time and never cached', async () => {
        const r1 = await a.app.inject({ url: '/comments/challenge' });
        const r2 = await a.app.inject({ url: '/comments/challenge' });
        assert.equal(r1.statusCode, 200);
        assert.equal(r1.headers['cache-control'], 'no-store');
        const c1 = r1.json() as Challenge;
        assert.equal(c1.parameters.algorithm, 'SHA-256');
        assert.match(c1.signature ?? '', /^[0-9a-f]{64}$/);
        assert.notEqual(c1.parameters.nonce, (r2.json() as Challenge).parameters.nonce);
      });

      await t.test('a solved comment is published, stored verbatim, announced, and never shows email or address', async () => {
        const body = "Robert'); DROP TABLE comments;-- \\ % _ \" ` $1 ; SELECT * FROM users WHERE 'a'='a'";
        const r = await postForm(a.app, { article_id: articleId, comment: body, name: "O'Brien \"the\" -- ; %", email: 'Reader@Example.org', altcha: await solvedPayload(a.app) });
        assert.equal(r.statusCode, 200, r.body);
        const j = r.json();
        assert.equal(j.status, 'approved');
        assert.equal(j.message, 'Thank you! Your comment is published.');
        const row = await stored(j.commentId);
        assert.equal(row.body, body);
        assert.equal(row.author_name, "O'Brien \"the\" -- ; %");
        assert.equal(row.author_email, 'reader@example.org');
        assert.equal(row.ip, '198.51.100.7');
        assert.equal(row.network, '198.51.100.0/24');
        assert.ok(!j.html.includes('reader@example.org') && !j.html.includes('198.51.100'));
        assert.ok(events.includes(`${j.commentId}:approved`));
        const decisions = await a.ctx.db.selectFrom('comment_decisions').selectAll().where('comment_id', '=', j.commentId).execute();
        assert.equal(decisions[0].action, 'received');
      });

      await t.test('a replayed solution is refused, also after a restart (kept in the database)', async () => {
        const altcha = await solvedPayload(a.app);
        const ok = await postForm(a.app, { article_id: articleId, comment: 'First use of a solution', name: 'Ahmad', altcha }, { 'x-test-ip': '198.51.100.20' });
        assert.equal(ok.statusCode, 200);
        const again = await postForm(a.app, { article_id: articleId, comment: 'Second use of the same solution', name: 'Ahmad', altcha }, { 'x-test-ip': '198.51.100.21' });
        assert.equal(again.statusCode, 403);
        assert.match(again.json().error.message, /already used/);
        // A second app on the same database stands in for a restarted or another instance.
        const { buildApp } = await import('../../src/app.ts');
        const other = await buildApp(a.ctx);
        try {
          const r = await postForm(other, { article_id: articleId, comment: 'Third use, other instance', name: 'Ahmad', altcha }, { 'x-test-ip': '198.51.100.22' });
          assert.equal(r.statusCode, 403);
        } finally {
          await other.close();
        }
      });

      await t.test('forged, tampered, malformed and expired proofs are refused with the captcha message', async () => {
        const res = await a.app.inject({ url: '/comments/challenge' });
        const challenge = res.json() as Challenge;
        const good = JSON.parse(Buffer.from(await solve(challenge), 'base64').toString());
        const cases: Record<string, string> = {
          'wrong key': Buffer.from(JSON.stringify({ ...good, solution: { ...good.solution, derivedKey: 'ab'.repeat(32) } })).toString('base64'),
          'cheaper cost': Buffer.from(JSON.stringify({ ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1, keyPrefix: '' } } })).toString('base64'),
          'no signature': Buffer.from(JSON.stringify({ ...good, challenge: { parameters: good.challenge.parameters } })).toString('base64'),
          'not base64 json': 'this is not a payload',
          'json array': Buffer.from('[1,2,3]').toString('base64'),
          'huge': 'A'.repeat(10_000),
        };
        for (const [name, altcha] of Object.entries(cases)) {
          const r = await postForm(a.app, { article_id: articleId, comment: `Forged proof: ${name}`, name: 'Bot' }, { 'x-test-ip': '192.0.2.50' }).then(() =>
            postForm(a.app, { article_id: articleId, comment: `Forged proof attempt ${name}`, name: 'Bot', altcha }, { 'x-test-ip': '192.0.2.51' }));
          assert.equal(r.statusCode, 403, name);
          assert.equal(r.json().error.message, 'Captcha verification failed!', name);
        }
        a.clock.advance(3 * 3600_000);
        const late = await postForm(a.app, { article_id: articleId, comment: 'Solved long ago, sent now', name: 'Slow' }, { 'x-test-ip': '192.0.2.52' })
          .then(() => postForm(a.app, { article_id: articleId, comment: 'Solved long ago and sent now', name: 'Slow', altcha: Buffer.from(JSON.stringify(good)).toString('base64') }, { 'x-test-ip': '192.0.2.53' }));
        assert.equal(late.statusCode, 403);
      });

      await t.test('submitting less than 3 s after the challenge is refused; the same solution works after waiting', async () => {
        const { updateCommentSettings } = await import('../../src/comments/settings.ts');
        await updateCommentSettings(a.ctx, { minSubmitSeconds: 3 });
        const altcha = await solvedPayload(a.app);
        a.clock.advance(2000);
        const fast = await postForm(a.app, { article_id: articleId, comment: 'Typed at machine speed', name: 'Quick' }, {}).then(() =>
          postForm(a.app, { article_id: articleId, comment: 'Typed at machine speed!', name: 'Quick', altcha }, { 'x-test-ip': '192.0.2.60' }));
        assert.equal(fast.statusCode, 429);
        assert.match(fast.json().error.message, /very quick/);
        a.clock.advance(1500);
        const ok = await postForm(a.app, { article_id: articleId, comment: 'Typed at human speed', name: 'Quick', altcha }, { 'x-test-ip': '192.0.2.60' });
        assert.equal(ok.statusCode, 200, ok.body);
        await updateCommentSettings(a.ctx, { minSubmitSeconds: 0 });
      });

      await t.test('without a proof of work a comment is refused, not held, and the page says why and keeps the text', async () => {
        const r = await postForm(a.app, { article_id: articleId, comment: 'Posted from a text browser', name: 'Lynx' }, { accept: 'text/html', 'x-test-ip': '192.0.2.70' });
        assert.equal(r.statusCode, 403);
        assert.match(r.headers['content-type'] as string, /text\/html/);
        assert.match(r.body, /needs JavaScript/);
        assert.match(r.body, /Posted from a text browser/, 'the reader keeps what they typed');
        assert.match(r.body, /<header class="masthead">/, "the site's own page");
        const row = await a.ctx.db.selectFrom('comments').selectAll().where('author_name', '=', 'Lynx').executeTakeFirst();
        assert.equal(row, undefined, 'nothing reaches the moderation queue');
      });

      await t.test('a published comment without JavaScript redirects to its place on the article page', async () => {
        const r = await postForm(a.app, { article_id: articleId, comment: 'Published the old-fashioned way', name: 'Nasrin', altcha: await solvedPayload(a.app) }, { accept: 'text/html', 'x-test-ip': '192.0.2.71' });
        assert.equal(r.statusCode, 303);
        assert.match(r.headers.location as string, /^\/articles\/floods-reach-kabul#comment-\d+$/);
      });

      await t.test('a filled honeypot pretends success and files the comment as spam', async () => {
        const r = await postForm(a.app, { article_id: articleId, comment: 'Great post, visit my site', name: 'Bot', website: 'http://spam.example', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.80' });
        assert.equal(r.statusCode, 200);
        assert.equal(r.json().status, 'pending');
        assert.equal(r.json().html, undefined);
        const row = await a.ctx.db.selectFrom('comments').selectAll().where('author_name', '=', 'Bot').where('body', '=', 'Great post, visit my site').executeTakeFirstOrThrow();
        assert.equal(row.status, 'spam');
      });

      await t.test('every refusal re-renders the form with what the reader typed and the catalog message', async () => {
        const cases: [Record<string, string>, number, string][] = [
          [{ comment: '', name: 'Farid' }, 400, 'Please enter your comment!'],
          [{ comment: 'Kept text <b>here</b> & there', name: '' }, 400, 'Please enter your name here'],
          [{ comment: 'x'.repeat(3001), name: 'Farid' }, 400, 'Your comment is too long'],
          [{ comment: 'Bad email here', name: 'Farid', email: 'not-an-email' }, 400, 'Please check your email address'],
          [{ comment: 'A forged proof', name: 'Farid', altcha: 'Zm9yZ2Vk' }, 403, 'Captcha verification failed!'],
        ];
        for (const [fields, status, message] of cases) {
          const r = await postForm(a.app, { article_id: articleId, ...fields }, { accept: 'text/html', 'x-test-ip': '192.0.2.90' });
          assert.equal(r.statusCode, status, JSON.stringify(fields));
          assert.ok(r.body.includes(message), `${message} in page`);
          const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
          const typed = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(r.body)?.[1] ?? '';
          assert.equal(unescape(typed), fields.comment, 'comment kept');
          if (fields.name) assert.ok(r.body.includes(`value="${fields.name}"`), 'name kept');
          if (fields.email) assert.ok(r.body.includes(`value="${fields.email}"`), 'email kept');
        }
        const j = await postForm(a.app, { article_id: articleId, comment: '', name: 'Farid' });
        assert.deepEqual(j.json().error, { status: 400, code: 'body_required', message: 'Please enter your comment!', field: 'comment' });
      });

      await t.test('closed and unknown articles get clear 4xx answers', async () => {
        const closed = String(await publishedArticle(a.ctx, { headline: 'Closed story', commentsOpen: false }));
        const r1 = await postForm(a.app, { article_id: closed, comment: 'Can I still comment?', name: 'Late' });
        assert.equal(r1.statusCode, 403);
        assert.equal(r1.json().error.message, 'Comments are closed on this article.');
        for (const id of ['999999', '0', '-1', 'abc', '1e3', '99999999999999']) {
          const r = await postForm(a.app, { article_id: id, comment: 'Where does this go?', name: 'Lost' });
          assert.equal(r.statusCode, 404, id);
        }
        await updateSettings(a.ctx, { commentsCloseAfterDays: 30 });
        a.clock.advance(31 * 86400_000);
        const old = await postForm(a.app, { article_id: articleId, comment: 'A month later', name: 'Late' });
        assert.equal(old.statusCode, 403);
        await updateSettings(a.ctx, { commentsCloseAfterDays: null });
      });

      await t.test('replies nest under an approved parent, and only there', async () => {
        const parent = await postForm(a.app, { article_id: articleId, comment: 'Top-level comment for replies', name: 'P', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.100' });
        let parentId = String(parent.json().commentId);
        for (let depth = 1; depth <= 4; depth++) {
          const r = await postForm(a.app, { article_id: articleId, parent_id: parentId, comment: `Reply at depth ${depth}`, name: 'R', altcha: await solvedPayload(a.app) }, { 'x-test-ip': `192.0.2.${100 + depth}` });
          assert.equal(r.statusCode, 200, r.body);
          const row = await stored(r.json().commentId);
          assert.equal(row.depth, Math.min(depth, 3));
          parentId = String(row.id);
        }
        const other = String(await publishedArticle(a.ctx, { headline: 'Another story' }));
        const wrong = await postForm(a.app, { article_id: other, parent_id: parentId, comment: 'Reply on the wrong article', name: 'R' });
        assert.equal(wrong.statusCode, 400);
      });
    } finally {
      await a.close();
    }
  });
}
