// Audience figures end to end: known views sent to the public site (several readers, a repeat served from the page
// cache, a bot, a prefetch, a HEAD, a 404, a lite page, a feed fetch, arrivals from Telegram and a search engine) are
// read back exactly through the Admin API, on SQLite and PostgreSQL; reader pages set no cookie and load no counting
// script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { getArticle } from '../../src/content/articles.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

async function visit(t: TestApp, url: string, ip: string, ua: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
  const res = await t.app.inject({ method, url, remoteAddress: ip, headers: { 'user-agent': ua, 'accept-encoding': 'br', ...headers } });
  assert.equal(res.headers['set-cookie'], undefined, `${url} sets no cookie`);
  return res;
}

for (const dialect of testDialects()) {
  test(`[${dialect}] known views are read back exactly through the Admin API`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const lead = (await getArticle(t.ctx.db, n.articles.lead))!;
      const other = (await getArticle(t.ctx.db, n.articles.corrected))!;
      const path = `/articles/${encodeURIComponent(lead.slug)}`;

      const first = await visit(t, path, '10.0.0.1', FIREFOX);
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-khabar-cache'], 'miss');
      const again = await visit(t, path, '10.0.0.1', FIREFOX);
      assert.equal(again.headers['x-khabar-cache'], 'hit', 'the repeat is a cached hit, counted all the same');
      const telegram = await visit(t, path, '10.0.0.2', CHROME, { referer: 'https://t.me/testdaily/4521' });
      assert.equal(telegram.headers['x-khabar-cache'], 'hit');
      assert.equal((await visit(t, `/lite${path}`, '10.0.0.3', SAFARI)).statusCode, 200);
      assert.equal((await visit(t, '/?utm_source=newsletter', '10.0.0.2', CHROME, { referer: 'https://www.google.com/' })).statusCode, 200);
      // not readers' views: a crawler (counted apart), a prefetch, a HEAD, a missing page, a revalidation by a bot
      assert.equal((await visit(t, path, '66.249.66.1', GOOGLEBOT)).statusCode, 200);
      await visit(t, `/articles/${encodeURIComponent(other.slug)}`, '10.0.0.4', CHROME, { 'sec-purpose': 'prefetch' });
      await visit(t, `/articles/${encodeURIComponent(other.slug)}`, '10.0.0.4', CHROME, {}, 'HEAD');
      assert.equal((await visit(t, '/articles/no-such-story', '10.0.0.4', CHROME)).statusCode, 404);
      assert.equal((await visit(t, '/sitemap.xml', '10.0.0.4', CHROME)).statusCode, 200);
      // a feed reader's fetch: its own kind
      assert.equal((await visit(t, '/feed', '10.0.0.5', 'NetNewsWire (RSS Reader; https://netnewswire.com/)')).statusCode, 200);

      // written (by the batch timer or this flush): five reader views, a bot and a feed fetch; the sitemap was heard
      // as answered but is not a page
      await t.app.pageViews?.flush();
      assert.equal(t.app.pageViews?.written, 7);
      await runDueJobs(t.ctx);

      const editor = (await signInAs(t, 'editor')).headers;
      const overview = (await call(t, editor, 'GET', '/api/admin/audience?range=today')).body;
      assert.deepEqual(overview.totals, { views: 5, visitors: 3, bots: 1, feedFetches: 1 });
      // 09:00 UTC is 13:30 in Kabul: the 13:00 hour (08:30 UTC) holds every view
      assert.deepEqual(overview.series.filter((p: { views: number }) => p.views > 0), [{ at: '2026-11-25T08:30:00.000Z', views: 5, visitors: 3 }]);
      const rows = (x: { key: string; views: number; visitors: number }[]) => x.map((r) => [r.key, r.views, r.visitors]);
      assert.deepEqual(rows(overview.groups.ref_group), [['direct', 3, 2], ['email', 1, 1], ['telegram', 1, 1]]);
      assert.deepEqual(rows(overview.groups.edition), [['full', 4, 2], ['lite', 1, 1]]);
      assert.deepEqual(rows(overview.groups.kind), [['article', 4, 3], ['front', 1, 1]]);
      assert.deepEqual(rows(overview.groups.language), [['en', 5, 3]]);

      const table = async (name: string) => (await call(t, editor, 'GET', `/api/admin/audience/tables/${name}?range=7d`)).body.rows;
      const stories = await table('article');
      assert.deepEqual(stories.map((r: { key: string; label: string; views: number; visitors: number }) => [Number(r.key), r.label, r.views, r.visitors]), [[lead.id, lead.headline, 4, 3]]);
      assert.deepEqual(rows(await table('section')), [[String(n.sections.immigration), 4, 3]]);
      assert.deepEqual(rows(await table('author')).sort(), [[String(n.people.mina), 4, 3], [String(n.people.omar), 4, 3]].sort());
      assert.deepEqual(rows(await table('ref_host')), [['google.com', 1, 1], ['t.me', 1, 1]], 'the search engine came with a newsletter tag, grouped as email; its host is still kept');
      assert.deepEqual(rows(await table('bot')), [['article', 1, 1]]);

      const realtime = (await call(t, editor, 'GET', '/api/admin/audience/realtime')).body;
      assert.equal(realtime.views, 5);
      assert.equal(realtime.visitors, 3);
      assert.equal(realtime.minutes.length, 30);
      assert.equal(realtime.minutes.at(-1).views, 5);

      const list = (await call(t, editor, 'GET', `/api/admin/audience/stories?ids=${lead.id},${other.id}`)).body;
      assert.deepEqual(list.figures, { [lead.id]: { views: 4, visitors: 3 }, [other.id]: { views: 0, visitors: 0 } });
      const story = (await call(t, editor, 'GET', `/api/admin/audience/stories/${lead.id}`)).body;
      assert.deepEqual(story.total, { views: 4, visitors: 3 });
      assert.deepEqual(rows(story.referrers), [['direct', 3, 2], ['telegram', 1, 1]]);

      // authors and contributors do not read the newsroom's figures; bad input is a clear 400
      const author = (await signInAs(t, 'author')).headers;
      assert.equal((await call(t, author, 'GET', '/api/admin/audience')).status, 403);
      const bad = await call(t, editor, 'GET', '/api/admin/audience?range=year');
      assert.equal(bad.status, 400);
      assert.equal((await call(t, editor, 'GET', '/api/admin/audience/stories?ids=1,x')).body.error.field, 'ids');

      // running the roll-up again changes nothing; no address or user agent is stored
      await runDueJobs(t.ctx);
      assert.deepEqual((await call(t, editor, 'GET', '/api/admin/audience?range=today')).body.totals, overview.totals);
      const raw = JSON.stringify(await t.ctx.db.selectFrom('audience_views').selectAll().execute());
      for (const secret of ['10.0.0.1', '10.0.0.2', 'Firefox', 'Chrome', 'Googlebot']) assert.ok(!raw.includes(secret), `${secret} is not stored`);
    } finally {
      await t.close();
    }
  });
}
