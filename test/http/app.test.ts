import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { loadConfig, ConfigError } from '../../src/config.ts';

for (const dialect of testDialects()) {
  test(`http: health, security headers, JSON errors for the API (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const health = await t.app.inject('/healthz');
      assert.equal(health.statusCode, 200);
      const body = health.json() as { status: string; database: string };
      assert.deepEqual([body.status, body.database], ['ok', dialect]);
      const csp = String(health.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(health.headers['x-content-type-options'], 'nosniff');
      assert.equal(health.headers['referrer-policy'], 'strict-origin-when-cross-origin');

      const api404 = await t.app.inject('/api/nothing-here');
      assert.equal(api404.statusCode, 404);
      assert.equal(api404.json().error.code, 'not_found');

      const traversal = await t.app.inject('/assets/../package.json');
      assert.ok([400, 404].includes(traversal.statusCode), `traversal answered ${traversal.statusCode}`);
      assert.doesNotMatch(traversal.body, /"name": "khabar"/);
      const encoded = await t.app.inject('/assets/%2e%2e/%2e%2e/package.json');
      assert.ok([400, 404].includes(encoded.statusCode));
      assert.doesNotMatch(encoded.body, /better-sqlite3/);
    } finally {
      await t.close();
    }
  });
}

test('config: defaults and clear errors for bad values', () => {
  const c = loadConfig({});
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 3000);
  assert.match(c.databaseUrl, /data\/khabar\.sqlite$/);
  assert.equal(c.demo, true);
  assert.equal(loadConfig({ KHABAR_DEMO: '0' }).demo, false);
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT must be a whole number/.test(e.message));
  assert.throws(() => loadConfig({ PORT: '70000' }), ConfigError);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must be a postgres/);
  assert.throws(() => loadConfig({ KHABAR_DEMO: 'maybe' }), /KHABAR_DEMO must be 1 or 0/);
  assert.throws(() => loadConfig({ REDIS_URL: 'http://x' }), /REDIS_URL/);
});
