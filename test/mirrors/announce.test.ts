// "Tell readers where to find us" through the Admin API: the current addresses (the main site, mirrors holding a
// genuine copy, KHABAR_MIRRORS, the onion service) and the public key reach every newsletter list's readers in the
// list's language (a real SMTP listener keeps the letters) and each language's Telegram channel and Mastodon (fake
// APIs on the loopback); a mirror that fails is left out. With no lists, no relay or no channel the answer says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, type Headers } from '../admin/api.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { importCsv } from '../../src/newsletters/subscribers.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { sendInBackground } from '../../src/newsletters/jobs.ts';
import { setChannelSecrets, updateChannelSettings } from '../../src/channels/settings.ts';
import { signingKey } from '../../src/mirrors/signing.ts';
import { FakeApi } from '../channels/fake_apis.ts';
import { letterTo, part, startMailSink, useSink } from '../newsletters/mail_sink.ts';

const EN_TOKEN = '111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const FA_TOKEN = '222222:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const ONION = 'http://khabarnewsroomexampleonionaddressxxxxxxxxxxxxxxxxxxx.onion';
const BY_HAND = 'https://by-hand.example.org/';

/** Two mirrors through the API, one marked current (as a check would) and one failing. */
async function mirrors(t: TestApp, owner: Headers): Promise<void> {
  for (const [name, url] of [['Current copy', 'https://current.example.net/'], ['Broken copy', 'https://broken.example.net/']]) {
    const r = await call(t, owner, 'POST', '/api/admin/mirrors', { kind: 'folder', name, publicUrl: url, target: { path: `/tmp/${name.replace(' ', '-')}` } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await t.ctx.db.updateTable('mirrors').set({ status: name === 'Current copy' ? 'current' : 'failing' }).where('id', '=', r.body.mirror.id).execute();
  }
}

for (const dialect of testDialects()) {
  test(`[${dialect}] the addresses reach each list's readers in their language and each language's channels`, async () => {
    const telegram = new FakeApi('telegram');
    const mastodon = new FakeApi('mastodon');
    await telegram.start();
    await mastodon.start();
    const sink = await startMailSink();
    const t = await makeTestApp(dialect, { telegramApi: telegram.origin, onionUrl: ONION, mirrors: [BY_HAND] });
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      await updateSettings(t.ctx, { languages: ['fa'] });
      await useSink(t.ctx, sink);
      const en = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const fa = await createList(t.ctx, { slug: 'daily-fa', language: 'fa', names: { fa: 'روزانه' } });
      await importCsv(t.ctx, { listId: en.id, csv: 'email\nann@example.org\nbob@example.org\n' });
      await importCsv(t.ctx, { listId: fa.id, csv: 'email\nzahra@example.org\n', language: 'fa' });
      await updateChannelSettings(t.ctx, { telegramChannels: { en: '@testdaily', fa: '@testdaily_fa' }, mastodonInstance: mastodon.origin, mastodonLanguages: ['en', 'fa'] });
      await setChannelSecrets(t.ctx, { telegramTokens: { en: EN_TOKEN, fa: FA_TOKEN }, mastodonToken: 'mastodon-token-0123456789abcdef' });
      await mirrors(t, owner);
      const key = (await signingKey(t.ctx)).publicKey;

      const editor = (await signInAs(t, 'editor')).headers;
      assert.equal((await call(t, editor, 'POST', '/api/admin/mirrors/announce')).status, 403, 'an editor cannot send to every reader');
      const res = await call(t, owner, 'POST', '/api/admin/mirrors/announce');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.addresses, { main: t.ctx.config.publicUrl, mirrors: [BY_HAND, 'https://current.example.net/'], onion: ONION, publicKey: key });
      assert.deepEqual(res.body.letters.map((l: { language: string; recipients: number }) => [l.language, l.recipients]), [['en', 2], ['fa', 1]]);
      assert.deepEqual(res.body.posts, [{ language: 'en', queued: 2 }, { language: 'fa', queued: 2 }]);
      assert.deepEqual(res.body.skipped, []);
      const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'mirror.announce').execute();
      assert.equal(audit.length, 1, 'the announcement is in the audit log');

      await sendInBackground(t.ctx); // joins the sender the announcement started
      await sink.waitFor(3);
      for (const email of ['ann@example.org', 'bob@example.org']) {
        const letters = letterTo(sink, email);
        assert.equal(letters.length, 1, `${email} gets one letter`);
        const text = part(letters[0].raw, 'text/plain');
        assert.match(text, new RegExp(`Main site: ${t.ctx.config.publicUrl}`));
        for (const a of [BY_HAND, 'https://current.example.net/', ONION, key]) assert.ok(text.includes(a), `the English letter holds ${a}`);
        assert.ok(!text.includes('broken.example.net'), 'a failing mirror is not sent');
        assert.ok(part(letters[0].raw, 'text/html').includes(`${BY_HAND}<br>`), 'each address on its own line in the HTML part');
      }
      const dari = letterTo(sink, 'zahra@example.org');
      assert.equal(dari.length, 1);
      const dariText = part(dari[0].raw, 'text/plain');
      assert.match(dariText, /سایت اصلی: /);
      assert.match(dariText, /در مرورگر تور: /);
      assert.ok(dariText.includes(key) && dariText.includes('https://current.example.net/'));
      assert.ok(!/Main site/.test(dariText), 'the Dari letter is in Dari');

      await runJob(t.ctx, 'channels');
      const enPost = telegram.posted(new RegExp(`/bot${EN_TOKEN}/`));
      const faPost = telegram.posted(new RegExp(`/bot${FA_TOKEN}/`));
      assert.equal(enPost.length, 1);
      assert.equal(faPost.length, 1);
      assert.equal(enPost[0].body.chat_id, '@testdaily');
      assert.match(String(enPost[0].body.text), /read it here:[\s\S]*https:\/\/current\.example\.net\//);
      assert.match(String(faPost[0].body.text), /آن را اینجا بخوانید:[\s\S]*https:\/\/current\.example\.net\//);
      assert.equal(mastodon.posted(/\/api\/v1\/statuses/).length, 2, 'Mastodon gets the English and the Dari post');

      // asked again a moment later: a new announcement, posted again (the readers may have lost the first)
      t.clock.advance(60_000);
      const again = await call(t, owner, 'POST', '/api/admin/mirrors/announce');
      assert.deepEqual(again.body.posts, [{ language: 'en', queued: 2 }, { language: 'fa', queued: 2 }]);
      await sendInBackground(t.ctx);
      assert.equal(letterTo(sink, 'zahra@example.org').length, 2);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await t.close();
      await sink.close();
      await telegram.stop();
      await mastodon.stop();
    }
  });

  test(`[${dialect}] no lists, no relay, channels off: the answer says what was not reached`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const none = await call(t, owner, 'POST', '/api/admin/mirrors/announce');
      assert.equal(none.status, 200, JSON.stringify(none.body));
      assert.deepEqual(none.body.letters, []);
      assert.deepEqual(none.body.posts, [{ language: 'en', queued: 0 }]);
      assert.deepEqual(none.body.skipped.map((s: { reason: string; language: string | null }) => [s.reason, s.language]), [['no_lists', null], ['no_channel', 'en']]);

      await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const noRelay = await call(t, owner, 'POST', '/api/admin/mirrors/announce');
      assert.equal(noRelay.status, 200);
      assert.deepEqual(noRelay.body.skipped.map((s: { reason: string }) => s.reason), ['no_relay', 'no_channel']);
      assert.match(noRelay.body.skipped[0].message, /SMTP relay/);
      const sends = await t.ctx.db.selectFrom('newsletter_sends').select('id').execute();
      assert.equal(sends.length, 0, 'nothing is queued that could not go');
    } finally {
      await t.close();
    }
  });
}
