// The links in a letter, followed by the reader: the preferences page (a signed link, no account: change lists,
// leave them all; a forged or another reader's link changes nothing), and the click-count redirect, which leads only
// to the links that were in that send's letter (each signed with the send), never elsewhere: the open-redirect
// attacks are tried one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { createSend, runSends, sendFigures, startSend } from '../../src/newsletters/sending.ts';
import { updateNewsletterSettings } from '../../src/newsletters/settings.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { publishedArticle } from '../comments/fixtures.ts';
import { letterTo, part, startMailSink, useSink } from './mail_sink.ts';

async function reader(t: TestApp, email: string, listIds: number[]): Promise<number> {
  const now = t.clock.now().toISOString();
  const { id } = await t.ctx.db.insertInto('newsletter_subscribers').values({ email, name: '', language: 'en', source: 'staff', created_at: now }).returning('id').executeTakeFirstOrThrow();
  for (const listId of listIds) {
    await t.ctx.db.insertInto('newsletter_subscriptions').values({ subscriber_id: id, list_id: listId, status: 'subscribed', consent_at: now, consent_ip: '', confirmed_at: now, unsubscribed_at: null }).execute();
  }
  return id;
}

async function statuses(t: TestApp, id: number): Promise<Record<number, string>> {
  const rows = await t.ctx.db.selectFrom('newsletter_subscriptions').select(['list_id', 'status']).where('subscriber_id', '=', id).execute();
  return Object.fromEntries(rows.map((r) => [r.list_id, r.status]));
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

for (const dialect of testDialects()) {
  test(`[${dialect}] the preferences page: a signed link changes one reader's lists, a forged one nothing`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      await useSink(t.ctx, sink);
      const daily = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const weekly = await createList(t.ctx, { slug: 'weekly', language: 'en', names: { en: 'Weekly' } });
      const partners = await createList(t.ctx, { slug: 'partners', language: 'en', names: { en: 'Partners only' }, public: false });
      const me = await reader(t, 'me@example.org', [daily.id]);
      const other = await reader(t, 'other@example.org', [daily.id]);
      const send = await createSend(t.ctx, { listId: daily.id, kind: 'story', articleIds: [await publishedArticle(t.ctx)] }, null);
      await startSend(t.ctx, send);
      await runSends(t.ctx);
      await sink.waitFor(2);
      const link = /href="https?:\/\/[^/"]+(\/newsletters\/preferences\?[^"]+)"/.exec(part(letterTo(sink, 'me@example.org')[0].raw, 'text/html'));
      assert.ok(link, 'every letter carries the reader\'s preferences link');
      const url = decode(link[1]);
      const page = await t.app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['cache-control']), /private|no-store/);
      assert.equal(page.headers['set-cookie'], undefined, 'no cookie for a reader');
      assert.match(page.body, new RegExp(`name="list-${daily.id}" checked`));
      assert.match(page.body, new RegExp(`name="list-${weekly.id}"(?! checked)`));
      assert.doesNotMatch(page.body, /Partners only/, 'a list not offered publicly is not shown to someone not on it');
      // choose Weekly instead of Daily (no origin header: the signed link is what says who)
      const saved = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `list-${weekly.id}=on&list-${partners.id}=on` });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(await statuses(t, me), { [daily.id]: 'unsubscribed', [weekly.id]: 'subscribed' }, 'a list it does not offer cannot be joined through it');
      // the same link with another reader's id, a changed signature, or none: refused, nothing changed
      const sig = new URL(url, 'http://x').searchParams.get('sig')!;
      const forged = [
        `/newsletters/preferences?r=${other}&sig=${sig}`,
        `/newsletters/preferences?r=${me}&sig=${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
        `/newsletters/preferences?r=${me}`,
        `/newsletters/preferences?r=1%0d%0aX&sig=${sig}`,
      ];
      for (const f of forged) {
        const res = await t.app.inject({ method: 'POST', url: f, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'leave_all=1' });
        assert.equal(res.statusCode, 400, f);
        assert.match(res.body, /link/i);
        assert.equal((await t.app.inject({ method: 'GET', url: f })).statusCode, 400);
      }
      assert.deepEqual(await statuses(t, other), { [daily.id]: 'subscribed' });
      // leave everything
      await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'leave_all=1' });
      assert.deepEqual(await statuses(t, me), { [daily.id]: 'unsubscribed', [weekly.id]: 'unsubscribed' });
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });

  test(`[${dialect}] the click redirect leads only to links that were in the letter`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      await useSink(t.ctx, sink, { clickCounts: true });
      const list = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      await reader(t, 'me@example.org', [list.id]);
      const first = await createSend(t.ctx, { listId: list.id, kind: 'story', articleIds: [await publishedArticle(t.ctx, { headline: 'Floods reach Kabul' })] }, null);
      await startSend(t.ctx, first);
      const second = await createSend(t.ctx, { listId: list.id, kind: 'story', articleIds: [await publishedArticle(t.ctx, { headline: 'Second story' })] }, null);
      await startSend(t.ctx, second);
      await runSends(t.ctx);
      await sink.waitFor(2);
      const [letterA, letterB] = letterTo(sink, 'me@example.org');
      const tracked = (raw: string) => {
        const m = /href="https?:\/\/[^/"]+(\/newsletters\/c\/\d+\?[^"]+)"/.exec(part(raw, 'text/html'));
        assert.ok(m, 'with click counts on, story links go through the first-party redirect');
        return decode(m[1]);
      };
      const a = new URL(tracked(letterA.raw), 'http://x');
      const b = new URL(tracked(letterB.raw), 'http://x');
      const story = a.searchParams.get('u')!;
      assert.match(story, /^http:\/\/127\.0\.0\.1:3000\/articles\/floods-reach-kabul$/);
      const ok = await t.app.inject({ method: 'GET', url: a.pathname + a.search });
      assert.equal(ok.statusCode, 302);
      assert.equal(ok.headers.location, story);
      assert.equal(ok.headers['set-cookie'], undefined);
      assert.equal((await sendFigures(t.ctx, first)).clicks, 1);

      const sig = a.searchParams.get('s')!;
      const go = (send: number | string, u: string, s: string | null = sig) => t.app.inject({ method: 'GET', url: `/newsletters/c/${send}?u=${encodeURIComponent(u)}${s === null ? '' : `&s=${encodeURIComponent(s)}`}` });
      const attacks: [string, Awaited<ReturnType<typeof go>>][] = [
        ['another site with a real signature', await go(first, 'https://evil.example/phish')],
        ['a host that starts like ours', await go(first, 'http://127.0.0.1:3000.evil.example/articles/floods-reach-kabul')],
        ['user info before another host', await go(first, 'http://127.0.0.1:3000@evil.example/')],
        ['a protocol-relative address', await go(first, '//evil.example/')],
        ['a backslash path', await go(first, 'http://127.0.0.1:3000/\\evil.example')],
        ['a javascript: address', await go(first, 'javascript:alert(1)')],
        ['our own page that was not in the letter', await go(first, 'http://127.0.0.1:3000/admin')],
        ['the other send\'s link under this send', await go(first, b.searchParams.get('u')!, b.searchParams.get('s'))],
        ['this link under another send', await go(second, story)],
        ['no signature', await go(first, story, null)],
        ['a signature of the wrong length', await go(first, story, `${sig}x`)],
        ['a send that is not a number', await go('1e3', story)],
        ['a line break in the address', await go(first, `${story}\r\nSet-Cookie: a=b`)],
      ];
      for (const [what, res] of attacks) {
        assert.equal(res.statusCode, 404, `${what}: ${res.statusCode} ${String(res.headers.location ?? '')}`);
        assert.equal(res.headers.location, undefined, what);
      }
      assert.equal((await sendFigures(t.ctx, first)).clicks, 1, 'refused links count nothing');
      // with click counts off, letters link straight to the story
      await updateNewsletterSettings(t.ctx, { clickCounts: false });
      const third = await createSend(t.ctx, { listId: list.id, kind: 'story', articleIds: [await publishedArticle(t.ctx, { headline: 'Third story' })] }, null);
      await startSend(t.ctx, third);
      await runSends(t.ctx);
      await sink.waitFor(3);
      const html = part(letterTo(sink, 'me@example.org')[2].raw, 'text/html');
      assert.doesNotMatch(html, /\/newsletters\/c\//);
      assert.match(html, /href="http:\/\/127\.0\.0\.1:3000\/articles\/third-story"/);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });
}
