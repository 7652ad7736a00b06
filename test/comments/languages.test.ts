// Comments in the languages the site publishes: a Dari or Pashto comment under an English story, with a valid proof
// of work and nothing else suspicious, is published, and its script is not marked down; a site that publishes only
// in English still notes an unexpected script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm } from './fixtures.ts';
import { updateSettings } from '../../src/content/settings.ts';

for (const dialect of testDialects()) {
  test(`comments are judged against the site's languages, not the article's (${dialect})`, async (t) => {
    const a = await makeTestApp(dialect);
    try {
      await cheapSettings(a.ctx);
      const english = String(await publishedArticle(a.ctx, { headline: 'Roads reopen after the storm' }));
      const reasons = async (id: number) => JSON.parse((await a.ctx.db.selectFrom('comments').select('reasons').where('id', '=', id).executeTakeFirstOrThrow()).reasons) as unknown[];
      let ip = 10;
      const post = async (comment: string, name: string) => postForm(a.app, { article_id: english, comment, name, altcha: await solvedPayload(a.app) }, { 'x-test-ip': `198.51.100.${ip++}` });

      await t.test('a Dari and a Pashto comment under an English story are published on a site publishing in Dari and Pashto', async () => {
        await updateSettings(a.ctx, { languages: ['fa', 'ps'] });
        for (const [comment, name] of [['این گزارش بسیار خوب بود، تشکر از خبرنگار شما که به ولایت رفت.', 'احمد'], ['دا راپور ډېر ګټور و، له خبریال څخه مننه چې کلي ته لاړ.', 'ګل']]) {
          const r = await post(comment, name);
          assert.equal(r.statusCode, 200, r.body);
          assert.equal(r.json().status, 'approved', comment);
          assert.doesNotMatch(JSON.stringify(await reasons(r.json().commentId)), /script/, 'no mark for its script');
        }
      });

      await t.test('on an English-only site the same comment is noted as written in an unexpected script', async () => {
        await updateSettings(a.ctx, { languages: [] });
        const r = await post('این گزارش را دوستانم هم خواندند و پسندیدند، لطفاً ادامه بدهید.', 'مریم');
        assert.equal(r.statusCode, 200, r.body);
        assert.match(JSON.stringify(await reasons(r.json().commentId)), /Arabic script/);
      });
    } finally {
      await a.close();
    }
  });
}
