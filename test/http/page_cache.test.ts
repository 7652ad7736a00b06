// The page cache: public pages are kept ready to send and a change purges exactly the pages that show it (each
// kind of change, page by page); one render for many readers asking at once; staff, previews, comment answers
// and error pages are never stored; no page that sets a cookie is kept; memory stays within its bound; a CDN's
// purge hook hears once per purge which addresses changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle, unpublishArticle, updateArticle, addCorrection } from '../../src/content/articles.ts';
import { updatePerson } from '../../src/content/people.ts';
import { updateTag, getTagBySlug } from '../../src/content/tags.ts';
import { updateSection } from '../../src/content/sections.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { updateCreative } from '../../src/ads/ads.ts';
import { moderateComments } from '../../src/comments/moderation.ts';

const PAGES = {
  home: '/',
  clinic: '/articles/clinic-opens-in-herat',
  renamed: '/articles/new-slug',
  talks: '/articles/talks-resume-abroad',
  immigration: '/section/immigration-news',
  politics: '/section/politics',
  politics2: '/section/politics?page=2',
  health: '/tag/health',
  diplomacy: '/tag/diplomacy',
  mina: '/author/mina-rahimi',
};
type Page = keyof typeof PAGES;
const ALL = Object.keys(PAGES) as Page[];

/** Asks for every page once; returns those that were rendered (a miss) rather than sent from the cache. */
async function rendered(t: TestApp): Promise<Page[]> {
  const missed: Page[] = [];
  for (const page of ALL) {
    const r = await t.app.inject({ url: PAGES[page], headers: { 'accept-encoding': 'br' } });
    if (r.headers['x-khabar-cache'] !== 'hit') missed.push(page);
  }
  return missed;
}

async function approvedComment(t: TestApp, articleId: number): Promise<void> {
  const now = t.clock.now().toISOString();
  const { id } = await t.ctx.db.insertInto('comments').values({
    article_id: articleId, parent_id: null, depth: 0, author_name: 'Lynx', author_email: null, ip: '192.0.2.1', network: '192.0.2.0/24',
    body: 'Held for review, then approved.', body_hash: 'x', status: 'pending', score: 0, reasons: '[]', report_count: 0, created_at: now, updated_at: now, edited_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  await moderateComments(t.ctx, [id], 'approve', { userId: null });
}

for (const dialect of testDialects()) {
  test(`a change purges exactly the pages that show it (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      const n: Newsroom = await buildNewsroom(t.ctx, 13);
      assert.deepEqual(await rendered(t), ALL, 'first visit renders every page');
      assert.deepEqual(await rendered(t), [], 'then every page is sent from the cache');
      const diplomacy = (await getTagBySlug(t.ctx.db, 'diplomacy'))!.id;
      const creative = (await t.ctx.db.selectFrom('ad_creatives').select('id').executeTakeFirstOrThrow()).id;
      const cases: { change: string; run: () => Promise<unknown>; pages: Page[] }[] = [
        // every page with the clinic story's card: the home page, its section, tag and author, the rail of its
        // section's other story
        { change: 'a story edited', run: () => updateArticle(t.ctx, n.articles.corrected, { headline: 'Clinic opens in Herat after delay' }, { userId: null }),
          pages: ['home', 'clinic', 'renamed', 'immigration', 'health', 'mina'] },
        { change: 'a correction added', run: () => addCorrection(t.ctx, n.articles.corrected, 'The clinic has two doctors, not three.'),
          pages: ['home', 'clinic', 'renamed', 'immigration', 'health', 'mina'] },
        { change: 'a comment approved', run: () => approvedComment(t, n.articles.corrected), pages: ['clinic'] },
        { change: 'a new politics story published', run: async () => {
          const id = await createArticle(t.ctx, { headline: 'Budget passes', sectionId: n.sections.politics, bodyHtml: '<p>Budget.</p>', tags: ['Parliament'] }, { userId: null });
          await publishArticle(t.ctx, id, { userId: null });
        }, pages: ['home', 'politics', 'politics2'] },
        { change: 'a draft created', run: () => createArticle(t.ctx, { headline: 'Not yet', sectionId: n.sections.politics }, { userId: null }), pages: [] },
        { change: 'an author\'s bio', run: () => updatePerson(t.ctx, n.people.mina, { bio: 'Mina now edits the desk.' }),
          pages: ['home', 'clinic', 'renamed', 'immigration', 'health', 'mina'] },
        { change: 'a tag renamed', run: () => updateTag(t.ctx, diplomacy, { name: 'Diplomacy and talks' }, { userId: null }), pages: ['talks', 'diplomacy'] },
        { change: 'an ad changed', run: () => updateCreative(t.ctx, creative, { headline: 'Support us' }), pages: ['clinic', 'renamed', 'talks'] },
        { change: 'a story unpublished', run: () => unpublishArticle(t.ctx, n.articles.corrected, { userId: null }),
          pages: ['home', 'clinic', 'renamed', 'immigration', 'health', 'mina'] },
        // from here on the unpublished story answers 404, a page that is never stored: rendered every time
        // the section menu and the site's name are on every page
        { change: 'a section renamed', run: () => updateSection(t.ctx, n.sections.politics, { name: 'Politics and power' }), pages: ALL },
        { change: 'a setting changed', run: () => updateSettings(t.ctx, { name: 'Renamed Daily' }), pages: ALL },
      ];
      const notFound: Page[] = [];
      for (const c of cases) {
        await s.test(c.change, async () => {
          await c.run();
          assert.deepEqual(await rendered(t), [...new Set([...c.pages, ...notFound])].sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b)));
          if (c.change === 'a story unpublished') notFound.push('clinic');
          assert.deepEqual(await rendered(t), notFound, 'stored again');
        });
      }
      const clinic = await t.app.inject(PAGES.clinic);
      assert.equal(clinic.statusCode, 404, 'the unpublished story is gone, not served from the cache');
      assert.match((await t.app.inject(PAGES.home)).body, /Renamed Daily/);
    } finally {
      await t.close();
    }
  });
}

for (const dialect of testDialects()) {
  test(`one render for many readers; staff, previews, comment answers and error pages bypass the cache (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      await buildNewsroom(t.ctx);
      const cache = t.app.pageCache;
      await s.test('concurrent misses render once', async () => {
        const answers = await Promise.all(Array.from({ length: 8 }, () => t.app.inject(PAGES.talks)));
        assert.deepEqual(answers.map((r) => r.statusCode), Array(8).fill(200));
        assert.equal(answers.filter((r) => r.headers['x-khabar-cache'] === 'miss').length, 1, 'one render');
        assert.equal(cache.misses, 1);
        assert.equal(cache.stored, 1);
        assert.equal(new Set(answers.map((r) => r.body)).size, 1, 'everyone got the same page');
      });
      await s.test('a signed-in member of staff gets a page of their own, never stored', async () => {
        const staff = { cookie: 'khabar_session=abc123; other=1' };
        const before = cache.stored;
        for (const url of [PAGES.talks, PAGES.home]) {
          const r = await t.app.inject({ url, headers: staff });
          assert.equal(r.statusCode, 200);
          assert.equal(r.headers['x-khabar-cache'], 'bypass', url);
        }
        assert.equal(cache.stored, before, 'nothing stored for staff');
        assert.equal((await t.app.inject(PAGES.home)).headers['x-khabar-cache'], 'miss', 'the home page was not left by the staff visit');
        assert.equal((await t.app.inject({ url: PAGES.talks, headers: { authorization: 'Bearer x' } })).headers['x-khabar-cache'], 'bypass');
      });
      await s.test('error pages are rendered every time', async () => {
        for (let i = 0; i < 2; i++) {
          const r = await t.app.inject('/articles/no-such-story');
          assert.equal(r.statusCode, 404);
          assert.equal(r.headers['x-khabar-cache'], 'miss');
        }
        assert.equal((await t.app.inject('/section/nowhere')).headers['x-khabar-cache'], 'miss');
      });
      await s.test('previews and comment answers are never stored', async () => {
        const before = cache.stored;
        const draft = await createArticle(t.ctx, { headline: 'Draft under review', bodyHtml: '<p>Not yet.</p>' }, { userId: null });
        const { previewToken } = await import('../../src/content/preview_links.ts');
        const token = previewToken(t.ctx, draft, new Date(t.clock.now().getTime() + 3600_000));
        for (let i = 0; i < 2; i++) {
          const r = await t.app.inject(`/preview/${token}`);
          assert.equal(r.statusCode, 200);
          assert.equal(r.headers['x-khabar-cache'], undefined);
          assert.match(r.body, /Draft under review/);
        }
        const answer = await t.app.inject({
          method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: 'http://localhost:80' },
          payload: new URLSearchParams({ article_id: '1', name: 'Lynx', comment: 'Hello' }).toString(),
        });
        assert.equal(answer.headers['x-khabar-cache'], undefined);
        assert.equal(cache.stored, before, 'no preview, no comment answer in the cache');
      });
    } finally {
      await t.close();
    }
  });
}

test('a page that sets a cookie or is one person\'s is never stored; the cache keeps to its byte bound, least recently used first', async (s) => {
  const Fastify = (await import('fastify')).default;
  const cookie = (await import('@fastify/cookie')).default;
  const { sendPage, answerFromPageCache, endPageCacheFlight } = await import('../../src/http/send_page.ts');
  const { PageCache } = await import('../../src/http/page_cache.ts');
  const app = Fastify();
  const cache = new PageCache(1024 * 1024);
  app.decorate('pageCache', cache);
  await app.register(cookie);
  app.addHook('onRequest', answerFromPageCache);
  app.addHook('onResponse', endPageCacheFlight);
  const html = (who: string) => `<!doctype html><html><body><p>${who}</p>${'<p>news</p>'.repeat(200)}</body></html>`;
  app.get('/remembered', (_req, reply) => sendPage(reply.setCookie('reader', 'r-42'), html('Welcome back, reader 42'), { cacheTags: ['home'] }));
  app.get('/mine', (_req, reply) => sendPage(reply, html('Your account'), { audience: 'private', cacheTags: ['home'] }));
  app.get('/untagged', (_req, reply) => sendPage(reply, html('No tags'), {}));
  app.get('/p/:n', (req, reply) => sendPage(reply, html(`page ${(req.params as { n: string }).n}`), { cacheTags: ['home'] }));
  try {
    await s.test('Set-Cookie, private pages and pages that do not say what they show', async () => {
      for (const url of ['/remembered', '/mine', '/untagged']) {
        const first = await app.inject(url);
        assert.equal(first.statusCode, 200);
        const second = await app.inject(url);
        assert.equal(second.headers['x-khabar-cache'], 'miss', url);
        if (url === '/remembered') assert.match(String(second.headers['set-cookie']), /reader=r-42/, 'each reader gets their own cookie');
      }
      assert.equal(cache.stored, 0);
      assert.equal(cache.size, 0);
    });
    await s.test('byte bound and LRU', async () => {
      await app.inject('/p/0');
      const one = cache.usedBytes;
      assert.ok(one > 0);
      const small = new PageCache(one * 3 + 10);
      app.pageCache = small;
      for (const n of [1, 2, 3]) await app.inject(`/p/${n}`);
      assert.equal((await app.inject('/p/1')).headers['x-khabar-cache'], 'hit', 'recently used');
      await app.inject('/p/4');
      assert.equal(small.size, 3);
      assert.ok(small.usedBytes <= small.maxBytes);
      assert.equal((await app.inject('/p/2')).headers['x-khabar-cache'], 'miss', 'the least recently used went first');
      assert.equal((await app.inject('/p/4')).headers['x-khabar-cache'], 'hit');
      assert.ok(small.usedBytes <= small.maxBytes);
      const off = new PageCache(0);
      app.pageCache = off;
      assert.equal((await app.inject('/p/1')).headers['x-khabar-cache'], undefined, 'KHABAR_PAGE_CACHE_MB=0 turns it off');
      assert.equal(off.size, 0);
    });
  } finally {
    await app.close();
  }
});

for (const dialect of testDialects()) {
  test(`the purge hook hears once per purge which addresses changed (${dialect})`, async () => {
    const heard: { urls: string[] }[] = [];
    // Each call is heard as it arrives: a test waits for the n-th call, never for a while.
    const waiting: (() => void)[] = [];
    const calls = (n: number) => new Promise<void>((resolve) => { if (heard.length >= n) resolve(); else waiting.push(() => { if (heard.length >= n) resolve(); }); });
    const listener = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { heard.push(JSON.parse(body)); res.end(); for (const w of waiting.splice(0)) w(); });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const t = await makeTestApp(dialect, { purgeWebhook: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/purge`, publicUrl: 'https://news.example' });
    try {
      const n = await buildNewsroom(t.ctx);
      await rendered(t);
      const diplomacy = (await getTagBySlug(t.ctx.db, 'diplomacy'))!.id;
      const tagged = [`https://news.example${PAGES.talks}`, `https://news.example${PAGES.diplomacy}`].sort();
      await updateTag(t.ctx, diplomacy, { name: 'Diplomacy and talks' }, { userId: null });
      await calls(1);
      assert.deepEqual(heard[0].urls.sort(), tagged);
      // A change that shows on no stored page purges nothing and calls nobody: the next call heard is the one for
      // the change after it, which does show.
      await createArticle(t.ctx, { headline: 'Draft only', sectionId: n.sections.politics }, { userId: null });
      await rendered(t);
      await updateTag(t.ctx, diplomacy, { name: 'Diplomacy' }, { userId: null });
      await calls(2);
      assert.deepEqual(heard[1].urls.sort(), tagged, 'one call per purge, none for an empty one');
    } finally {
      await t.close();
      listener.close();
    }
  });
}

test('instances sharing Redis purge each other\'s pages', { skip: process.env.TEST_REDIS_URL ? false : 'TEST_REDIS_URL is not set' }, async () => {
  const { PageCache } = await import('../../src/http/page_cache.ts');
  const { RedisPurgeBus } = await import('../../src/http/redis_purge_bus.ts');
  const channel = `khabar:test-purge:${Math.random().toString(36).slice(2)}`;
  const fail = (msg: string, err?: unknown) => assert.fail(`${msg}: ${String(err)}`);
  const [a, b] = [new RedisPurgeBus(process.env.TEST_REDIS_URL!, fail, channel), new RedisPurgeBus(process.env.TEST_REDIS_URL!, fail, channel)];
  try {
    await Promise.all([a.ready, b.ready]);
    const caches = [new PageCache(1 << 20), new PageCache(1 << 20)];
    const heard: [number, boolean][] = [];
    let otherPurged = () => {};
    const purgedThere = new Promise<void>((resolve) => { otherPurged = resolve; });
    for (const [i, bus] of [a, b].entries()) bus.subscribe((tags, here) => { heard.push([i, here]); caches[i].purge(tags); if (i === 1) otherPurged(); });
    const page = (tag: string) => ({ html: 'x', etag: 'W/"x"', br: null, gzip: null, tags: [tag], bytes: 1 });
    for (const c of caches) {
      c.put('/articles/one', page('article:1'), 0);
      c.put('/articles/two', page('article:2'), 0);
    }
    await a.publish(['article:1']);
    assert.equal(caches[0].get('/articles/one'), undefined, 'purged here before publish() resolves');
    await purgedThere;
    assert.equal(caches[1].get('/articles/one'), undefined, 'purged on the other instance once it hears of it');
    assert.ok(caches[1].get('/articles/two'), 'only the tagged page');
    assert.deepEqual(heard, [[0, true], [1, false]], 'each instance once; only the one that made the change calls the webhook');
  } finally {
    a.close();
    b.close();
  }
});

test('a page rendered while a purge came in is not kept (it may show what the purge removed)', async () => {
  const { PageCache } = await import('../../src/http/page_cache.ts');
  const cache = new PageCache(1 << 20);
  const page = { html: 'old headline', etag: 'W/"a"', br: null, gzip: null, tags: ['article:1'], bytes: 12 };
  const generation = cache.beginFlight('/articles/one');
  cache.purge(['article:1']);
  assert.equal(cache.put('/articles/one', page, generation), false);
  cache.endFlight('/articles/one');
  assert.equal(cache.size, 0);
  assert.equal(cache.put('/articles/one', page, cache.beginFlight('/articles/one')), true);
});

test('a purge hook that is down never holds up or undoes the change', async () => {
  const listener = createServer((_req, res) => { res.statusCode = 500; res.end(); });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as AddressInfo).port;
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  const t = await makeTestApp('sqlite', { purgeWebhook: `http://127.0.0.1:${port}/purge` });
  try {
    await buildNewsroom(t.ctx, 13);
    await rendered(t);
    await updateTag(t.ctx, (await getTagBySlug(t.ctx.db, 'diplomacy'))!.id, { name: 'Diplomacy and talks' }, { userId: null });
    assert.deepEqual(await rendered(t), ['talks', 'diplomacy'], 'purged all the same');
    assert.match((await t.app.inject(PAGES.diplomacy)).body, /Diplomacy and talks/);
  } finally {
    await t.close();
  }
});
