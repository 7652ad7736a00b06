// Two instances on one PostgreSQL schema and one Redis behave as one site: a session, a CSRF token, a 2FA
// enrolment, a preview link and a comment challenge issued by one are honoured by the other; a spent proof of work
// is refused by both; a change made through one purges the other's page cache, and only the changing instance
// calls the CDN's purge webhook. (Shared rate limits: test/http/limits.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { makeTestApp, type TestApp } from '../helpers/context.ts';
import { CookieJar, csrfToken, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { buildApp } from '../../src/app.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { createUser } from '../../src/auth/users.ts';
import { codeAt } from '../../src/auth/two_factor.ts';
import { cheapSettings, postForm, publishedArticle, solvedPayload } from '../comments/fixtures.ts';

const enabled = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL;

/** A browser whose requests the load balancer sends to whichever instance it likes. */
class Browser {
  readonly jar = new CookieJar();
  csrf = '';
  async call(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const res = await app.inject({ method, url, headers: { cookie: this.jar.header(), 'x-csrf-token': this.csrf }, ...(payload ? { payload } : {}) });
    this.jar.take(res);
    return res;
  }
}

interface Pair {
  a: TestApp;
  b: FastifyInstance;
  second: Runtime;
  close(): Promise<void>;
}

/** Instance A (a test app) and instance B on the same schema, Redis, secret and clock. */
async function twoInstances(webhook?: string): Promise<Pair> {
  const overrides = { redisUrl: process.env.TEST_REDIS_URL!, redisPrefix: `t-${randomBytes(5).toString('hex')}`, publicUrl: 'http://localhost:80', ...(webhook ? { purgeWebhook: webhook } : {}) };
  const a = await makeTestApp('postgres', overrides);
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(a.ctx.db)).rows[0].s;
  const second = await createRuntime(a.ctx.config, { clock: a.clock, dbOptions: { schema }, passwordCost: CHEAP_PASSWORD_COST });
  const b = await buildApp(second.ctx);
  await b.ready();
  return { a, b, second, async close() { await b.close(); await second.close(); await a.close(); } };
}

test('a staff session, its CSRF token, a 2FA enrolment and a preview link work on every instance', { skip: enabled ? false : 'needs TEST_DATABASE_URL and TEST_REDIS_URL' }, async () => {
  const { a, b, close } = await twoInstances();
  try {
    await createUser(a.ctx, { email: 'owner@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
    const br = new Browser();
    br.csrf = await csrfToken(a.app, br.jar);
    // Signed in through A; everything after goes through B, and back.
    assert.equal((await br.call(a.app, 'POST', '/api/admin/auth/login', { email: 'owner@khabar.test', password: STAFF_PASSWORD })).statusCode, 200);
    assert.equal((await br.call(b, 'GET', '/api/admin/auth/me')).json().user.role, 'owner');
    const created = await br.call(b, 'POST', '/api/admin/articles', { headline: 'Made through B', bodyHtml: '<p>Draft.</p>' });
    assert.equal(created.statusCode, 201, 'B honours the CSRF token A gave');
    const id = created.json().id as number;
    const forged = await b.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie: br.jar.header(), 'x-csrf-token': 'forged' }, payload: { headline: 'x' } });
    assert.equal(forged.statusCode, 403, 'a forged token is refused there too');
    // 2FA: the secret is issued by A, the confirming code checked by B.
    const setup = await br.call(a.app, 'POST', '/api/admin/auth/2fa/setup');
    assert.equal(setup.statusCode, 200, setup.body);
    const confirm = await br.call(b, 'POST', '/api/admin/auth/2fa/confirm', { code: codeAt(setup.json().secret, a.clock.now()) });
    assert.equal(confirm.statusCode, 200, confirm.body);
    assert.equal((await br.call(a.app, 'GET', '/api/admin/auth/2fa')).json().enabled, true);
    // A preview link made by B opens on A.
    const preview = await br.call(b, 'POST', `/api/admin/articles/${id}/preview`, {});
    const path = new URL(preview.json().url as string).pathname;
    const shown = await a.app.inject(path);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Made through B/);
  } finally {
    await close();
  }
});

test('a comment challenge from one instance is accepted by another, and its proof of work is spent on all', { skip: enabled ? false : 'needs TEST_DATABASE_URL and TEST_REDIS_URL' }, async () => {
  const { a, b, close } = await twoInstances();
  try {
    await cheapSettings(a.ctx);
    const articleId = await publishedArticle(a.ctx);
    const altcha = await solvedPayload(a.app);
    const fields = { article_id: String(articleId), name: 'Reader', comment: 'Thank you for this report.', altcha };
    const posted = await postForm(b, fields);
    assert.ok([200, 201, 202].includes(posted.statusCode), `B took A's challenge: ${posted.statusCode} ${posted.body}`);
    for (const app of [a.app, b]) {
      const replay = await postForm(app, { ...fields, comment: 'The same proof again.' }, { 'x-test-ip': '198.51.100.99' });
      assert.equal(replay.statusCode, 403, `a replay is refused: ${replay.body}`);
      assert.equal(replay.json().error.code, 'pow_spent');
    }
    const stored = await a.ctx.db.selectFrom('comments').select('body').where('article_id', '=', articleId).execute();
    assert.deepEqual(stored.map((c) => c.body), ['Thank you for this report.']);
  } finally {
    await close();
  }
});

test('a change through one instance purges the other\'s pages, and the CDN hears of it once', { skip: enabled ? false : 'needs TEST_DATABASE_URL and TEST_REDIS_URL' }, async () => {
  const heard: string[][] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { heard.push((JSON.parse(body) as { urls: string[] }).urls); res.end(); });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const { a, b, second, close } = await twoInstances(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/purge`);
  try {
    const one = await publishedArticle(a.ctx, { headline: 'Bridge opens' });
    const two = await publishedArticle(a.ctx, { headline: 'Market reopens' });
    const slugOf = async (id: number) => (await a.ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const [p1, p2] = [`/articles/${await slugOf(one)}`, `/articles/${await slugOf(two)}`];
    for (const p of [p1, p2]) for (let i = 0; i < 2; i++) assert.equal((await b.inject(p)).statusCode, 200);
    assert.equal(b.pageCache.hits, 2, 'B keeps both pages');
    const purgesBefore = b.pageCache.purges;
    // The editor corrects the headline through A: B's copy goes as soon as Redis carries the purge.
    await a.ctx.db.updateTable('articles').set({ headline: 'Bridge opens at last' }).where('id', '=', one).execute();
    await a.ctx.events.emit('article.changed', { articleId: one, slug: p1.slice(10), reason: 'edited' });
    while (b.pageCache.purges === purgesBefore) await new Promise((r) => setTimeout(r, 5));
    assert.match((await b.inject(p1)).body, /Bridge opens at last/);
    // A never rendered the pages, yet the CDN (which keeps what any instance sent) hears of both: the correction
    // moved the story in the lists, and the second story's page shows the list of the latest.
    while (heard.length === 0) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(heard[0].sort(), [`http://localhost:80${p1}`, `http://localhost:80${p2}`].sort());
    // B renders again and makes a change of its own: the CDN hears of it from B, each address once.
    assert.equal((await b.inject(p2)).statusCode, 200);
    await second.ctx.events.emit('article.changed', { articleId: two, slug: p2.slice(10), reason: 'edited' });
    while (heard.length === 1) await new Promise((r) => setTimeout(r, 5));
    assert.ok(heard[1].includes(`http://localhost:80${p2}`));
    assert.equal(new Set(heard[1]).size, heard[1].length, 'each address once');
  } finally {
    await close();
    hook.close();
  }
});
