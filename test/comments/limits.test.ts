import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm } from './fixtures.ts';
import { updateCommentSettings } from '../../src/comments/settings.ts';
import { updateSettings } from '../../src/content/settings.ts';

for (const dialect of testDialects()) {
  test(`limits, duplicates, links and surges hold on the database clock (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      await cheapSettings(a.ctx);
      const articleId = String(await publishedArticle(a.ctx));
      let n = 0;
      const post = async (fields: Record<string, string>, ip = '198.51.100.7') =>
        postForm(a.app, { article_id: articleId, comment: `Comment number ${++n} about the floods`, name: 'Reader', altcha: await solvedPayload(a.app), ...fields }, { 'x-test-ip': ip });

      await t.test('per email: at least 15 s apart and at most 5 an hour', async () => {
        const email = { email: 'mina@example.org' };
        assert.equal((await post(email, '198.51.100.1')).statusCode, 200);
        a.clock.advance(10_000);
        const soon = await post(email, '198.51.100.2');
        assert.equal(soon.statusCode, 429);
        assert.match(soon.json().error.message, /too often/);
        for (let i = 0; i < 4; i++) {
          a.clock.advance(16_000);
          assert.equal((await post(email, `198.51.100.${3 + i}`)).statusCode, 200, `comment ${i + 2}`);
        }
        a.clock.advance(16_000);
        assert.equal((await post(email, '198.51.100.9')).statusCode, 429, 'sixth in an hour');
        a.clock.advance(3600_000);
        assert.equal((await post(email, '198.51.100.10')).statusCode, 200, 'an hour later');
      });

      await t.test('per address and per network, counted across the whole site', async () => {
        await updateCommentSettings(a.ctx, { ipMaxPerTenMinutes: 3, networkMaxPerHour: 5 });
        a.clock.advance(3600_000);
        for (let i = 0; i < 3; i++) assert.equal((await post({}, '192.0.2.10')).statusCode, 200);
        assert.equal((await post({}, '192.0.2.10')).statusCode, 429, 'address limit');
        assert.equal((await post({}, '192.0.2.11')).statusCode, 200, 'neighbour still fine');
        assert.equal((await post({}, '192.0.2.12')).statusCode, 429, 'network limit (/24)');
        assert.equal((await post({}, '2001:db8:1:2::1')).statusCode, 200);
        for (let i = 2; i <= 5; i++) assert.equal((await post({}, `2001:db8:1:2::${i}`)).statusCode, 200);
        assert.equal((await post({}, '2001:db8:1:2:ffff::9')).statusCode, 429, 'network limit (/64)');
        assert.equal((await post({}, '2001:db8:1:3::1')).statusCode, 200, 'next /64 is another network');
        a.clock.advance(3601_000);
        assert.equal((await post({}, '192.0.2.12')).statusCode, 200, 'limits lapse with time');
        await updateCommentSettings(a.ctx, { ipMaxPerTenMinutes: 30, networkMaxPerHour: 400 });
      });

      await t.test('the same text from the same person within 24 h is a duplicate; later it is not', async () => {
        a.clock.advance(3600_000);
        const text = { comment: 'Exactly the same words, posted twice', email: 'dup@example.org' };
        assert.equal((await post(text, '192.0.2.30')).statusCode, 200);
        a.clock.advance(60_000);
        const dup = await post({ ...text, comment: 'exactly the SAME words — posted twice!' }, '192.0.2.31');
        assert.equal(dup.statusCode, 409);
        assert.equal(dup.json().error.message, 'You have already posted this comment.');
        a.clock.advance(25 * 3600_000);
        assert.equal((await post(text, '192.0.2.32')).statusCode, 200);
      });

      await t.test('links: one from a first-time commenter is held, two or more always held', async () => {
        const first = await post({ comment: 'Read more at https://example.org/report', email: 'new@example.org' }, '192.0.2.40');
        assert.equal(first.json().status, 'pending');
        const regular = { email: 'mina@example.org' };
        a.clock.advance(60_000);
        const one = await post({ ...regular, comment: 'Source: https://example.org/report' }, '192.0.2.41');
        assert.equal(one.json().status, 'approved');
        a.clock.advance(60_000);
        const two = await post({ ...regular, comment: 'https://a.example.org and https://b.example.org' }, '192.0.2.42');
        assert.equal(two.json().status, 'pending');
      });

      await t.test('a flood on one article is held; a surge of pending comments switches the site to pre-moderation', async () => {
        a.clock.advance(3600_000);
        await updateCommentSettings(a.ctx, { articleMaxPerMinute: 3, surgePending: 4, ipMaxPerTenMinutes: 1000, networkMaxPerHour: 1000 });
        const statuses: string[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await post({}, `192.0.2.${50 + i}`)).json().status);
        assert.deepEqual(statuses, ['approved', 'approved', 'approved', 'pending']);
        // Pending comments (two links each: always held) pile up...
        for (let i = 0; i < 5; i++) {
          await postForm(a.app, { article_id: articleId, comment: `Links ${i}: https://a.example/${i} https://b.example/${i}`, name: 'Quiet', altcha: await solvedPayload(a.app) }, { 'x-test-ip': `192.0.2.${60 + i}` });
        }
        a.clock.advance(2 * 60_000);
        const other = String(await publishedArticle(a.ctx, { headline: 'Quiet story' }));
        const held = await postForm(a.app, { article_id: other, comment: 'A calm comment elsewhere', name: 'Calm', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.70' });
        assert.equal(held.json().status, 'pending');
        const row = await a.ctx.db.selectFrom('comments').select('reasons').where('author_name', '=', 'Calm').executeTakeFirstOrThrow();
        assert.match(row.reasons, /pre-moderation/);
        a.clock.advance(11 * 60_000);
        const later = await postForm(a.app, { article_id: other, comment: 'Calm again after the surge', name: 'Calm', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.71' });
        assert.equal(later.json().status, 'approved');
        await updateSettings(a.ctx, { moderateAll: true });
        a.clock.advance(60_000);
        const all = await postForm(a.app, { article_id: other, comment: 'Everything is moderated now', name: 'Calm', altcha: await solvedPayload(a.app) }, { 'x-test-ip': '192.0.2.72' });
        assert.equal(all.json().status, 'pending');
        await updateSettings(a.ctx, { moderateAll: false });
      });

      await t.test('blocked words push a comment below the reject threshold: score message, filed as spam', async () => {
        await updateCommentSettings(a.ctx, { blockedWords: ['کازینو', 'casino'], blockedDomains: ['pills.example'] });
        a.clock.advance(60_000);
        const r = await post({ comment: 'بهترین كازينو آنلاین https://pills.example/buy' }, '192.0.2.80');
        assert.equal(r.statusCode, 403);
        assert.equal(r.json().error.message, 'CAPTCHA user score failed. Please contact us!');
        const row = await a.ctx.db.selectFrom('comments').select(['status', 'reasons', 'score']).where('ip', '=', '192.0.2.80').executeTakeFirstOrThrow();
        assert.equal(row.status, 'spam');
        assert.match(row.reasons, /blocked word/);
        assert.match(row.reasons, /blocked domain/);
      });

      await t.test('reports raise a comment back into the queue after enough readers', async () => {
        a.clock.advance(60_000);
        const c = await post({ comment: 'A comment some readers dislike' }, '192.0.2.90');
        const id = c.json().commentId as number;
        const report = (ip: string) => a.app.inject({ method: 'POST', url: `/comments/${id}/report`, remoteAddress: ip, headers: { origin: 'http://localhost', accept: 'application/json' } });
        assert.equal((await report('203.0.113.1')).statusCode, 200);
        assert.equal((await report('203.0.113.1')).statusCode, 200, 'a repeat report is thanked but not counted');
        await report('203.0.113.2');
        let row = await a.ctx.db.selectFrom('comments').select(['status', 'report_count']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { status: 'approved', report_count: 2 });
        await report('203.0.113.3');
        row = await a.ctx.db.selectFrom('comments').select(['status', 'report_count']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { status: 'pending', report_count: 3 });
        const page = await a.app.inject({ method: 'POST', url: `/comments/${id}/report`, remoteAddress: '203.0.113.4', headers: { origin: 'http://localhost' } });
        assert.equal(page.statusCode, 404, 'no longer published');
      });
    } finally {
      await a.close();
    }
  });
}
