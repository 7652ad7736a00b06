import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm } from './fixtures.ts';

for (const dialect of testDialects()) {
  test(`bad input and attacks on the comment form get clear 4xx, never 500 (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      await cheapSettings(a.ctx, { ipMaxPerTenMinutes: 10_000, ipMaxPerHour: 10_000, networkMaxPerHour: 10_000 });
      const articleId = String(await publishedArticle(a.ctx));
      const form = (fields: Record<string, string>) => new URLSearchParams({ article_id: articleId, ...fields }).toString();
      const count = async () => Number((await a.ctx.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

      await t.test('CSRF: a post from another site, or from nowhere, is refused and stores nothing', async () => {
        const before = await count();
        const altcha = await solvedPayload(a.app);
        const attacks: Record<string, Record<string, string>> = {
          'foreign origin': { origin: 'https://evil.example' },
          'null origin (sandboxed frame)': { origin: 'null' },
          'look-alike origin': { origin: 'http://localhost:80.evil.example' },
          'cross-site fetch metadata': { 'sec-fetch-site': 'cross-site' },
          'same-site subdomain': { 'sec-fetch-site': 'same-site' },
          'foreign referer': { referer: 'https://evil.example/page' },
          'no origin, no referer': {},
        };
        for (const [name, headers] of Object.entries(attacks)) {
          const r = await a.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
            payload: form({ comment: `CSRF ${name}`, name: 'Victim', altcha }) });
          assert.equal(r.statusCode, 403, name);
          assert.match(r.body, /another site/);
        }
        assert.equal(await count(), before);
        const report = await a.app.inject({ method: 'POST', url: '/comments/1/report', headers: { origin: 'https://evil.example' } });
        assert.equal(report.statusCode, 403);
        const ours = await a.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'http://localhost:80/articles/floods-reach-kabul', accept: 'application/json' },
          payload: form({ comment: 'Sent from our own page', name: 'Reader', altcha }) });
        assert.equal(ours.statusCode, 200, ours.body);
      });

      await t.test('wrong content types', async () => {
        for (const [type, payload] of [['text/plain', 'comment=hi&name=x'], ['multipart/form-data; boundary=x', '--x--'], ['application/xml', '<c/>'], ['application/octet-stream', 'abc']]) {
          const r = await a.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': type, origin: 'http://localhost:80' }, payload });
          assert.equal(r.statusCode, 415, type);
        }
      });

      await t.test('invalid UTF-8, malformed escapes and broken JSON', async () => {
        const bodies: [string, Buffer | string][] = [
          ['application/x-www-form-urlencoded', Buffer.concat([Buffer.from(`article_id=${articleId}&name=x&comment=`), Buffer.from([0xff, 0xfe, 0xc3])])],
          ['application/x-www-form-urlencoded', `article_id=${articleId}&name=x&comment=%FF%FE`],
          ['application/x-www-form-urlencoded', `article_id=${articleId}&name=x&comment=%E0%A4%A`],
          ['application/x-www-form-urlencoded', `article_id=${articleId}&name=x&name=y&comment=twice`],
          ['application/json', Buffer.concat([Buffer.from(`{"article_id":"${articleId}","name":"x","comment":"`), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
          ['application/json', '{"comment": '],
          ['application/json', '[1,2]'],
          ['application/json', '"just a string"'],
        ];
        for (const [type, payload] of bodies) {
          const r = await a.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': type, origin: 'http://localhost:80', accept: 'application/json' }, payload });
          assert.equal(r.statusCode, 400, String(payload));
          assert.equal(r.json().error.status, 400);
        }
      });

      await t.test('missing, extra, wrongly typed and oversized fields', async () => {
        const json = (payload: unknown) => a.app.inject({ method: 'POST', url: '/comments', headers: { origin: 'http://localhost:80', accept: 'application/json' }, payload: payload as object });
        const cases: [unknown, number][] = [
          [{}, 404],
          [{ article_id: articleId }, 400],
          [{ article_id: articleId, comment: 'no name' }, 400],
          [{ article_id: articleId, name: 'no comment' }, 400],
          [{ article_id: articleId, comment: 'extra', name: 'x', is_admin: '1' }, 400],
          [{ article_id: articleId, comment: 'extra', name: 'x', status: 'approved' }, 400],
          [{ article_id: articleId, comment: ['array'], name: 'x' }, 400],
          [{ article_id: articleId, comment: { $gt: '' }, name: 'x' }, 400],
          [{ article_id: articleId, comment: 'n', name: true }, 400],
          [{ article_id: articleId, comment: 'ok comment', name: 'x'.repeat(81) }, 400],
          [{ article_id: articleId, comment: 'ok comment', name: 'x', email: `${'a'.repeat(250)}@example.org` }, 400],
          [{ article_id: articleId, comment: 'ok comment', name: 'x', website: 'y'.repeat(20_000) }, 400],
          [{ article_id: articleId, comment: 'ok comment', name: 'x', parent_id: 'abc' }, 400],
          [{ article_id: articleId, comment: 'ok comment', name: 'x', parent_id: '999999' }, 400],
          [JSON.parse('{"__proto__": {"status": "approved"}, "comment": "proto", "name": "x"}'), 400],
        ];
        for (const [payload, status] of cases) {
          const r = await json(payload);
          assert.equal(r.statusCode, status, JSON.stringify(payload));
        }
        const huge = await a.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
          payload: form({ comment: 'z'.repeat(200_000), name: 'x' }) });
        assert.equal(huge.statusCode, 413);
        const nul = await postForm(a.app, { article_id: articleId, comment: 'Null\u0000byte and \u0007bell', name: 'Nul\u0000l', altcha: await solvedPayload(a.app) });
        assert.equal(nul.statusCode, 200, nul.body);
        const row = await a.ctx.db.selectFrom('comments').select(['body', 'author_name']).where('id', '=', nul.json().commentId).executeTakeFirstOrThrow();
        assert.deepEqual(row, { body: 'Nullbyte and bell', author_name: 'Null' });
      });

      await t.test('reporting: unknown or unpublished comments are 404, never 500', async () => {
        for (const id of ['999999', 'abc', '0', '1%00']) {
          const r = await a.app.inject({ method: 'POST', url: `/comments/${id}/report`, headers: { origin: 'http://localhost:80', accept: 'application/json' } });
          assert.ok(r.statusCode === 404 || r.statusCode === 400, `${id}: ${r.statusCode}`);
        }
      });

      await t.test('a scripted bot without the widget never gets a comment published', async () => {
        const bodies = ['Nice article!', 'I agree with this completely, thanks for sharing', 'Visit https://pills.example for deals', 'Great read. Regards, John'];
        for (let i = 0; i < 40; i++) {
          const r = await a.app.inject({ method: 'POST', url: '/comments', remoteAddress: `203.0.113.${i % 5}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80', accept: i % 2 ? 'application/json' : 'text/html' },
            payload: form({ comment: `${bodies[i % 4]} #${i}`, name: `Bot ${i}`, email: `bot${i}@spam.example`, ...(i % 3 === 0 ? { website: 'x' } : {}), ...(i % 7 === 0 ? { altcha: 'e30=' } : {}) }) });
          assert.ok(r.statusCode < 500, `bot post ${i}: ${r.statusCode}`);
        }
        const published = await a.ctx.db.selectFrom('comments').select('id').where('author_name', 'like', 'Bot %').where('status', '=', 'approved').execute();
        assert.equal(published.length, 0);
      });
    } finally {
      await a.close();
    }
  });
}
