// Liveness, readiness, Prometheus metrics and the request id: what an operator's tools read from an instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { makeTestApp, makeTestContext, testDialects } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';

for (const dialect of testDialects()) {
  test(`[${dialect}] /healthz answers while the process lives; /readyz names what it reached`, async () => {
    const t = await makeTestApp(dialect, process.env.TEST_REDIS_URL ? { redisUrl: process.env.TEST_REDIS_URL } : {});
    try {
      const live = await t.app.inject('/healthz');
      assert.equal(live.statusCode, 200);
      assert.equal(live.headers['cache-control'], 'no-store');
      const ready = await t.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', database: 'ok', redis: process.env.TEST_REDIS_URL ? 'ok' : 'none' });
    } finally {
      await t.close();
    }
  });
}

test('/readyz answers 503 when Redis or the database is unreachable, and /healthz stays 200', async () => {
  // Nothing listens on port 1: Redis is configured but away.
  const t = await makeTestApp('sqlite', { redisUrl: 'redis://127.0.0.1:1' });
  try {
    const r = await t.app.inject('/readyz');
    assert.equal(r.statusCode, 503);
    assert.deepEqual(r.json(), { status: 'unready', database: 'ok', redis: 'unreachable' });
    assert.equal((await t.app.inject('/healthz')).statusCode, 200);
  } finally {
    await t.close();
  }
  const gone = await makeTestApp('sqlite');
  try {
    await gone.ctx.db.destroy();
    const r = await gone.app.inject('/readyz');
    assert.equal(r.statusCode, 503);
    assert.equal(r.json().database, 'unreachable');
  } finally {
    await gone.app.close();
  }
});

const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

test('/metrics counts requests by route kind, page-cache hits and purges, comment decisions and job runs', async () => {
  const t = await makeTestApp('sqlite');
  try {
    for (let i = 0; i < 3; i++) assert.equal((await t.app.inject('/')).statusCode, 200);
    await t.app.inject('/no-such-page');
    await t.ctx.events.emit('comment.changed', { articleId: 1, commentId: 1, status: 'pending' });
    await t.ctx.events.emit('settings.changed', { keys: ['site.name'] });
    t.app.metrics?.jobsRan({ published: [], tidied: null, polled: [], ran: ['publish-scheduled', 'publish-scheduled', 'tidy-accounts'] });
    const res = await t.app.inject('/metrics');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const m = res.body;
    assert.equal(sample(m, 'khabar_http_requests_total{kind="page",method="GET",status="2xx"}'), 3);
    assert.equal(sample(m, 'khabar_http_requests_total{kind="not_found",method="GET",status="4xx"}'), 1);
    assert.equal(sample(m, 'khabar_http_request_duration_seconds_count{kind="page"}'), 3);
    assert.equal(sample(m, 'khabar_page_cache_misses_total'), 1);
    assert.equal(sample(m, 'khabar_page_cache_hits_total'), 2);
    assert.equal(sample(m, 'khabar_page_cache_purges_total'), 2, 'the comment and the settings change purged once each');
    assert.equal(sample(m, 'khabar_page_cache_purged_pages_total'), 1, 'the home page went with the settings');
    assert.equal(sample(m, 'khabar_comment_decisions_total{status="pending"}'), 1);
    assert.equal(sample(m, 'khabar_job_runs_total{job="publish-scheduled"}'), 2);
    assert.equal(sample(m, 'khabar_job_runs_total{job="tidy-accounts"}'), 1);
    assert.match(m, /^khabar_process_resident_memory_bytes /m);
  } finally {
    await t.close();
  }
});

test('/metrics is not for the world: through the proxy, from afar, or turned off it is a 404', async () => {
  const t = await makeTestApp('sqlite', { trustProxy: true });
  const off = await makeTestApp('sqlite', { metrics: 'off' });
  const open = await makeTestApp('sqlite', { metrics: 'open' });
  try {
    assert.equal((await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode, 404, 'nginx on this machine forwarded it');
    assert.equal((await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode, 404, 'a distant client');
    assert.equal((await off.app.inject('/metrics')).statusCode, 404);
    assert.equal((await open.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode, 200);
  } finally {
    await t.close();
    await off.close();
    await open.close();
  }
});

/** An app whose JSON log lines are collected. */
async function loggingApp(trustProxy: boolean) {
  const t = await makeTestContext('sqlite', { trustProxy });
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const app = await buildApp(t.ctx, { logger: { level: 'info', stream } });
  return { app, lines, close: async () => { await app.close(); await t.close(); } };
}

test('the request id comes from nginx behind a trusted proxy, is made here otherwise, and is in each log line', async () => {
  const trusted = await loggingApp(true);
  const direct = await loggingApp(false);
  try {
    const r = await trusted.app.inject({ url: '/healthz', headers: { 'x-request-id': 'f3a9c1e07b6d4e21' } });
    assert.equal(r.headers['x-request-id'], 'f3a9c1e07b6d4e21');
    const logged = trusted.lines.filter((l) => l.reqId === 'f3a9c1e07b6d4e21');
    assert.ok(logged.some((l) => l.msg === 'request completed'), 'the completed line carries the proxy\'s id');
    // A forged id with a line break or markup is replaced, never written into the log.
    const forged = await trusted.app.inject({ url: '/healthz', headers: { 'x-request-id': 'x\u2028{"level":60}' } });
    assert.match(String(forged.headers['x-request-id']), /^[A-Za-z0-9]{12}-[0-9a-z]+$/);
    // Without a trusted proxy the client's header is ignored.
    const d = await direct.app.inject({ url: '/healthz', headers: { 'x-request-id': 'chosen-by-client' } });
    assert.notEqual(d.headers['x-request-id'], 'chosen-by-client');
    assert.ok(direct.lines.some((l) => l.reqId === d.headers['x-request-id']));
    assert.ok(!direct.lines.some((l) => l.reqId === 'chosen-by-client'));
  } finally {
    await trusted.close();
    await direct.close();
  }
});
