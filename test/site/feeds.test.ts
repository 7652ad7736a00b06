// The site's feeds, read back by two independent parsers (Debian's feedparser and feedsmith), on both databases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle, updateArticle } from '../../src/content/articles.ts';
import { findArticleById } from '../../src/content/reading.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { feedparser, feedsmith, type ParsedFeed } from './feed_parsers.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';

const KINDS = [
  { path: '/feed', type: 'application/rss+xml; charset=utf-8' },
  { path: '/atom.xml', type: 'application/atom+xml; charset=utf-8' },
  { path: '/feed.json', type: 'application/feed+json; charset=utf-8' },
] as const;
const PARSERS = { feedparser, feedsmith };
const LEAD_TITLE = 'Border crossings <script>alert(1)</script> rise';
const DARI_TITLE = 'بازگشت مهاجران از ایران';
const DARI_BODY = 'خانواده‌ها در مرز منتظر ماندند.';

const titles = (f: ParsedFeed) => f.entries.map((e) => e.title).sort();

/** The feed under `base` parsed by every parser in every kind, after checking its status, type and (XML) well-formedness. */
async function readAll(t: TestApp, base: string) {
  const out: { kind: string; parser: string; feed: ParsedFeed }[] = [];
  for (const k of KINDS) {
    const r = await t.app.inject({ url: `${base}${k.path}` });
    assert.equal(r.statusCode, 200, `${base}${k.path}`);
    assert.equal(r.headers['content-type'], k.type);
    if (k.path !== '/feed.json') {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: r.body });
      assert.equal(lint.status, 0, `${base}${k.path} is well-formed XML: ${lint.stderr}`);
      assert.doesNotMatch(r.body, /<script>/, 'a headline never reaches the XML as markup');
    }
    for (const [parser, parse] of Object.entries(PARSERS)) out.push({ kind: k.path, parser, feed: parse(r.body, k.type) });
  }
  return out;
}

for (const dialect of testDialects()) {
  test(`feeds (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect);
    const url = t.ctx.config.publicUrl;
    try {
      const n: Newsroom = await buildNewsroom(t.ctx);
      t.clock.advance(60_000);
      const dari = await createArticle(t.ctx, { headline: DARI_TITLE, language: 'fa', standfirst: 'گزارشی از مرز', sectionId: n.sections.immigration,
        authorIds: [n.people.mina], bodyHtml: `<p>${DARI_BODY}</p>`, tags: ['Borders'] }, { userId: null });
      await publishArticle(t.ctx, dari, { userId: null });
      const published = ['Talks resume abroad', 'Clinic opens in Herat', 'New headline', LEAD_TITLE, DARI_TITLE].sort();

      await s.test('every kind, both parsers: titles, links, dates, authors, Dari text; only published stories', async () => {
        const lead = (await findArticleById(t.ctx.db, n.articles.lead))!;
        for (const { kind, parser, feed } of await readAll(t, '')) {
          const where = `${kind} by ${parser}`;
          assert.equal(feed.title, 'Test Daily', where);
          assert.deepEqual(titles(feed), published, `${where}: no draft, scheduled, archived or old headline`);
          assert.equal(feed.entries[0].title, DARI_TITLE, `${where}: newest first`);
          const e = feed.entries.find((x) => x.title === LEAD_TITLE)!;
          assert.equal(e.link, `${url}/articles/border-crossings-script-alert-1-script-rise`, where);
          assert.equal(e.id, `tag:127.0.0.1,2026:article/${n.articles.lead}`, where);
          assert.equal(e.published, lead.published_at, `${where}: published time, to the second, in UTC`);
          if (e.updated) assert.equal(e.updated, lead.updated_at, where);
          assert.deepEqual(e.authors.slice(0, kind === '/feed' && parser === 'feedparser' ? 1 : 2),
            ['Mina Rahimi', 'Omar <Noori>'].slice(0, kind === '/feed' && parser === 'feedparser' ? 1 : 2), where);
          assert.match(e.text, /Border paragraph 6\./, `${where}: full text by default`);
          assert.equal(e.enclosures.length, 1, where);
          assert.match(e.enclosures[0].url, new RegExp(`^${url}/media/\\d{4}/\\d{2}/[0-9a-f]+-1200\\.jpg$`), where);
          assert.equal(e.enclosures[0].type, 'image/jpeg', where);
          const d = feed.entries.find((x) => x.title === DARI_TITLE)!;
          assert.match(d.text, new RegExp(DARI_BODY), `${where}: Dari body round-trips`);
        }
      });

      await s.test('RSS names each author in a dc:creator, not in <author> (RSS 2.0 keeps that for an email address)', async () => {
        const rss = (await t.app.inject({ url: '/feed' })).body;
        assert.doesNotMatch(rss, /<author>/);
        assert.match(rss, /<dc:creator>Mina Rahimi<\/dc:creator>\s*<dc:creator>Omar &lt;Noori&gt;<\/dc:creator>/);
      });

      await s.test('a language feed: its language and only its stories', async () => {
        for (const { kind, parser, feed } of await readAll(t, '/fa')) {
          assert.deepEqual(titles(feed), [DARI_TITLE], `${kind} by ${parser}`);
          if (kind !== '/atom.xml' || parser === 'feedparser') assert.equal(feed.language, 'fa', `${kind} by ${parser}`);
        }
        for (const { kind, parser, feed } of await readAll(t, '/ps')) assert.equal(feed.entries.length, 0, `an empty feed is a feed: ${kind} by ${parser}`);
        const json = JSON.parse((await t.app.inject({ url: '/feed.json' })).body);
        assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
        assert.deepEqual(json.items.map((i: { language: string }) => i.language), ['fa', 'en', 'en', 'en', 'en']);
        assert.match((await t.app.inject({ url: '/fa/atom.xml' })).body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="fa">/);
      });

      await s.test('section, tag and author feeds hold their own stories', async () => {
        const cases: [string, string[]][] = [
          ['/section/immigration-news', ['Clinic opens in Herat', 'New headline', LEAD_TITLE, DARI_TITLE]],
          ['/tag/borders', [LEAD_TITLE, DARI_TITLE]],
          ['/author/omar-noori', [LEAD_TITLE]],
        ];
        for (const [base, want] of cases) {
          for (const { kind, parser, feed } of await readAll(t, base)) assert.deepEqual(titles(feed), want.sort(), `${base}${kind} by ${parser}`);
        }
        assert.equal((await t.app.inject({ url: '/section/nowhere/feed' })).statusCode, 404);
        for (const alias of ['/rss', '/rss.xml', '/section/politics/rss.xml']) {
          assert.equal((await t.app.inject({ url: alias })).headers['content-type'], 'application/rss+xml; charset=utf-8', alias);
        }
      });

      await s.test('pages link their feeds', async () => {
        const home = (await t.app.inject({ url: '/' })).body;
        assert.match(home, /<link rel="alternate" type="application\/rss\+xml" href="\/feed"/);
        assert.match(home, /<link rel="alternate" type="application\/atom\+xml" href="\/atom.xml"/);
        assert.match(home, /<link rel="alternate" type="application\/feed\+json" href="\/feed.json"/);
        for (const page of ['/section/immigration-news', '/tag/borders', '/author/mina-rahimi']) {
          const html = (await t.app.inject({ url: page })).body;
          for (const f of ['feed', 'atom.xml', 'feed.json']) assert.match(html, new RegExp(`<link rel="alternate" [^>]*href="${page}/${f}"`), page);
        }
      });

      await s.test('conditional GET: 304 on If-None-Match and If-Modified-Since, 200 after a change', async () => {
        for (const k of KINDS) {
          const first = await t.app.inject({ url: k.path });
          const { etag, 'last-modified': lm } = first.headers as Record<string, string>;
          assert.ok(etag && lm, k.path);
          assert.equal((await t.app.inject({ url: k.path, headers: { 'if-none-match': etag } })).statusCode, 304, k.path);
          assert.equal((await t.app.inject({ url: k.path, headers: { 'if-modified-since': lm } })).statusCode, 304, k.path);
          const before = new Date(Date.parse(lm) - 1000).toUTCString();
          assert.equal((await t.app.inject({ url: k.path, headers: { 'if-modified-since': before } })).statusCode, 200, k.path);
          assert.equal((await t.app.inject({ url: k.path, headers: { 'if-none-match': '"other"', 'if-modified-since': lm } })).statusCode, 200,
            `${k.path}: If-None-Match decides when both are sent`);
          const br = await t.app.inject({ url: k.path, headers: { 'accept-encoding': 'br' } });
          assert.equal(br.headers['content-encoding'], 'br', k.path);
        }
      });

      await s.test('a GUID survives a headline and slug edit', async () => {
        const before = feedparser((await t.app.inject({ url: '/feed' })).body).entries.find((e) => e.title === LEAD_TITLE)!;
        const etag = (await t.app.inject({ url: '/atom.xml' })).headers.etag as string;
        t.clock.advance(60_000);
        await updateArticle(t.ctx, n.articles.lead, { headline: 'Border crossings rise again', slug: 'crossings-rise' }, { userId: null });
        for (const k of KINDS) {
          for (const parse of Object.values(PARSERS)) {
            const after = parse((await t.app.inject({ url: k.path })).body, k.type).entries.find((e) => e.title === 'Border crossings rise again')!;
            assert.equal(after.id, before.id, k.path);
            assert.equal(after.link, `${url}/articles/crossings-rise`, k.path);
          }
        }
        assert.equal((await t.app.inject({ url: '/atom.xml', headers: { 'if-none-match': etag } })).statusCode, 200, 'an edit changes the ETag');
      });

      await s.test('excerpt or full text by the site setting', async () => {
        // The newsroom switches it in the Admin API's site settings, which refuse anything but the two values.
        const admin = (await signInAs(t, 'admin')).headers;
        const bad = await call(t, admin, 'PATCH', '/api/admin/settings', { feedContent: 'everything' });
        assert.equal(bad.status, 400, JSON.stringify(bad.body));
        assert.match(bad.body.error.field, /feedContent/);
        const ok = await call(t, admin, 'PATCH', '/api/admin/settings', { feedContent: 'excerpt' });
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
        assert.equal(ok.body.settings.feedContent, 'excerpt');
        for (const { kind, parser, feed } of await readAll(t, '')) {
          const e = feed.entries.find((x) => x.title === 'Border crossings rise again')!;
          assert.match(e.text, /Families wait at the border\./, `${kind} by ${parser}`);
          assert.doesNotMatch(e.text, /Border paragraph/, `${kind} by ${parser}: no body`);
          const clinic = feed.entries.find((x) => x.title === 'Clinic opens in Herat')!;
          assert.match(clinic.text, /Clinic paragraph 1\./, `${kind} by ${parser}: without a standfirst, the body's opening`);
        }
        await assert.rejects(updateSettings(t.ctx, { feedContent: 'everything' as 'full' }), /feedContent must be one of full, excerpt/);
        await updateSettings(t.ctx, { feedContent: 'full' });
        assert.match((await t.app.inject({ url: '/feed' })).body, /Border paragraph 6\./);
      });

      await s.test('hostile text is escaped and reads back as the text it was', async () => {
        await updateArticle(t.ctx, n.articles.renamed, { headline: 'Tricky ]]> & <img src=x onerror=alert(1)> "quoted"' }, { userId: null });
        for (const { kind, parser, feed } of await readAll(t, '')) {
          assert.ok(feed.entries.some((e) => e.title === 'Tricky ]]> & <img src=x onerror=alert(1)> "quoted"'), `${kind} by ${parser}`);
        }
        for (const path of ['/feed', '/atom.xml']) assert.doesNotMatch((await t.app.inject({ url: path })).body, /<img src=x/, path);
      });

      await s.test('links inside a body are absolute, for readers with no page address', async () => {
        await updateArticle(t.ctx, n.articles.corrected, { bodyHtml: '<p>See <a href="/tag/borders">borders</a> and <a href="https://other.example/x">elsewhere</a>.</p>' }, { userId: null });
        for (const { kind, parser, feed } of await readAll(t, '')) {
          const e = feed.entries.find((x) => x.title === 'Clinic opens in Herat')!;
          assert.match(e.text, new RegExp(`href="${url}/tag/borders"`), `${kind} by ${parser}`);
          assert.match(e.text, /href="https:\/\/other.example\/x"/, `${kind} by ${parser}`);
        }
      });
    } finally {
      await t.app.close();
      await t.close();
    }
  });
}
