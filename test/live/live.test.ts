// Live coverage end to end on each database: the Admin API starts it, posts, marks, corrects and deletes entries
// (and refuses what it must), the story's page shows them newest first with the key ones on top, its JSON-LD is a
// schema.org LiveBlogPosting, its entries alone and its feeds carry them, the lite edition shows them as text, and
// the page cache renders a live page once per entry however many readers ask in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, type Headers } from '../admin/api.ts';
import { watchPages } from '../../src/http/send_page.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { ingestImage } from '../../src/media/images.ts';
import type { KhabarEvents } from '../../src/events.ts';
import sharp from 'sharp';
import { execFileSync } from 'node:child_process';
import { validateHtml, vnuErrors } from '../helpers/vnu.ts';

const PAGE = '/articles/border-crossings-script-alert-1-script-rise';

/** The properties schema.org gives LiveBlogPosting, through BlogPosting, SocialMediaPosting, Article, CreativeWork
 * and Thing, that a news page may use (https://schema.org/LiveBlogPosting). Anything else in the JSON-LD is a mistake. */
const LIVE_BLOG_POSTING = new Set([
  // LiveBlogPosting
  'coverageStartTime', 'coverageEndTime', 'liveBlogUpdate',
  // SocialMediaPosting, Article
  'sharedContent', 'articleBody', 'articleSection', 'backstory', 'pageEnd', 'pageStart', 'pagination', 'speakable', 'wordCount',
  // CreativeWork
  'about', 'abstract', 'author', 'contributor', 'copyrightHolder', 'copyrightYear', 'creator', 'dateCreated', 'dateModified', 'datePublished',
  'editor', 'headline', 'image', 'inLanguage', 'isAccessibleForFree', 'keywords', 'publisher', 'thumbnailUrl', 'video', 'mainEntity',
  'citation', 'comment', 'commentCount', 'genre', 'isPartOf', 'license', 'sourceOrganization', 'text', 'timeRequired', 'translationOfWork',
  // Thing
  'description', 'identifier', 'mainEntityOfPage', 'name', 'sameAs', 'url',
]);
/** What Google's live-blog guidance asks of each update (a BlogPosting). */
const UPDATE_NEEDS = ['headline', 'datePublished', 'articleBody', 'url'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD is read as it comes, property by property
function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => JSON.parse(m[1]));
}

async function picture(t: TestApp): Promise<number> {
  const bytes = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#445566' } }).jpeg().toBuffer();
  return (await ingestImage(t.ctx, bytes, { alt: 'Queue at the crossing', caption: 'The queue at noon' })).id;
}

for (const dialect of testDialects()) {
  test(`[${dialect}] live coverage`, async (s) => {
    const t = await makeTestApp(dialect, { publicUrl: 'https://news.example' });
    try {
      const room = await buildNewsroom(t.ctx);
      const lead = room.articles.lead;
      const editor = (await signInAs(t, 'editor', { name: 'Sara Editor' })).headers;
      const posted: KhabarEvents['live.entry.posted'][] = [];
      t.ctx.events.on('live.entry.posted', (p) => { posted.push(p); });
      const post = (h: Headers, body: unknown, id = lead) => call(t, h, 'POST', `/api/admin/articles/${id}/live/entries`, body);
      const page = async (url = PAGE) => (await t.app.inject({ method: 'GET', url })).body;
      const ids: number[] = [];

      await s.test('entries wait for the coverage to start; starting it shows the live block', async () => {
        assert.equal((await post(editor, { text: 'Too early' })).status, 409);
        const r = await call(t, editor, 'POST', `/api/admin/articles/${lead}/live/start`);
        assert.equal(r.status, 200);
        assert.equal(r.body.coverage.live, true);
        const html = await page();
        assert.match(html, /class="live running"/);
        assert.match(html, /The first updates will appear here\./);
        assert.match(html, /<script type="module" src="\/assets\/live\.js\?v=/);
        assert.match(await page('/'), new RegExp(`<span class="card-live">Live</span> <a href="${PAGE}">`), 'the story\'s card on the home page says Live');
      });

      await s.test('posting an entry tells live.entry.posted, with the two checkboxes and the entry\'s address', async () => {
        t.clock.advance(60_000);
        const r = await post(editor, { text: 'The crossing closed at noon.\n\nhttps://video.example/watch?v=7', alert: true });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        ids.push(r.body.entry.id);
        assert.deepEqual(r.body.entry.links, ['https://video.example/watch?v=7']);
        assert.equal(r.body.entry.authorName, 'Sara Editor');
        assert.deepEqual(posted.at(-1), {
          articleId: lead, entryId: r.body.entry.id, language: 'en', text: 'The crossing closed at noon.',
          url: `https://news.example${PAGE}#entry-${r.body.entry.id}`, key: false, alert: true, channels: false,
        });
        for (const text of ['Buses are turned back.', 'Officials say it reopens tomorrow.']) {
          t.clock.advance(60_000);
          const e = await post(editor, { text, channels: true });
          assert.equal(e.status, 201);
          ids.push(e.body.entry.id);
          assert.equal(posted.at(-1)!.channels, true);
          assert.equal(posted.at(-1)!.alert, false);
        }
      });

      await s.test('the text is sanitized like a body: no script, no outside picture, no handler', async () => {
        t.clock.advance(60_000);
        const r = await post(editor, { text: '<p onclick="x()">Crowds <strong>grow</strong><script>alert(1)</script><img src="https://evil.example/p.png"></p><iframe src="https://evil.example/"></iframe>' });
        assert.equal(r.status, 201);
        ids.push(r.body.entry.id);
        assert.equal(r.body.entry.html, '<p>Crowds <strong>grow</strong></p>');
        const link = await post(editor, { text: '<p><a href="javascript:alert(1)">tap</a> <a href="https://agency.example/report">report</a></p>' });
        assert.equal(link.body.entry.html, '<p><a>tap</a> <a href="https://agency.example/report" rel="noopener noreferrer">report</a></p>');
        ids.push(link.body.entry.id);
        const plain = await post(editor, { text: 'Fish & <chips> "quoted"' });
        assert.equal(plain.body.entry.html, '<p>Fish &amp; &lt;chips&gt; "quoted"</p>');
        ids.push(plain.body.entry.id);
      });

      await s.test('bad input is refused, naming the field', async () => {
        for (const [body, field] of [
          [{ text: '   ' }, 'text'], [{ text: 'x', mediaIds: [999999] }, 'mediaIds'], [{ text: 'x', links: ['javascript:alert(1)'] }, 'links'],
          [{ text: 'x', links: ['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://d.example/', 'https://e.example/', 'https://f.example/'] }, 'links'],
        ] as const) {
          const r = await post(editor, body);
          assert.equal(r.status, 400, JSON.stringify(body));
          assert.match(JSON.stringify(r.body), new RegExp(field));
        }
        assert.equal((await call(t, editor, 'PATCH', '/api/admin/live/entries/999999', { text: 'x' })).status, 404);
      });

      await s.test('who may post: whoever may publish the story', async () => {
        const contributor = (await signInAs(t, 'contributor')).headers;
        assert.equal((await post(contributor, { text: 'Hello' })).status, 403);
        const author = (await signInAs(t, 'author')).headers;
        const r = await post(author, { text: 'Not my story' });
        assert.equal(r.status, 403);
        assert.match(r.body.message ?? r.body.error?.message ?? JSON.stringify(r.body), /someone else/);
        assert.equal((await post(null as unknown as Headers, { text: 'x' })).status, 401);
      });

      await s.test('a picture from the library, a key entry, a correction and a deletion show on the page', async () => {
        const media = await picture(t);
        t.clock.advance(60_000);
        const r = await post(editor, { text: 'Queue at the crossing.', mediaIds: [media], key: true });
        assert.equal(r.status, 201);
        ids.push(r.body.entry.id);
        assert.equal(posted.at(-1)!.key, true);
        t.clock.advance(5 * 60_000);
        const fixed = await call(t, editor, 'PATCH', `/api/admin/live/entries/${ids[1]}`, { text: 'Buses are turned back at the gate.' });
        assert.equal(fixed.status, 200);
        assert.ok(fixed.body.entry.correctedAt);
        const marked = await call(t, editor, 'PATCH', `/api/admin/live/entries/${ids[0]}`, { key: true });
        assert.equal(marked.body.entry.correctedAt, null, 'marking key is not a correction');
        assert.equal((await call(t, editor, 'DELETE', `/api/admin/live/entries/${ids[2]}`)).status, 204);
        assert.equal((await call(t, editor, 'DELETE', `/api/admin/live/entries/${ids[2]}`)).status, 409);

        const html = await page();
        const order = [...html.matchAll(/<article id="entry-(\d+)"/g)].map((m) => Number(m[1]));
        assert.deepEqual(order, [...ids].sort((a, b) => b - a), 'newest first');
        const highlights = /<nav class="live-highlights"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
        assert.match(highlights, new RegExp(`href="#entry-${ids[0]}"`));
        assert.match(highlights, new RegExp(`href="#entry-${ids.at(-1)}"`));
        assert.doesNotMatch(highlights, new RegExp(`href="#entry-${ids[1]}"`));
        assert.match(html, /Buses are turned back at the gate\./);
        assert.match(html, /<span class="entry-updated">Updated \d\d:\d\d<\/span>/);
        assert.doesNotMatch(html, /Officials say it reopens tomorrow/);
        assert.match(html, /This update was removed \d\d:\d\d\./);
        assert.match(html, /See it on video\.example/);
        assert.match(html, /rel="nofollow noopener noreferrer"/);
        assert.match(html, new RegExp(`<article id="entry-${ids.at(-1)}" class="live-entry key"`));
        assert.match(html, /<figure class="entry-picture"><picture>/);
        assert.match(html, /<link rel="alternate" type="application\/atom\+xml" href="\/articles\/border-crossings-script-alert-1-script-rise\/atom.xml"/);
        const list = await call(t, editor, 'GET', `/api/admin/articles/${lead}/live`);
        assert.equal(list.body.entries.length, ids.length);
        assert.ok(list.body.entries.find((e: { id: number }) => e.id === ids[2]).deletedAt);
      });

      await s.test('JSON-LD: a schema.org LiveBlogPosting with its coverage start and its updates', async () => {
        const [story] = jsonLd(await page());
        assert.equal(story['@type'], 'LiveBlogPosting');
        for (const k of Object.keys(story)) if (!k.startsWith('@')) assert.ok(LIVE_BLOG_POSTING.has(k), `${k} is a LiveBlogPosting property`);
        assert.match(story.coverageStartTime, ISO);
        assert.equal(story.coverageEndTime, undefined, 'no end while live');
        const newest = story.liveBlogUpdate.map((u: { dateModified?: string; datePublished: string }) => u.dateModified ?? u.datePublished).sort().at(-1);
        assert.ok(story.dateModified >= newest, 'the story\'s last change is no earlier than its newest entry\'s');
        assert.equal(story.liveBlogUpdate.length, ids.length - 1, 'the removed entry is left out');
        for (const u of story.liveBlogUpdate) {
          assert.equal(u['@type'], 'BlogPosting');
          for (const k of UPDATE_NEEDS) assert.ok(u[k], `update.${k}`);
          for (const k of Object.keys(u)) if (!k.startsWith('@')) assert.ok(LIVE_BLOG_POSTING.has(k), `update.${k} is a BlogPosting property`);
          assert.match(u.datePublished, ISO);
          assert.match(u.url, /^https:\/\/news\.example\/articles\/[^#]+#entry-\d+$/);
        }
        assert.equal(story.liveBlogUpdate[0].url, `https://news.example${PAGE}#entry-${ids.at(-1)}`);
      });

      await s.test('the entries alone (what open pages poll) and the story\'s feeds', async () => {
        const res = await t.app.inject({ method: 'GET', url: `${PAGE}/live` });
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['content-type'] as string, /^text\/html/);
        assert.match(res.body, /^<div class="live-entries" id="live-entries">/);
        assert.equal(res.headers['x-robots-tag'], 'noindex');
        const again = await t.app.inject({ method: 'GET', url: `${PAGE}/live`, headers: { 'if-none-match': res.headers.etag as string } });
        assert.equal(again.statusCode, 304);
        const atom = await t.app.inject({ method: 'GET', url: `${PAGE}/atom.xml` });
        assert.equal(atom.statusCode, 200);
        assert.match(atom.body, new RegExp(`<link href="https://news.example${PAGE}#entry-${ids[0]}"`));
        assert.match(atom.body, /Queue at the crossing\./);
        assert.doesNotMatch(atom.body, /Officials say/);
        for (const url of [`${PAGE}/atom.xml`, `${PAGE}/feed`]) {
          const xml = (await t.app.inject({ method: 'GET', url })).body;
          assert.doesNotThrow(() => execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'ignore', 'pipe'] }), `${url} is well-formed XML`);
        }
        const rss = await t.app.inject({ method: 'GET', url: `${PAGE}/feed` });
        assert.match(rss.body, /<dc:creator>Sara Editor<\/dc:creator>/);
        const json = JSON.parse((await t.app.inject({ method: 'GET', url: `${PAGE}/feed.json` })).body);
        assert.equal(json.items.length, ids.length - 1);
        assert.equal((await t.app.inject({ method: 'GET', url: '/articles/clinic-opens-in-herat/live' })).statusCode, 404, 'a story never live has no entries page');
      });

      await s.test('the lite edition: the entries as text, no picture, no script', async () => {
        const html = await page(`/lite${PAGE}`);
        assert.match(html, /Queue at the crossing\./);
        assert.match(html, /Reload the page to see the latest updates\./);
        assert.match(html, new RegExp(`<li id="entry-${ids[0]}">`));
        assert.doesNotMatch(html, /<img|<picture|<script/);
      });

      await s.test('the page cache: a live page renders once per entry however many readers ask', async () => {
        const renders: string[] = [];
        const stop = watchPages(t.ctx, (url, _tags, rendered) => { if (rendered) renders.push(url); });
        try {
          const readers = async () => { for (let i = 0; i < 20; i++) { await page(); await page(`${PAGE}/live`); await page('/'); } };
          await readers();
          renders.length = 0;
          await readers();
          assert.deepEqual(renders, [], 'between entries: every request from the cache');
          t.clock.advance(60_000);
          const r = await post(editor, { text: 'The gate opens again.' });
          ids.push(r.body.entry.id);
          await readers();
          assert.deepEqual(renders.sort(), [PAGE, `${PAGE}/live`], 'one render of each after the entry; the home page showing the story\'s card is left alone');
          assert.match(await page('/'), /Border crossings/);
          assert.match(await page(`${PAGE}/live`), /The gate opens again\./);
        } finally {
          stop();
        }
      });

      await s.test('the live page, its lite page and the home page with a live card are valid HTML', async () => {
        const report = await validateHtml({ [PAGE]: await page(), [`/lite${PAGE}`]: await page(`/lite${PAGE}`), '/': await page('/') });
        assert.deepEqual(Object.entries(report).flatMap(([url, m]) => vnuErrors(m).map((e) => `${url}: ${e}`)), []);
      });

      await s.test('ending the coverage leaves an ordinary story with its entries', async () => {
        t.clock.advance(60_000);
        const r = await call(t, editor, 'POST', `/api/admin/articles/${lead}/live/end`);
        assert.equal(r.status, 200);
        assert.equal(r.body.coverage.live, false);
        const html = await page();
        assert.doesNotMatch(html, /live\.js/);
        assert.doesNotMatch(html, /class="live-badge"/);
        assert.match(html, /Live coverage ended/);
        assert.doesNotMatch(await page('/'), /class="card-live"/, 'the card no longer says Live');
        assert.match(html, /The gate opens again\./);
        const [story] = jsonLd(html);
        assert.match(story.coverageEndTime, ISO);
        assert.equal((await post(editor, { text: 'After the end' })).status, 409);
        assert.match((await t.app.inject({ method: 'GET', url: `${PAGE}/live` })).body, /id="live-entries" data-ended[ >=]/);
      });

      await s.test('a draft may be prepared live; entries wait for it to be published', async () => {
        const draft = room.articles.draft;
        assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${draft}/live/start`)).status, 200);
        const r = await post(editor, { text: 'Not yet' }, draft);
        assert.equal(r.status, 409);
        assert.match(JSON.stringify(r.body), /Publish the story/);
      });

      await s.test('a Dari live story speaks Dari', async () => {
        const id = await createArticle(t.ctx, { headline: 'گذرگاه بسته شد', language: 'fa', slug: 'crossing-fa', bodyHtml: '<p>گزارش</p>' }, { userId: null });
        await publishArticle(t.ctx, id, { userId: null });
        await call(t, editor, 'POST', `/api/admin/articles/${id}/live/start`);
        await post(editor, { text: 'مرز بسته است.', key: true }, id);
        const html = await page('/articles/crossing-fa');
        assert.match(html, /خبرهای مهم/);
        assert.match(html, /تازه‌ترین خبرها/);
        assert.match(html, /class="live-badge">زنده</);
        assert.match(html, /<time datetime="[^"]+">[۰-۹]{2}:[۰-۹]{2}<\/time>/);
        assert.match(html, /data-many="\{count\} خبر تازه"/);
      });
    } finally {
      await t.close();
    }
  });
}
