// Push alerts end to end: a reader's browser subscription (its endpoint a push service on the loopback that decrypts
// each payload and checks the VAPID signature), "Send alert" on publish delivering the story's text and link, the
// figures per alert, a 410 removing the subscription, and the public subscribe call refusing what it must.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { PushService, type Browser } from './push_service.ts';

const actor = { userId: null };

function subscribeAs(t: TestApp, browser: Browser, extra: Record<string, unknown> = {}, headers: Record<string, string> = { origin: t.ctx.config.publicUrl }) {
  return t.app.inject({ method: 'POST', url: '/alerts/subscribe', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, payload: { ...browser, language: 'en', ...extra } });
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a reader subscribes, "Send alert" reaches the browser encrypted and signed, a 410 removes the subscription`, async () => {
    const push = new PushService();
    await push.start();
    const t = await makeTestApp(dialect, { pushAllow: ['127.0.0.1/32'] });
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const phone = push.browser('phone');
      assert.equal((await subscribeAs(t, phone)).statusCode, 400, 'no subscriptions while the site does not offer alerts');
      const on = await call(t, owner, 'PATCH', '/api/admin/channels/settings', { settings: { pushEnabled: true } });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const page = await t.app.inject('/');
      const key = (await call(t, owner, 'GET', '/api/admin/channels/settings', undefined)).body.vapidPublicKey as string;
      assert.match(page.body, new RegExp(`data-key="${key}"`), 'the footer offers alerts with the site\'s key');
      assert.match(page.body, /<section class="alerts-optin"[^>]* hidden/, 'hidden until the script finds a browser that can take them');

      assert.equal((await subscribeAs(t, phone)).statusCode, 201);
      const economy = await createSection(t.ctx, { name: 'Economy', position: 1 });
      const laptop = push.browser('laptop');
      assert.equal((await subscribeAs(t, laptop, { sectionId: economy })).statusCode, 201, 'a reader may follow one section');
      const dari = push.browser('dari');
      assert.equal((await subscribeAs(t, dari, { language: 'fa' })).statusCode, 201);

      // The editor chooses "Send alert" before publishing; publishing carries it out once.
      const id = await createArticle(t.ctx, { headline: 'Floods close the Salang pass', standfirst: 'Hundreds of travellers are stranded.', bodyHtml: '<p>Rescue teams...</p>' }, actor);
      const plan = await call(t, editor, 'PUT', `/api/admin/channels/articles/${id}/plan`, { alert: true, alertText: 'Salang pass closed by floods', channels: false });
      assert.equal(plan.status, 200, JSON.stringify(plan.body));
      await publishArticle(t.ctx, id, actor);
      await publishArticle(t.ctx, id, actor).catch(() => undefined);
      await runJob(t.ctx, 'channels');
      assert.deepEqual(push.refused, []);
      assert.equal(push.received.length, 1, 'one browser follows every English alert; the section follower and the Dari reader get none');
      const got = push.received[0];
      assert.equal(got.box, 'phone');
      assert.equal(got.vapidKey, key, 'signed with the site\'s VAPID key');
      assert.equal(got.urgency, 'high');
      const alert = JSON.parse(got.payload) as { title: string; body: string; url: string; lang: string };
      assert.equal(alert.body, 'Salang pass closed by floods');
      assert.equal(alert.url, `${t.ctx.config.publicUrl}/articles/floods-close-the-salang-pass`);
      assert.equal(alert.lang, 'en');

      const list = await call(t, editor, 'GET', '/api/admin/channels/alerts', undefined);
      assert.equal(list.status, 200);
      assert.equal(list.body.alerts.length, 1);
      assert.deepEqual({ ...list.body.alerts[0], createdAt: 0, finishedAt: 0 }, {
        id: list.body.alerts[0].id, language: 'en', text: 'Salang pass closed by floods', url: alert.url, articleId: id, entryId: null, status: 'done',
        createdAt: 0, finishedAt: 0, recipients: 1, sent: 1, failed: 0, removed: 0, pending: 0,
      });

      // A section's story also reaches the reader who follows that section; the phone's push service now says gone.
      push.answer('phone', 410);
      const sent = await call(t, editor, 'POST', '/api/admin/channels/alerts', { language: 'en', text: 'Markets reopen', url: `${t.ctx.config.publicUrl}/articles/markets`, sectionId: economy });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.equal(sent.body.recipients, 2);
      await runJob(t.ctx, 'channels');
      const figures = (await call(t, editor, 'GET', `/api/admin/channels/alerts/${sent.body.id}`, undefined)).body;
      assert.deepEqual([figures.sent, figures.failed, figures.removed, figures.status], [1, 0, 1, 'done']);
      assert.equal(push.received.at(-1)?.box, 'laptop');
      const left = await t.ctx.db.selectFrom('push_subscriptions').select('endpoint').orderBy('id').execute();
      assert.deepEqual(left.map((r) => r.endpoint), [laptop.endpoint, dari.endpoint], 'the gone subscription was removed');

      // A live entry posted with "alert" reaches the readers of its language.
      await t.ctx.events.emit('live.entry.posted', { articleId: id, entryId: 4, language: 'fa', text: 'راه سالنگ دوباره باز شد.', url: `${t.ctx.config.publicUrl}/articles/x#entry-4`, key: true, alert: true, channels: false });
      await runJob(t.ctx, 'channels');
      const entryAlert = push.received.at(-1)!;
      assert.equal(entryAlert.box, 'dari');
      assert.deepEqual([JSON.parse(entryAlert.payload).body, JSON.parse(entryAlert.payload).url], ['راه سالنگ دوباره باز شد.', `${t.ctx.config.publicUrl}/articles/x#entry-4`]);

      // The Dari reader turns alerts off.
      const off = await t.app.inject({ method: 'POST', url: '/alerts/unsubscribe', headers: { 'content-type': 'application/json', origin: t.ctx.config.publicUrl }, payload: { endpoint: dari.endpoint } });
      assert.equal(off.statusCode, 204);
      assert.equal((await t.ctx.db.selectFrom('push_subscriptions').select('id').execute()).length, 1);
    } finally {
      await t.close();
      await push.stop();
    }
  });
}

test('the subscribe call refuses other sites, private and plain-http push addresses, and bad keys', async () => {
  const push = new PushService();
  await push.start();
  const t = await makeTestApp('sqlite');
  try {
    const owner = (await signInAs(t, 'owner')).headers;
    await call(t, owner, 'PATCH', '/api/admin/channels/settings', { settings: { pushEnabled: true } });
    const b = push.browser('x');
    const field = (r: { body: string }) => (JSON.parse(r.body) as { error: { field?: string; message: string } }).error;
    assert.equal((await subscribeAs(t, b, {}, { origin: 'https://evil.example' })).statusCode, 403, 'another site cannot subscribe readers');
    const loop = await subscribeAs(t, b);
    assert.equal(loop.statusCode, 400, 'the loopback is refused unless KHABAR_PUSH_ALLOW names it');
    assert.equal(field(loop).field, 'endpoint');
    for (const endpoint of ['http://push.example/x', 'https://10.1.2.3/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[::ffff:127.0.0.1]/x', 'javascript:alert(1)', 'https://user:pw@push.example/x']) {
      const r = await subscribeAs(t, { ...b, endpoint });
      assert.equal(r.statusCode, 400, endpoint);
      assert.equal(field(r).field, 'endpoint', endpoint);
    }
    const badKey = await subscribeAs(t, { endpoint: 'https://push.example/x', keys: { p256dh: 'AAAA', auth: b.keys.auth } });
    assert.equal(field(badKey).field, 'keys.p256dh');
    const badLang = await subscribeAs(t, { ...b, endpoint: 'https://push.example/x' }, { language: 'xx' });
    assert.equal(field(badLang).field, 'language');
    assert.equal((await t.ctx.db.selectFrom('push_subscriptions').select('id').execute()).length, 0);
    const huge = await t.app.inject({ method: 'POST', url: '/alerts/subscribe', headers: { 'content-type': 'application/json', accept: 'application/json', origin: t.ctx.config.publicUrl }, payload: JSON.stringify({ endpoint: 'x'.repeat(20_000) }) });
    assert.equal(huge.statusCode, 413);
  } finally {
    await t.close();
    await push.stop();
  }
});
