// The stack as an operator runs it: nginx in front of three instances on PostgreSQL and Redis (scripts/stack.ts),
// under a bounded mixed load (readers, comment posters solving real challenges, an editor publishing and
// scheduling through the Admin API). One instance is SIGKILLed mid-load and started again. Afterwards: every
// acknowledged comment is stored, the scheduled story was published once, no reader got a 5xx beyond the
// requests the dead instance held, and every instance, the restarted one too, serves the edited page at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Challenge } from 'altcha-lib';
import { NGINX, startStack, type Stack } from '../../scripts/stack.ts';
import { loadConfig } from '../../src/config.ts';
import { createRuntime } from '../../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { createUser } from '../../src/auth/users.ts';
import { openDatabase } from '../../src/db/index.ts';
import { STAFF_PASSWORD } from '../helpers/staff.ts';
import { cheapSettings, publishedArticle, solve } from '../comments/fixtures.ts';

const ready = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL && NGINX;
const LENIENT = { ipMaxPerTenMinutes: 10_000, ipMaxPerHour: 10_000, networkMaxPerHour: 10_000, articleMaxPerMinute: 10_000, emailMaxPerHour: 10_000, surgePending: 10_000 };

/** A fetch client with cookies, as a browser through nginx. */
class Client {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: this.base, ...headers };
    let payload: string | undefined;
    if (body instanceof URLSearchParams) {
      payload = body.toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
}

test('nginx and three instances under load lose nothing through a killed instance', { skip: ready ? false : 'needs TEST_DATABASE_URL, TEST_REDIS_URL and nginx' }, async () => {
  const seedDir = mkdtempSync(join(tmpdir(), 'khabar-stack-seed-'));
  let articleIds: number[] = [];
  let stack: Stack | null = null;
  try {
    stack = await startStack({
      seed: async (databaseUrl) => {
        const rt = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, KHABAR_DATA_DIR: seedDir, KHABAR_DEMO: '0', KHABAR_SECRET: 'seed-secret-0123456789' }), { passwordCost: CHEAP_PASSWORD_COST });
        await createUser(rt.ctx, { email: 'editor@khabar.test', name: 'Mina Rahimi', password: STAFF_PASSWORD, role: 'editor' });
        await cheapSettings(rt.ctx, LENIENT);
        articleIds = [await publishedArticle(rt.ctx, { headline: 'Floods reach Kabul' }), await publishedArticle(rt.ctx, { headline: 'Schools reopen' })];
        await rt.close();
      },
    });
    const s = stack;
    const db = openDatabase(s.databaseUrl);
    const slugs = (await db.db.selectFrom('articles').select(['id', 'slug']).execute());
    const pages = ['/', ...slugs.map((a) => `/articles/${a.slug}`)];

    // The editor signs in through nginx (any instance answers each call) and schedules a story a few seconds ahead.
    const editor = new Client(s.url);
    const csrf = (await (await editor.send('GET', '/api/admin/csrf')).json()).token as string;
    const ed = (method: string, path: string, body?: unknown) => editor.send(method, path, body, { 'x-csrf-token': csrf });
    assert.equal((await ed('POST', '/api/admin/auth/login', { email: 'editor@khabar.test', password: STAFF_PASSWORD })).status, 200);
    const scheduled = (await (await ed('POST', '/api/admin/articles', { headline: 'Results at noon', bodyHtml: '<p>Counting.</p>' })).json()).id as number;
    const dueAt = Date.now() + 4000;
    assert.equal((await ed('POST', `/api/admin/articles/${scheduled}/schedule`, { at: new Date(dueAt).toISOString() })).status, 200);

    let stopping = false;
    let inFlight = 0;
    let heldAtKill = 0;
    let fivexx = 0;
    let requests = 0;
    const acknowledged: string[] = [];
    const counted = async (run: () => Promise<Response>): Promise<Response | null> => {
      inFlight++;
      try {
        const r = await run();
        requests++;
        if (r.status >= 500) fivexx++;
        await r.arrayBuffer();
        return r;
      } catch {
        return null;
      } finally {
        inFlight--;
      }
    };
    const reader = async (n: number) => {
      for (let i = 0; !stopping; i++) await counted(() => fetch(`${s.url}${pages[(n + i) % pages.length]}`));
    };
    const poster = async (n: number) => {
      const c = new Client(s.url);
      for (let i = 0; !stopping; i++) {
        const ch = await c.send('GET', '/comments/challenge');
        if (ch.status !== 200) { await ch.arrayBuffer(); continue; }
        const altcha = await solve((await ch.json()) as Challenge);
        const comment = `Reader ${n} writes comment number ${i}.`;
        const form = new URLSearchParams({ article_id: String(articleIds[i % 2]), name: `Reader ${n}`, comment, altcha });
        const r = await counted(() => c.send('POST', '/comments', form, { accept: 'application/json' }));
        if (r && r.status === 200) acknowledged.push(comment);
      }
    };
    const load = [0, 1, 2, 3].map(reader).concat([0, 1].map(poster));
    // Mid-load: the second instance dies without a word, and comes back once the scheduled story is due.
    while (requests < 60) await new Promise((r) => setTimeout(r, 20));
    heldAtKill = inFlight;
    await s.instances[1].kill();
    while (Date.now() < dueAt + 500 || requests < 160) await new Promise((r) => setTimeout(r, 20));
    await s.instances[1].start();
    const afterRestart = requests;
    while (requests < afterRestart + 40) await new Promise((r) => setTimeout(r, 20));
    stopping = true;
    await Promise.all(load);

    assert.ok(acknowledged.length > 10, `comments were posted (${acknowledged.length})`);
    const stored = new Set((await db.db.selectFrom('comments').select('body').execute()).map((c) => c.body));
    assert.deepEqual(acknowledged.filter((c) => !stored.has(c)), [], 'no acknowledged comment lost');
    assert.ok(fivexx <= heldAtKill, `5xx answers (${fivexx}) no more than the requests in flight at the kill (${heldAtKill})`);

    // The restarted instance's first tick published the story that came due while it was down: once.
    const story = await db.db.selectFrom('articles').select(['status', 'slug']).where('id', '=', scheduled).executeTakeFirstOrThrow();
    assert.equal(story.status, 'published');
    const publishes = await db.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n'))
      .where('action', '=', 'article.publish').where('subject', '=', `article:${scheduled}`).executeTakeFirstOrThrow();
    assert.equal(Number(publishes.n), 1, 'published exactly once');

    // Every instance has the page in its cache; the editor corrects the headline through nginx; each instance,
    // asked directly, serves the correction (the purge travels through Redis).
    const path = `/articles/${slugs[0].slug}`;
    for (const inst of s.instances) for (let i = 0; i < 2; i++) await (await fetch(`http://127.0.0.1:${inst.port}${path}`)).arrayBuffer();
    assert.equal((await ed('PATCH', `/api/admin/articles/${slugs[0].id}`, { headline: 'Floods reach Kabul: the river falls' })).status, 200);
    for (const inst of s.instances) {
      let body = '';
      for (let tries = 0; tries < 50 && !body.includes('the river falls'); tries++) {
        if (tries) await new Promise((r) => setTimeout(r, 20));
        body = await (await fetch(`http://127.0.0.1:${inst.port}${path}`)).text();
      }
      assert.match(body, /the river falls/, `instance on ${inst.port} serves the correction`);
    }
    await db.close();
  } finally {
    await stack?.stop();
    rmSync(seedDir, { recursive: true, force: true });
  }
});
