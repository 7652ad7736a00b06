// The outer request-rate walls: counted per client address, answered 429 with a clear message, and (with Redis)
// shared by every instance of the newsroom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { makeTestApp, type TestApp } from '../helpers/context.ts';
import { LIMITS } from '../../src/http/limits.ts';
import { CookieJar, csrfToken } from '../helpers/staff.ts';

const max = LIMITS.commentReport.max;
const someAddress = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::1`;

function report(t: TestApp, ip: string) {
  return t.app.inject({ method: 'POST', url: '/comments/999999/report', remoteAddress: ip,
    headers: { origin: t.ctx.config.publicUrl, accept: 'application/json' } });
}

test('limits: one address may report comments only so often; others are not affected', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const ip = someAddress();
    for (let i = 0; i < max; i++) assert.equal((await report(t, ip)).statusCode, 404, `report ${i + 1} is answered on its merits`);
    const refused = await report(t, ip);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) > 0, 'says when to come back');
    assert.equal((await report(t, someAddress())).statusCode, 404, 'another reader is not limited');
  } finally {
    await t.close();
  }
});

test('limits: the Content API is limited per address', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const ip = someAddress();
    let last = 0;
    for (let i = 0; i <= LIMITS.contentApi.max; i++) {
      last = (await t.app.inject({ method: 'GET', url: '/api/content/sections', remoteAddress: ip })).statusCode;
      if (i < LIMITS.contentApi.max) assert.equal(last, 401, 'without a key: refused on its merits');
    }
    assert.equal(last, 429);
  } finally {
    await t.close();
  }
});

test('limits: with Redis, two instances share one count', { skip: !process.env.TEST_REDIS_URL && 'TEST_REDIS_URL is not set' }, async () => {
  const redisUrl = process.env.TEST_REDIS_URL!;
  const a = await makeTestApp('sqlite', { redisUrl });
  const b = await makeTestApp('sqlite', { redisUrl });
  try {
    const ip = someAddress();
    for (let i = 0; i < max; i++) assert.equal((await report(i % 2 ? a : b, ip)).statusCode, 404);
    assert.equal((await report(a, ip)).statusCode, 429, 'instance a knows what b counted');
    assert.equal((await report(b, ip)).statusCode, 429);
  } finally {
    await a.close();
    await b.close();
  }
});

test('limits: asking for password-reset emails is limited per address', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const ip = someAddress();
    const jar = new CookieJar();
    const csrf = await csrfToken(t.app, jar);
    const ask = (email: string) => t.app.inject({ method: 'POST', url: '/api/admin/auth/reset/request', remoteAddress: ip,
      headers: { cookie: jar.header(), 'x-csrf-token': csrf }, payload: { email } });
    for (let i = 0; i < LIMITS.passwordResetRequest.max; i++) assert.equal((await ask(`reader${i}@khabar.test`)).statusCode, 202);
    assert.equal((await ask('one-more@khabar.test')).statusCode, 429, 'a sixth address from the same place is refused');
  } finally {
    await t.close();
  }
});
