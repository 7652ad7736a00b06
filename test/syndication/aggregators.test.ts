// Syndication out: an aggregator made in the Admin API (its key shown once), its full-text feed behind that key
// (our own stories only: nothing marked not for syndication, no partner's story), with bodies, absolute picture
// addresses, bylines, the canonical link and the licence statement; usage per day in the Admin API; a missing,
// wrong or revoked key is 401, and the address is rate-limited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, type Headers } from '../admin/api.ts';
import { feedsmith } from '../site/feed_parsers.ts';

async function publish(t: Parameters<typeof call>[0], headers: Headers, article: Record<string, unknown>): Promise<number> {
  const made = await call(t, headers, 'POST', '/api/admin/articles', article);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const done = await call(t, headers, 'POST', `/api/admin/articles/${made.body.id}/publish`);
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return made.body.id as number;
}

for (const dialect of testDialects()) {
  test(`aggregators pull our own stories in full with their key, counted per day (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const admin = (await signInAs(t, 'admin')).headers;
      const editor = (await signInAs(t, 'editor')).headers;
      const url = t.ctx.config.publicUrl;
      const person = (await call(t, admin, 'POST', '/api/admin/people', { name: 'Laila Ahmadi' })).body.id as number;
      const source = (await call(t, admin, 'POST', '/api/admin/sources', { name: 'Valley Herald', siteUrl: 'https://valley.example', description: '', language: 'en', autoPublish: false })).body.id as number;
      await publish(t, admin, {
        headline: 'Kabul schools reopen', authorIds: [person], noSyndication: false,
        bodyHtml: '<p>Girls returned <a href="/section/education">to class</a>.</p><figure><img src="/media/schools.jpg" alt="A classroom"><figcaption>Morning</figcaption></figure>',
      });
      const bought = await publish(t, admin, { headline: 'A story bought under licence', bodyHtml: '<p>Not ours to pass on.</p>', noSyndication: true, authorIds: [person] });
      await publish(t, admin, { headline: 'A partner story', bodyHtml: '<p>Theirs.</p>', sourceId: source, sourceUrl: 'https://valley.example/a', authorIds: [person] });
      assert.equal((await call(t, admin, 'GET', `/api/admin/articles/${bought}`)).body.article.no_syndication, 1);

      assert.equal((await call(t, editor, 'POST', '/api/admin/aggregators', { name: 'News Hub' })).status, 403, 'keys are for admins');
      assert.equal((await call(t, admin, 'POST', '/api/admin/aggregators', { name: '' })).status, 400);
      const licence = 'Republished under agreement with Khabar & partners <2026>; no edits.';
      const made = await call(t, admin, 'POST', '/api/admin/aggregators', { name: 'News Hub', licence });
      assert.equal(made.status, 201);
      const key = made.body.key as string;
      const id = made.body.aggregator.id as number;
      assert.match(key, /^kha_[A-Za-z0-9_-]{43}$/);
      const listed = (await call(t, admin, 'GET', '/api/admin/aggregators')).body.aggregators;
      assert.deepEqual(listed.map((a: { name: string; prefix: string }) => [a.name, a.prefix]), [['News Hub', key.slice(0, 10)]]);
      assert.ok(!JSON.stringify(listed).includes(key.slice(10)), 'the key is never shown again');

      const pull = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path, headers });
      assert.equal((await pull('/syndication/feed.xml')).statusCode, 401);
      assert.equal((await pull('/syndication/feed.xml', { authorization: `Bearer kha_${'x'.repeat(43)}` })).statusCode, 401);
      const contentKey = (await call(t, admin, 'POST', '/api/admin/api-keys', { name: 'App' })).body.key as string;
      assert.equal((await pull('/syndication/feed.xml', { authorization: `Bearer ${contentKey}` })).statusCode, 401, 'a Content API key is not an aggregator key');

      const rss = await pull('/syndication/feed.xml', { authorization: `Bearer ${key}` });
      assert.equal(rss.statusCode, 200);
      assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
      assert.match(String(rss.headers['cache-control']), /private/);
      const feed = feedsmith(rss.body);
      assert.deepEqual(feed.entries.map((i) => i.title), ['Kabul schools reopen'], 'only our own story that may be syndicated');
      const item = feed.entries[0]!;
      assert.equal(item.link, `${url}/articles/kabul-schools-reopen`, 'the canonical link is our page');
      assert.deepEqual(item.authors, ['Laila Ahmadi']);
      assert.match(item.text, new RegExp(`<img src="${url}/media/schools.jpg"`), 'pictures at absolute addresses');
      assert.match(item.text, new RegExp(`href="${url}/section/education"`));
      assert.match(item.text, /<figcaption>Morning<\/figcaption>/);
      assert.match(rss.body, /<copyright>Republished under agreement with Khabar &amp; partners &lt;2026&gt;; no edits.<\/copyright>/);

      const atom = await pull(`/syndication/atom.xml?key=${key}`);
      assert.equal(atom.statusCode, 200);
      assert.match(atom.body, /<rights>Republished under agreement with Khabar &amp; partners &lt;2026&gt;; no edits.<\/rights>/);
      assert.ok(!atom.body.includes(key), 'the key is not in the feed');
      assert.equal(JSON.parse((await pull('/syndication/feed.json', { authorization: `Bearer ${key}` })).body).items.length, 1);
      assert.equal((await pull('/syndication/feed.json?language=fa', { authorization: `Bearer ${key}` })).statusCode, 200);
      assert.equal((await pull('/syndication/feed.json?language=xx', { authorization: `Bearer ${key}` })).statusCode, 400);

      const read = (await call(t, admin, 'GET', `/api/admin/aggregators/${id}`)).body;
      const today = t.clock.now().toISOString().slice(0, 10);
      assert.deepEqual(read.usage, [{ day: today, requests: 4, items: 3 }], 'four answered pulls, three stories served');
      t.clock.advance(24 * 60 * 60_000);
      await pull('/syndication/feed.xml', { authorization: `Bearer ${key}` });
      const admin2 = (await signInAs(t, 'admin', { email: 'admin2@example.org' })).headers;
      const days = (await call(t, admin2, 'GET', `/api/admin/aggregators/${id}?days=2`)).body.usage;
      assert.deepEqual(days.map((d: { requests: number }) => d.requests), [1, 4], 'a line per day, newest first');
      assert.deepEqual((await call(t, admin2, 'GET', '/api/admin/aggregators')).body.aggregators[0].last30Days, { requests: 5, items: 4 }, 'the list shows the month\'s totals');

      assert.equal((await call(t, admin2, 'PATCH', `/api/admin/aggregators/${id}`, { licence: 'CC BY-ND 4.0' })).body.aggregator.licence, 'CC BY-ND 4.0');
      assert.equal((await call(t, admin2, 'POST', `/api/admin/aggregators/${id}/revoke`)).status, 204);
      assert.equal((await call(t, admin2, 'POST', `/api/admin/aggregators/${id}/revoke`)).status, 409);
      assert.equal((await pull('/syndication/feed.xml', { authorization: `Bearer ${key}` })).statusCode, 401, 'a revoked key is refused');
      const renewed = await call(t, admin2, 'POST', `/api/admin/aggregators/${id}/key`);
      assert.equal((await pull('/syndication/feed.xml', { authorization: `Bearer ${renewed.body.key}` })).statusCode, 200, 'a new key works again');
      assert.match((await pull('/syndication/feed.xml', { authorization: `Bearer ${renewed.body.key}` })).body, /<copyright>CC BY-ND 4.0<\/copyright>/);

      // Key guessing from one address meets the route's limit.
      let status = 0;
      for (let n = 0; n < 70 && status !== 429; n++) status = (await pull('/syndication/feed.xml', { authorization: `Bearer kha_${String(n).padStart(43, 'g')}` })).statusCode;
      assert.equal(status, 429);

      assert.equal((await call(t, admin2, 'DELETE', `/api/admin/aggregators/${id}`)).status, 204);
      assert.equal((await call(t, admin2, 'GET', `/api/admin/aggregators/${id}`)).status, 404);
    } finally {
      await t.close();
    }
  });
}
