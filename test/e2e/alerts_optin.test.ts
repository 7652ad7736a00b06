// The alerts opt-in in Chromium: the box appears where push works and asks nothing on load (no permission request,
// no service worker, no subscription); after a click with notifications allowed, the subscription is stored on the
// site and an alert reaches it. Headless Chromium has no push service of its own to subscribe with (the browser's
// subscribe fails without one), so the page's PushManager.subscribe hands back a subscription whose endpoint and
// keys belong to the loopback push service (test/channels/push_service.ts); the rest, the permission prompt, the
// service worker's registration from the site's origin, alerts.js's request and the delivery, is real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestContext } from '../helpers/context.ts';
import { launchBrowser, startTestServer, scriptProblems } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';
import { updateChannelSettings } from '../../src/channels/settings.ts';
import { createAlert } from '../../src/channels/alerts.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { PushService } from '../channels/push_service.ts';

test('the alerts button asks nothing before a click, then subscribes the browser', async (t) => {
  const push = new PushService();
  await push.start();
  const tc = await makeTestContext('sqlite', { pushAllow: ['127.0.0.1/32'] });
  const server = await startTestServer(await buildApp(tc.ctx));
  await updateChannelSettings(tc.ctx, { pushEnabled: true });
  const browser = await launchBrowser();
  try {
    const sub = push.browser('chromium');
    // A string, not a function: the test's TypeScript compiler would add helpers the page does not have.
    await browser.context.addInitScript(`
      window.asked = 0;
      const ask = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = (...args) => { window.asked++; return ask(...args); };
      if ('PushManager' in window) {
        const fake = ${JSON.stringify(sub)};
        const subscription = { endpoint: fake.endpoint, toJSON: () => fake, unsubscribe: async () => true };
        PushManager.prototype.subscribe = async () => subscription;
      }`);
    const page = await browser.newPage();
    const problems = scriptProblems(page);
    await page.goto(`${server.base}/`);
    const box = page.locator('[data-alerts]');
    await box.waitFor({ state: 'visible' });
    const before = await page.evaluate(async () => ({
      asked: (window as unknown as { asked: number }).asked, permission: Notification.permission,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    assert.deepEqual(before, { asked: 0, permission: 'default', workers: 0 }, 'nothing is asked or registered on load');
    assert.equal((await tc.ctx.db.selectFrom('push_subscriptions').select('id').execute()).length, 0);

    // The browser's own push service: headless Chromium has none to reach here.
    await browser.context.grantPermissions(['notifications'], { origin: server.base });
    const own = await page.evaluate(async () => {
      try {
        const reg = await navigator.serviceWorker.register('/alerts-sw.js', { scope: '/' });
        await navigator.serviceWorker.ready;
        return { ok: true, scope: reg.scope, error: '' };
      } catch (err) {
        return { ok: false, scope: '', error: String(err) };
      }
    });
    assert.equal(own.scope, `${server.base}/`, 'the service worker registers from the site\'s origin with the whole site as its scope, under its CSP');
    t.diagnostic(`service worker: ${JSON.stringify(own)}`);

    await page.getByRole('button', { name: 'Get breaking news alerts' }).click();
    await page.getByRole('status').filter({ hasText: 'Alerts are on.' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { asked: number }).asked), 1, 'the permission is asked once, on the click');
    const stored = await tc.ctx.db.selectFrom('push_subscriptions').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.deepEqual([stored[0].endpoint, stored[0].p256dh, stored[0].auth, stored[0].language, stored[0].section_id], [sub.endpoint, sub.keys.p256dh, sub.keys.auth, 'en', null]);
    assert.ok(await page.getByRole('button', { name: 'Turn alerts off' }).isVisible());

    await createAlert(tc.ctx, { language: 'en', text: 'Roads reopen', url: `${tc.ctx.config.publicUrl}/articles/roads` }, null);
    await runJob(tc.ctx, 'channels');
    assert.equal(push.received.length, 1);
    assert.equal(JSON.parse(push.received[0].payload).body, 'Roads reopen');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    await tc.close();
    await push.stop();
  }
});
