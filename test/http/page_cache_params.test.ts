// A cached answer is only ever given to a request that the route would answer identically: every public address,
// asked over a real socket (where stored pages are answered before Fastify, src/http/cached_hits.ts) with and
// without parameters no page reads, cached and rendered, gives the same status, headers and body; an imported
// site's old addresses (/?p=ID and the like) reach their redirect whether or not the home page is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createRedirect } from '../../src/content/redirects.ts';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(base: string, url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(base + url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What must not differ between two answers to the same page: all but the per-request and per-connection headers. */
function comparable(a: Answer): { status: number; headers: Record<string, unknown>; body: string } {
  const headers = { ...a.headers };
  for (const h of ['date', 'x-request-id', 'x-khabar-cache', 'connection', 'keep-alive']) delete headers[h];
  return { status: a.status, headers, body: a.body.toString('base64') };
}

/** Answered each time, never stored: robots.txt; the news sitemap (stories leave it as the clock passes). */
const NOT_STORED = new Set(['/robots.txt', '/sitemaps/news.xml']);

const EXTRA = 'utm_source=newsletter&utm_medium=email&fbclid=IwAR0x&zz=1';

async function listening(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

for (const dialect of testDialects()) {
  test(`every public page answers the same cached, rendered and with extra parameters (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      await buildNewsroom(t.ctx, 13);
      const base = await listening(t);
      const year = t.clock.now().getUTCFullYear();
      const pages = ['/', '/?page=2', '/articles/clinic-opens-in-herat', '/articles/clinic-opens-in-herat?cpage=1', '/section/politics',
        '/section/politics?page=2', '/tag/health', '/author/mina-rahimi', `/${year}/`, '/search?q=clinic', '/search?q=clinic&section=immigration-news',
        '/feed', '/atom.xml', '/feed.json', '/section/politics/feed', '/tag/health/feed', '/sitemap.xml',
        '/sitemaps/articles-1.xml', '/sitemaps/news.xml', '/robots.txt', '/lite/', '/lite/articles/clinic-opens-in-herat', '/lite/section/politics'];
      const cache = t.app.pageCache;
      for (const page of pages) {
        const extra = `${page}${page.includes('?') ? '&' : '?'}${EXTRA}`;
        for (const headers of [{ 'accept-encoding': 'br, gzip' }, {}, { 'accept-encoding': 'gzip', 'save-data': 'on' }] as Record<string, string>[]) {
          cache.clear();
          const rendered = await get(base, page, headers);
          assert.ok([200].includes(rendered.status), `${page} answers ${rendered.status}`);
          const again = await get(base, page, headers);
          const withExtra = await get(base, extra, headers);
          const head = await get(base, extra, headers, 'HEAD');
          cache.clear();
          const renderedExtra = await get(base, extra, headers);
          const name = `${page} ${JSON.stringify(headers)}`;
          if (!NOT_STORED.has(page)) {
            assert.equal(rendered.headers['x-khabar-cache'], 'miss', name);
            assert.equal(again.headers['x-khabar-cache'], 'hit', `${name}: a repeat is a hit`);
            assert.equal(withExtra.headers['x-khabar-cache'], 'hit', `${name}: utm_* and the like find the same page`);
            assert.equal(renderedExtra.headers['x-khabar-cache'], 'miss', name);
          }
          assert.deepEqual(comparable(again), comparable(rendered), `${name}: the hit is the rendered answer`);
          assert.deepEqual(comparable(withExtra), comparable(rendered), `${name}: with extra parameters`);
          assert.deepEqual(comparable(renderedExtra), comparable(rendered), `${name}: rendered with extra parameters`);
          assert.deepEqual(comparable(head), { ...comparable(rendered), body: '' }, `${name}: HEAD`);
          const etag = String(rendered.headers.etag ?? '');
          if (etag) {
            const cached304 = await get(base, extra, { ...headers, 'if-none-match': etag });
            cache.clear();
            const rendered304 = await get(base, extra, { ...headers, 'if-none-match': etag });
            assert.equal(cached304.status, 304, name);
            assert.deepEqual(comparable(cached304), comparable(rendered304), `${name}: 304 cached and rendered`);
          }
        }
      }
      // Parameters a page reads make another page, repeated ones included (the route refuses them: never cached).
      const p2 = await get(base, '/section/politics?page=2');
      const p1 = await get(base, '/section/politics');
      assert.notEqual(p2.body.toString(), p1.body.toString());
      await get(base, '/section/politics?page=2');
      const twice = await get(base, '/section/politics?page=2&page=3');
      assert.equal(twice.status, 400, 'a repeated page number is refused, not answered with page 2 from the cache');
      assert.equal((await get(base, '/section/politics?page=2&page=3')).status, 400);
      // A member of staff (a session cookie) never gets the stored page.
      assert.equal((await get(base, '/', { cookie: 'khabar_session=abc' })).headers['x-khabar-cache'], 'bypass');
    } finally {
      await t.close();
    }
  });

  test(`an imported site's old addresses answer 301 whether or not the home page is cached (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      await buildNewsroom(t.ctx);
      const base = await listening(t);
      const old: Record<string, string> = {
        '/?p=101': '/articles/clinic-opens-in-herat', '/?page_id=7': '/pages/about', '/?cat=4': '/section/politics',
        '/?tag=health': '/tag/health', '/?author=2': '/author/mina-rahimi',
      };
      for (const [from, to] of Object.entries(old)) await createRedirect(t.ctx, { fromPath: from, toPath: to });
      const redirects = async (when: string) => {
        for (const [from, to] of Object.entries(old)) {
          for (const url of [from, `${from}&utm_source=x`, `/?utm_source=x&${from.slice(2)}`]) {
            const r = await get(base, url, { 'accept-encoding': 'br' });
            assert.equal(r.status, 301, `${url} ${when}`);
            assert.equal(r.headers.location, to, `${url} ${when}`);
          }
        }
      };
      t.app.pageCache.clear();
      await redirects('before the home page is stored');
      const home = await get(base, '/', { 'accept-encoding': 'br' });
      assert.equal(home.status, 200);
      assert.equal((await get(base, '/', { 'accept-encoding': 'br' })).headers['x-khabar-cache'], 'hit');
      await redirects('once the home page is stored');
      const utm = await get(base, '/?utm_source=x', { 'accept-encoding': 'br' });
      assert.equal(utm.headers['x-khabar-cache'], 'hit', '/?utm_source=x gets the stored home page');
      assert.deepEqual(comparable(utm), comparable(home));
      // An old address with no redirect shows the home page, rendered for it, never stored under /.
      const unknown = await get(base, '/?p=999', { 'accept-encoding': 'br' });
      assert.equal(unknown.status, 200);
      assert.equal(unknown.headers['x-khabar-cache'], 'bypass');
      assert.deepEqual(comparable(unknown), comparable(home));
      // The same through Fastify's own path (app.inject never meets the server's front door).
      t.app.pageCache.clear();
      await t.app.inject('/');
      assert.equal((await t.app.inject('/')).headers['x-khabar-cache'], 'hit');
      const injected = await t.app.inject('/?p=101&utm_medium=x');
      assert.equal(injected.statusCode, 301);
      assert.equal(injected.headers.location, old['/?p=101']);
    } finally {
      await t.close();
    }
  });
}
