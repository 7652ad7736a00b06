// Smaller doors closed: IPv4-compatible IPv6 (::/96) refused by the fetcher; a content security policy in every
// page of the static copy; a house ad's link that browsers would read as another host refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressRule } from '../../src/syndication/addresses.ts';
import { rewriteHtml } from '../../src/export/rewrite.ts';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';

test('the fetcher refuses IPv4-compatible IPv6 addresses (::/96), loopback ones among them', () => {
  const rule = new AddressRule([]);
  for (const a of ['[::127.0.0.1]', '::127.0.0.1', '::7f00:1', '::a00:1', '::', '::1']) assert.equal(rule.permits(a), false, a);
  assert.equal(rule.permits('2606:4700::1111'), true);
  assert.equal(rule.permits('93.184.215.14'), true);
});

test('every page of the static copy carries its content security policy in a <meta>', () => {
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>x</title></head><body><p>Hi</p></body></html>';
  const out = rewriteHtml(page, 'index.html', 'https://news.example', () => {});
  assert.match(out, /<meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';[^"]*object-src 'none'[^"]*">/);
  assert.doesNotMatch(out, /frame-ancestors/, 'a <meta> cannot carry it');
  assert.equal(rewriteHtml(out, 'index.html', 'https://news.example', () => {}).match(/Content-Security-Policy/g)?.length, 1);
});

for (const dialect of testDialects()) {
  test(`[${dialect}] a house ad's link may not lead to another host through a path that browsers read as one`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const admin = (await signInAs(t, 'admin')).headers;
      const slot = await call(t, admin, 'POST', '/api/admin/ads/slots', { name: 'Sidebar', key: 'sidebar' });
      assert.equal(slot.status, 201, JSON.stringify(slot.body));
      const make = (linkUrl: string) => call(t, admin, 'POST', '/api/admin/ads/creatives', { slotId: slot.body.id, name: 'Ad', headline: 'Buy', linkUrl });
      for (const bad of ['/\\evil.example', '//evil.example', '/\\/evil.example', '/ /evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
        const r = await make(bad);
        assert.equal(r.status, 400, `${JSON.stringify(bad)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.field, 'linkUrl');
      }
      for (const good of ['/about', '/articles/a-story?x=1#top', 'https://partner.example/offer']) assert.equal((await make(good)).status, 201, good);
    } finally {
      await t.close();
    }
  });
}
