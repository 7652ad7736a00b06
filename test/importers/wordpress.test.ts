import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { importWordPress } from '../../src/importers/wordpress.ts';
import type { ImportReport } from '../../src/importers/run.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/wordpress.xml');

async function uploads(dir: string): Promise<string> {
  const root = join(dir, 'uploads');
  mkdirSync(join(root, '2020/05'), { recursive: true });
  const photo = (r: number) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g: 90, b: 40 } } }).jpeg();
  await photo(200).toFile(join(root, '2020/05/market.jpg'));
  await photo(20).toFile(join(root, '2020/05/council.jpg'));
  return root;
}

const has = (r: ImportReport, text: string) => r.warnings.some((w) => w.includes(text));

async function location(t: TestApp, url: string): Promise<string> {
  const r = await t.app.inject({ url });
  assert.equal(r.statusCode, 301, `${url} answers ${r.statusCode}`);
  return String(r.headers.location);
}

for (const dialect of testDialects()) {
  test(`WordPress import: rows, old addresses, a second run (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const { ctx } = t;
      const uploadsDir = await uploads(t.dir);
      const dry = await importWordPress(ctx, [FIXTURE], { uploadsDir, dryRun: true });
      assert.equal(dry.counts.articles.added, 8, 'the dry run counts what it would add');
      assert.equal((await ctx.db.selectFrom('articles').select('id').execute()).length, 0, 'a dry run writes nothing');
      assert.equal((await ctx.db.selectFrom('import_map').select('old_id').execute()).length, 0);

      const r = await importWordPress(ctx, [FIXTURE], { uploadsDir });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.counts.articles, { added: 8, unchanged: 0, skipped: 0 });
      assert.deepEqual(r.counts.pages, { added: 1, unchanged: 0, skipped: 0 });
      assert.equal(r.counts.people.added, 2);
      assert.ok(has(r, 'unknown post type "product"'), 'unknown post types are named');
      assert.ok(has(r, 'has no wp:post_id'));
      assert.ok(has(r, 'attachment 30 "Lost photo": https://old.example/wp-content/uploads/2019/01/lost.jpg: not in the uploads folder, and fetching remote media is not available yet'));
      assert.ok(has(r, 'unknown shortcode [unknownthing]'));
      assert.ok(has(r, 'post 13 "Private memo": private; kept unpublished'));
      assert.ok(has(r, 'password-protected'));

      const articles = await ctx.db.selectFrom('articles').selectAll().orderBy('id').execute();
      const bySlug = new Map(articles.map((a) => [a.slug, a]));
      const first = bySlug.get('first-story')!;
      assert.equal(first.headline, 'Elections & the city council', 'entities decoded; spaces made plain');
      assert.equal(first.status, 'published');
      assert.equal(first.published_at, '2020-05-03T05:30:00.000Z');
      assert.equal(first.featured, 1, 'sticky becomes featured');
      assert.equal(first.standfirst, 'What the council decided.');
      assert.match(first.body_html, /^<p>The council met on Sunday.<br \/>\s*It voted late.<\/p>/);
      assert.match(first.body_html, /<figure><img src="\/media\/[^"]+" alt="Stalls"[^>]*\/?>\s*<figcaption>The old bazaar<\/figcaption>\s*<\/figure>/);
      assert.match(first.body_html, /<a href="https:\/\/www.youtube.com\/watch\?v=abc123" rel="noopener noreferrer">/);
      assert.match(first.body_html, /Kept words/);
      assert.doesNotMatch(first.body_html, /script|onclick|\[gallery|\[unknownthing/);
      assert.ok(first.hero_media_id, 'the featured image met after its post becomes the hero');
      const hero = await ctx.db.selectFrom('media').selectAll().where('id', '=', first.hero_media_id!).executeTakeFirstOrThrow();
      assert.deepEqual([hero.alt, hero.caption, hero.credit], ['The council chamber', 'Councillors vote', 'Ali Rahimi']);
      assert.deepEqual([first.hero_alt, first.hero_credit], ['The council chamber', 'Ali Rahimi']);

      const dari = bySlug.get('انتخابات-کابل')!;
      assert.ok(dari, 'a percent-encoded Arabic-script slug is decoded');
      assert.equal(dari.language, 'fa');
      assert.match(dari.body_html, /^<p>شورای شهر امروز جلسه داشت.<\/p>\s*<h2>نتیجه<\/h2>$/, 'block comments are removed');
      const afghanistan = await ctx.db.selectFrom('sections').selectAll().where('id', '=', dari.section_id!).executeTakeFirstOrThrow();
      assert.deepEqual([afghanistan.slug, afghanistan.name], ['افغانستان', 'افغانستان']);
      const world = await ctx.db.selectFrom('sections').selectAll().where('slug', '=', 'world').executeTakeFirstOrThrow();
      const news = await ctx.db.selectFrom('sections').selectAll().where('slug', '=', 'news').executeTakeFirstOrThrow();
      assert.equal(world.parent_id, news.id, 'nested categories keep their parent, whichever came first');
      assert.equal(first.section_id, world.id);
      const farida = await ctx.db.selectFrom('people').selectAll().where('slug', '=', 'farida').executeTakeFirstOrThrow();
      assert.equal(farida.name, 'فریده عزیزی');
      assert.equal(farida.email, null, 'authors\' addresses are not copied');

      const statusOf = (slug: string) => bySlug.get(slug)?.status;
      assert.equal(statusOf('private-memo'), 'draft');
      assert.equal(statusOf('members-only'), 'draft');
      assert.equal(statusOf('half-written'), 'draft');
      assert.equal(statusOf('awaiting'), 'review');
      assert.equal(statusOf('tomorrow'), 'scheduled');
      assert.equal(bySlug.get('tomorrow')!.scheduled_at, '2030-01-01T04:30:00.000Z');
      assert.equal(statusOf('first-story-2'), 'published', 'a duplicate slug gets a free one');
      assert.equal(articles.filter((a) => a.status === 'published').length, 3);

      const comments = await ctx.db.selectFrom('comments').selectAll().where('article_id', '=', first.id).orderBy('created_at').execute();
      const byName = new Map(comments.map((c) => [c.author_name, c]));
      assert.deepEqual(comments.map((c) => c.author_name).sort(), ['Reader One', 'Reader Three', 'Reader Two', 'Waiting Reader']);
      assert.equal(byName.get('Reader One')!.body, 'Good report.');
      assert.equal(byName.get('Reader Two')!.parent_id, byName.get('Reader One')!.id);
      assert.equal(byName.get('Reader Three')!.parent_id, byName.get('Reader Two')!.id);
      assert.equal(byName.get('Reader Three')!.depth, 2);
      assert.equal(byName.get('Waiting Reader')!.status, 'pending');

      const page = await ctx.db.selectFrom('static_pages').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([page.slug, page.status, page.body_html], ['about', 'published', '<p>We are a newsroom.</p>\n<p>Founded in 2010.</p>']);
      const shown = await t.app.inject({ url: '/pages/about' });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /We are a newsroom/);

      // Every old address answers 301 to the right page; private ones lead nowhere.
      const firstUrl = '/articles/first-story';
      for (const url of ['/?p=11', '/2020/05/03/first-story/', '/2020/05/first-story/', '/first-story/', '/first-story', '/council-story/',
        '/2020/05/03/council-story/', '/?attachment_id=10']) {
        assert.equal(await location(t, url), firstUrl, url);
      }
      assert.equal(await location(t, '/articles/council-story'), firstUrl, 'an old slug answers on the new site too');
      const dariUrl = `/articles/${encodeURIComponent('انتخابات-کابل')}`;
      assert.equal(await location(t, '/2021/03/04/%d8%a7%d9%86%d8%aa%d8%ae%d8%a7%d8%a8%d8%a7%d8%aa-%da%a9%d8%a7%d8%a8%d9%84/'), dariUrl);
      assert.equal(await location(t, '/?p=12'), dariUrl);
      assert.equal(await location(t, '/2022/01/01/first-story/'), '/articles/first-story-2');
      assert.equal(await location(t, '/?page_id=20'), '/pages/about');
      assert.equal(await location(t, '/about/'), '/pages/about');
      assert.equal(await location(t, '/category/news/world/'), '/section/world');
      assert.equal(await location(t, '/category/world/'), '/section/world');
      assert.equal(await location(t, '/category/%d8%a7%d9%81%d8%ba%d8%a7%d9%86%d8%b3%d8%aa%d8%a7%d9%86/'), `/section/${encodeURIComponent('افغانستان')}`);
      assert.equal(await location(t, '/tag/elections/'), '/tag/elections');
      assert.equal(await location(t, '/author/farida/'), '/author/farida');
      assert.match(await location(t, '/2020/05/03/first-story/market/'), /^\/media\//, 'an attachment page without a known post leads to its image');
      for (const url of ['/?p=13', '/2021/04/02/members-only/', '/members-only/']) {
        assert.equal((await t.app.inject({ url })).statusCode, url.startsWith('/?') ? 200 : 404, `${url} must not lead to a private post`);
      }
      assert.equal((await t.app.inject({ url: '/articles/members-only' })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/articles/first-story' })).statusCode, 200);

      // A second run changes nothing and says so.
      const count = async () => Promise.all((['articles', 'comments', 'media', 'redirects', 'sections', 'tags', 'people', 'static_pages'] as const)
        .map(async (table) => (await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
      const before = await count();
      const again = await importWordPress(ctx, [FIXTURE], { uploadsDir });
      assert.deepEqual(again.counts.articles, { added: 0, unchanged: 8, skipped: 0 });
      assert.equal(Object.values(again.counts).reduce((n, c) => n + c.added, 0), 0);
      assert.deepEqual(await count(), before);
    } finally {
      await t.close();
    }
  });
}
