// Security headers on every answer: HSTS exactly when the public address is https (also behind a TLS-ending
// proxy), framing refused without the contradicting SAMEORIGIN, browser features the site never uses turned off,
// and the whole set also on the 400 page Fastify answers before any hook runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp } from '../helpers/context.ts';

// A page, an error page, a malformed address, an API answer, an asset, a sign-in page.
const URLS = ['/', '/no-such-page', '/articles/%ZZ', '/api/nothing-here', '/healthz', '/assets/site.css', '/admin/sign-in'];
const UNUSED = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics', 'display-capture', 'serial', 'hid', 'midi'];

test('an https newsroom behind a proxy sends HSTS on every answer', async () => {
  const t = await makeTestApp('sqlite', { publicUrl: 'https://news.example.org', trustProxy: true });
  try {
    for (const url of URLS) {
      const r = await t.app.inject({ url, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9', host: 'news.example.org' } });
      assert.equal(r.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
    }
  } finally {
    await t.close();
  }
});

test('a newsroom on plain http never pins browsers to https', async () => {
  const t = await makeTestApp('sqlite', { publicUrl: 'http://localhost:3000' });
  try {
    for (const url of URLS) {
      const r = await t.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(r.headers['strict-transport-security'], undefined, url);
    }
  } finally {
    await t.close();
  }
});

test('framing is refused one way, unused browser features are off, and no answer goes out without the set', async () => {
  const t = await makeTestApp('sqlite');
  try {
    for (const url of URLS) {
      const r = await t.app.inject(url);
      const where = `${url} (${r.statusCode})`;
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/, where);
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/, where);
      // SAMEORIGIN would allow what frame-ancestors 'none' refuses; DENY says the same thing.
      assert.equal(r.headers['x-frame-options'], 'DENY', where);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
      const policy = String(r.headers['permissions-policy'] ?? '');
      for (const feature of UNUSED) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)(,|$)`), `${feature} off on ${where}`);
      assert.doesNotMatch(policy, /interest-cohort/, 'Chromium logs an unknown feature as an error on every page');
    }
    const malformed = await t.app.inject('/articles/%ZZ');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  } finally {
    await t.close();
  }
});
