// Channel posts end to end against a fake Telegram Bot API and a fake Mastodon instance on the loopback: a published
// English and a published Dari story reach the right channel in the right language (the hero picture with a caption,
// or the story's text up to Telegram's limit), a 429 with retry_after is waited out with exactly one post, an edit
// updates the same posts, and a live entry marked for the channels is posted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createArticle, publishArticle, updateArticle } from '../../src/content/articles.ts';
import { ingestImage } from '../../src/media/images.ts';
import { FakeApi } from './fake_apis.ts';

const actor = { userId: null };
const EN_TOKEN = '111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const FA_TOKEN = '222222:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const MASTODON_TOKEN = 'mastodon-token-0123456789abcdef';

for (const dialect of testDialects()) {
  test(`[${dialect}] English and Dari stories reach their channels once, a 429 is waited out, an edit updates the posts`, async () => {
    const telegram = new FakeApi('telegram');
    const mastodon = new FakeApi('mastodon');
    await telegram.start();
    await mastodon.start();
    const t = await makeTestApp(dialect, { telegramApi: telegram.origin });
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const connect = await call(t, owner, 'PATCH', '/api/admin/channels/settings', {
        settings: { telegramChannels: { en: '@testdaily', fa: '@testdaily_fa' }, telegramFullText: false, mastodonInstance: mastodon.origin },
        secrets: { telegramTokens: { en: EN_TOKEN, fa: FA_TOKEN }, mastodonToken: MASTODON_TOKEN },
      });
      assert.equal(connect.status, 200, JSON.stringify(connect.body));
      const shown = await call(t, owner, 'GET', '/api/admin/channels/settings', undefined);
      assert.deepEqual(shown.body.secrets, { telegramTokens: ['en', 'fa'], mastodonToken: true });
      assert.ok(!JSON.stringify(shown.body).includes('AAAAAAAAAA') && !JSON.stringify(shown.body).includes(MASTODON_TOKEN), 'tokens are never answered back');
      const stored = await t.ctx.db.selectFrom('channel_settings').select('value').execute();
      assert.ok(!stored.some((r) => r.value.includes('AAAAAAAAAA') || r.value.includes(MASTODON_TOKEN)), 'tokens are sealed in the database');
      assert.equal((await call(t, editor, 'PATCH', '/api/admin/channels/settings', { settings: { pushEnabled: true } })).status, 403, 'an editor cannot connect channels');

      const bytes = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#336699' } }).jpeg().toBuffer();
      const hero = (await ingestImage(t.ctx, bytes, { alt: 'The pass under snow' })).id;
      const en = await createArticle(t.ctx, { headline: 'Floods close the Salang pass', standfirst: 'Hundreds of travellers are stranded.', bodyHtml: '<p>Rescue teams reached the tunnel.</p>', heroMediaId: hero, heroAlt: 'The pass under snow' }, actor);
      const paragraph = 'تیم‌های امدادی به تونل رسیدند و مسافران را به جای امن بردند. ';
      const fa = await createArticle(t.ctx, { language: 'fa', headline: 'سیلاب راه سالنگ را بست', standfirst: 'صدها مسافر در راه مانده‌اند.', bodyHtml: `<p>${paragraph.repeat(120)}</p>` }, actor);
      for (const id of [en, fa]) assert.equal((await call(t, editor, 'PUT', `/api/admin/channels/articles/${id}/plan`, { alert: false, alertText: '', channels: true })).status, 200);

      // Telegram refuses the first Dari post for 7 seconds: nothing is posted by a 429.
      telegram.plan(new RegExp(`/bot${FA_TOKEN}/`), 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
      await publishArticle(t.ctx, en, actor);
      await publishArticle(t.ctx, fa, actor);
      await runJob(t.ctx, 'channels');

      const enPosts = telegram.posted(new RegExp(`/bot${EN_TOKEN}/`));
      assert.equal(enPosts.length, 1);
      assert.match(enPosts[0].path, /\/sendPhoto$/, 'the English story goes as its hero picture with a caption');
      assert.equal(enPosts[0].body.chat_id, '@testdaily');
      assert.match(String(enPosts[0].body.photo), new RegExp(`^${t.ctx.config.publicUrl}/media/.+\\.jpg$`));
      const caption = String(enPosts[0].body.caption);
      assert.match(caption, /^<b>Floods close the Salang pass<\/b>\n\nHundreds of travellers are stranded\.\n\nRead more: http:\/\/127\.0\.0\.1:3000\/articles\/floods-close-the-salang-pass$/);
      assert.equal(telegram.calls.filter((c) => c.path.includes(FA_TOKEN)).length, 1, 'the Dari channel was asked once and said wait');

      // From now on stories go as their text up to Telegram's limit (read in Telegram when the site is blocked).
      assert.equal((await call(t, owner, 'PATCH', '/api/admin/channels/settings', { settings: { telegramFullText: true } })).status, 200);
      await runJob(t.ctx, 'channels');
      assert.equal(telegram.calls.filter((c) => c.path.includes(FA_TOKEN)).length, 1, 'not asked again before retry_after has passed');
      t.clock.advance(7_000);
      await runJob(t.ctx, 'channels');
      await runJob(t.ctx, 'channels');
      const faPosts = telegram.posted(new RegExp(`/bot${FA_TOKEN}/`));
      assert.equal(faPosts.length, 1, 'exactly one Dari post after the 429');
      assert.match(faPosts[0].path, /\/sendMessage$/, 'the full text goes as a message');
      assert.equal(faPosts[0].body.chat_id, '@testdaily_fa');
      const text = String(faPosts[0].body.text);
      const plain = text.replace(/<\/?b>/g, '').replace(/&amp;/g, '&');
      assert.ok(plain.length <= 4096 && plain.length > 3000, `the story's text up to Telegram's limit (${plain.length})`);
      assert.ok(plain.startsWith('سیلاب راه سالنگ را بست\n\nصدها مسافر در راه مانده‌اند.\n\nتیم‌های امدادی'), plain.slice(0, 80));
      const faSlug = (await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', fa).executeTakeFirstOrThrow()).slug;
      assert.ok(plain.endsWith(`…\n\nبیشتر بخوانید: ${t.ctx.config.publicUrl}/articles/${encodeURIComponent(faSlug)}`), plain.slice(-160));

      const statuses = mastodon.posted(/\/api\/v1\/statuses$/);
      assert.deepEqual(statuses.map((s) => s.body.language).sort(), ['en', 'fa']);
      for (const s of statuses) {
        assert.equal(s.headers.authorization, `Bearer ${MASTODON_TOKEN}`);
        assert.match(String(s.headers['idempotency-key']), /^khabar-post-\d+$/);
        assert.ok(String(s.body.status).length <= 500);
      }
      assert.match(String(statuses.find((s) => s.body.language === 'en')?.body.status), /^Floods close the Salang pass\n\nHundreds of travellers are stranded\.\n\nhttp:\/\/127\.0\.0\.1:3000\/articles\/floods-close-the-salang-pass$/);

      // Announcing again posts nothing twice.
      const again = await call(t, editor, 'POST', `/api/admin/channels/articles/${en}/announce`, { alert: false, alertText: '', channels: true });
      assert.deepEqual(again.body, { alertId: null, posts: 0 });

      // A correction of the headline updates the same Telegram message and Mastodon status.
      await updateArticle(t.ctx, en, { headline: 'Floods close the Salang pass for a third day' }, actor);
      await runJob(t.ctx, 'channels');
      const edit = telegram.calls.find((c) => c.path.endsWith('/editMessageCaption'));
      assert.ok(edit, 'the caption is edited');
      const enMessage = (await t.ctx.db.selectFrom('channel_posts').select('remote_id').where('channel', '=', 'telegram:en').executeTakeFirstOrThrow()).remote_id;
      assert.equal(edit.body.message_id, Number(enMessage));
      assert.equal(edit.body.chat_id, '@testdaily');
      assert.match(String(edit.body.caption), /^<b>Floods close the Salang pass for a third day<\/b>/);
      const put = mastodon.calls.find((c) => c.method === 'PUT');
      assert.ok(put, 'the status is edited');
      const enStatusId = (await t.ctx.db.selectFrom('channel_posts').select('remote_id').where('channel', '=', 'mastodon').where('subject', '=', `article:${en}`).executeTakeFirstOrThrow()).remote_id;
      assert.equal(put.path, `/api/v1/statuses/${enStatusId}`);
      assert.match(String(put.body.status), /for a third day/);

      // A live entry marked for the channels goes to its language's channel.
      await t.ctx.events.emit('live.entry.posted', { articleId: fa, entryId: 9, language: 'fa', text: 'راه سالنگ دوباره باز شد.', url: `${t.ctx.config.publicUrl}/articles/x#entry-9`, key: true, alert: false, channels: true });
      await runJob(t.ctx, 'channels');
      const entry = telegram.posted(new RegExp(`/bot${FA_TOKEN}/sendMessage`)).at(-1)!;
      assert.match(String(entry.body.text), /^راه سالنگ دوباره باز شد\.\n\nبیشتر بخوانید: http:\/\/127\.0\.0\.1:3000\/articles\/x#entry-9$/);
      assert.equal(mastodon.posted(/\/api\/v1\/statuses$/).length, 3);

      const posts = (await call(t, editor, 'GET', '/api/admin/channels/posts', undefined)).body.posts as { status: string }[];
      assert.deepEqual(posts.map((p) => p.status), ['posted', 'posted', 'posted', 'posted', 'posted', 'posted']);
    } finally {
      await t.close();
      await telegram.stop();
      await mastodon.stop();
    }
  });
}
