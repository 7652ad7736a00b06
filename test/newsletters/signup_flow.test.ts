// A reader signs up through the public form without JavaScript (English and Dari), against a real SMTP server on
// the loopback: the confirmation step, the confirmation letter and its link, a DKIM-signed digest (checked by
// mailauth, not by the code that signed it), the one-click unsubscribe POST, and no second digest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticate } from 'mailauth';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { runSends } from '../../src/newsletters/sending.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { publishedArticle } from '../comments/fixtures.ts';
import { startMailSink, useSink, header, part, letterTo } from './mail_sink.ts';

const ORIGIN = { origin: 'http://localhost:80' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function signUpWithoutJs(t: TestApp, path: string, email: string, lang: string): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<html lang="${lang}"`));
  const box = /name="(list-\d+)"/.exec(page.body);
  assert.ok(box, 'the page offers a list');
  const first = await t.app.inject({ method: 'POST', url: '/newsletters', remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN },
    payload: form({ lang, email, [box[1]]: 'on', website: '' }) });
  assert.equal(first.statusCode, 200, first.body);
  assert.match(first.body, /name="pass_sig"/, 'without a proof of work the reader is asked to confirm once more');
  t.clock.advance(5000);
  const fields = Object.fromEntries(['lang', 'email', 'name', 'lists', 'pass_iat', 'pass_nonce', 'pass_sig'].map((n) => [n, hidden(first.body, n)]));
  const second = await t.app.inject({ method: 'POST', url: '/newsletters', remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN },
    payload: form({ ...fields, website: '' }) });
  assert.equal(second.statusCode, 200, second.body);
  return second.body;
}

for (const dialect of testDialects()) {
  test(`sign-up, confirmation, DKIM-signed digest and one-click unsubscribe (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      const dns = await useSink(t.ctx, sink);
      await updateSettings(t.ctx, { languages: ['fa'], timeZone: 'Asia/Kabul' });
      const en = await createList(t.ctx, { slug: 'morning', language: 'en', names: { en: 'The Morning File' }, digest: 'daily', digestTime: '07:00' });
      const fa = await createList(t.ctx, { slug: 'morning-dari', language: 'fa', names: { fa: 'پروندهٔ صبح' }, digest: 'daily', digestTime: '07:00' });
      const readers = [
        { email: 'reader@example.org', path: '/newsletters', lang: 'en', list: en.id, confirmed: /your subscription is confirmed/ },
        { email: 'khwanandah@example.org', path: '/fa/newsletters', lang: 'fa', list: fa.id, confirmed: /عضویت شما تأیید شد/ },
      ];
      for (const r of readers) {
        const answer = await signUpWithoutJs(t, r.path, r.email, r.lang);
        assert.ok(answer.includes(r.email), 'the answer names the address the link went to');
        await sink.waitFor(letterTo(sink, r.email).length ? 0 : sink.kept.length + 1);
        const [confirmation] = letterTo(sink, r.email);
        assert.ok(confirmation, 'a confirmation letter was sent');
        const link = /https?:\/\/[^/\s]+(\/newsletters\/confirm\?[^\s]+)/.exec(part(confirmation.raw, 'text/plain'));
        assert.ok(link, 'the confirmation letter carries its link');
        // nothing but the confirmation goes before the link is followed
        await runSends(t.ctx);
        const confirmed = await t.app.inject({ method: 'GET', url: link[1] });
        assert.equal(confirmed.statusCode, 200);
        assert.match(confirmed.body, r.confirmed);
      }
      await publishedArticle(t.ctx, { headline: 'Floods reach Kabul', language: 'en' });
      await publishedArticle(t.ctx, { headline: 'سیلاب به کابل رسید', language: 'fa' });
      // the next 07:00 in Kabul (the clock starts at 09:00 UTC, 13:30 in Kabul)
      t.clock.advance(20 * 3600_000);
      const before = sink.kept.length;
      await runDueJobs(t.ctx);
      await runSends(t.ctx);
      await sink.waitFor(before + 2);
      for (const r of readers) {
        const digest = letterTo(sink, r.email).at(-1)!;
        assert.match(header(digest.raw, 'List-Id'), /<morning(-dari)?\.khabar\.test>$/);
        assert.equal(header(digest.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
        assert.match(digest.from, /^bounces\+s\d+\.r\d+\.[A-Za-z0-9_-]{10}@khabar\.test$/, 'the envelope sender names the letter and reader (VERP)');
        const auth = await authenticate(digest.raw, {
          ip: '127.0.0.1', helo: 'localhost', sender: digest.from, mta: 'mx.example.org',
          resolver: async (name: string, type: string) => {
            if (type === 'TXT' && name === 'news._domainkey.khabar.test') return [[dns]];
            throw Object.assign(new Error('no such record'), { code: 'ENOTFOUND' });
          },
        });
        assert.equal(auth.dkim.results[0]?.status.result, 'pass', JSON.stringify(auth.dkim.results[0]?.status));
        const html = part(digest.raw, 'text/html');
        if (r.lang === 'fa') {
          assert.match(html, /dir="rtl"/);
          assert.match(html, /سیلاب به کابل رسید/);
          assert.match(html, /[۰-۹]/, 'Dari dates in Dari digits');
        } else {
          assert.match(html, /Floods reach Kabul/);
        }
        assert.doesNotMatch(html, /<img[^>]+width="1"/, 'no tracking pixel');
        const unsub = /<(http[^>]+\/newsletters\/unsubscribe\?[^>]+)>/.exec(header(digest.raw, 'List-Unsubscribe'));
        assert.ok(unsub, 'List-Unsubscribe carries an https (here http) address');
        assert.match(header(digest.raw, 'List-Unsubscribe'), /<mailto:bounces\+u\d+\.l\d+\./);
        const url = new URL(unsub[1]);
        // RFC 8058: a POST from the mail program, no session, no origin
        const left = await t.app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
        assert.equal(left.statusCode, 200, left.body);
      }
      // A control reader stays on the English list: the second digest goes, but not to those who left.
      const control = await t.ctx.db.insertInto('newsletter_subscribers').values({ email: 'stays@example.org', name: '', language: 'en', source: 'staff', created_at: t.clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('newsletter_subscriptions').values({ subscriber_id: control.id, list_id: en.id, status: 'subscribed', consent_at: t.clock.now().toISOString(), consent_ip: '', confirmed_at: t.clock.now().toISOString(), unsubscribed_at: null }).execute();
      await publishedArticle(t.ctx, { headline: 'Second day', language: 'en' });
      await publishedArticle(t.ctx, { headline: 'روز دوم', language: 'fa' });
      t.clock.advance(24 * 3600_000);
      const kept = sink.kept.length;
      await runDueJobs(t.ctx);
      await runSends(t.ctx);
      await sink.waitFor(kept + 1);
      assert.equal(letterTo(sink, 'stays@example.org').length, 1, 'the second digest went out');
      for (const r of readers) assert.equal(letterTo(sink, r.email).length, 2, `${r.email}: a confirmation and one digest, no second digest`);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });
}
