import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { importGhost } from '../../src/importers/ghost.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/ghost.json');

for (const dialect of testDialects()) {
  test(`Ghost import: Lexical and mobiledoc bodies, tags, authors, images, old addresses (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const { ctx } = t;
      const uploadsDir = join(t.dir, 'images');
      mkdirSync(join(uploadsDir, '2023/01'), { recursive: true });
      await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 20, b: 30 } } }).jpeg().toFile(join(uploadsDir, '2023/01/desk.jpg'));
      const r = await importGhost(ctx, FIXTURE, { uploadsDir });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.counts.articles, { added: 4, unchanged: 0, skipped: 0 });
      const warned = (s: string) => assert.ok(r.warnings.some((w) => w.includes(s)), `${s} in ${r.warnings.join('\n')}`);
      warned('post p1 "Lexical story again": appears twice');
      warned('a "mystery" block was dropped');
      warned('for paid only; kept unpublished');
      warned('https://elsewhere.example/p.jpg: fetching remote media is not available yet');
      assert.deepEqual(r.counts.pages, { added: 1, unchanged: 0, skipped: 0 });
      const page = await ctx.db.selectFrom('static_pages').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([page.slug, page.title, page.body_html, page.status], ['about', 'About', '<p>Us.</p>', 'published']);
      const about = await t.app.inject({ url: '/about/' });
      assert.equal(about.statusCode, 301);
      assert.equal(about.headers.location, '/pages/about');
      assert.match((await t.app.inject({ url: '/pages/about' })).body, /Us\./);
      const rows = await ctx.db.selectFrom('articles').selectAll().orderBy('id').execute();
      const [lex, dari, paid, draft] = rows;
      assert.equal(lex.status, 'published');
      assert.equal(lex.featured, 1);
      assert.equal(lex.standfirst, 'A short summary.');
      assert.match(lex.body_html, /^<p><strong>Bold <\/strong><a href="https:\/\/example.org\/" rel="noopener noreferrer">a link<\/a><\/p><h2>Section head<\/h2><figure><img src="\/media\/[^"]+" alt="The desk" \/><figcaption>Where it happens<\/figcaption><\/figure><ul><li><em>one<\/em><\/li><\/ul><p>Raw card<\/p>$/);
      assert.ok(lex.hero_media_id);
      assert.equal(lex.hero_alt, 'The desk at night');
      assert.equal(lex.hero_caption, 'Photo: Staff');
      const section = await ctx.db.selectFrom('sections').select('slug').where('id', '=', lex.section_id!).executeTakeFirstOrThrow();
      assert.equal(section.slug, 'politics', 'the primary tag becomes the section; internal tags are left out');
      const tags = await ctx.db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.slug').where('article_id', '=', lex.id).execute();
      assert.deepEqual(tags.map((x) => x.slug), ['kabul']);
      const byline = await ctx.db.selectFrom('article_authors').innerJoin('people', 'people.id', 'article_authors.person_id').select(['people.name', 'people.bio', 'people.email']).where('article_id', '=', lex.id).execute();
      assert.deepEqual(byline, [{ name: 'Zahra Karimi', bio: 'Covers the city.', email: null }]);
      assert.equal(dari.slug, 'دری');
      assert.equal(dari.language, 'fa');
      assert.match(dari.body_html, /^<p>Plain <a href="https:\/\/example.com\/" rel="noopener noreferrer">linked<\/a><em> and italic<\/em><\/p>\s*<hr \/>\s*<ol><li>first<\/li><\/ol>\s*<h3>مهم<\/h3>/);
      assert.equal(dari.published_at, '2022-06-01T08:00:00.000Z');
      assert.deepEqual([paid.status, draft.status], ['draft', 'draft']);
      const to = async (url: string) => {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 301, url);
        return res.headers.location;
      };
      assert.equal(await to('/lexical-story/'), '/articles/lexical-story');
      assert.equal(await to(`/${encodeURIComponent('دری')}/`), `/articles/${encodeURIComponent('دری')}`);
      assert.equal(await to('/tag/politics/'), '/section/politics');
      assert.equal(await to('/tag/kabul/'), '/tag/kabul');
      assert.equal(await to('/author/zahra/'), '/author/zahra');
      assert.equal((await t.app.inject({ url: '/members-only/' })).statusCode, 404, 'a paid post\'s address leads nowhere');
      const again = await importGhost(ctx, FIXTURE, { uploadsDir });
      assert.deepEqual(again.counts.articles, { added: 0, unchanged: 4, skipped: 0 });
      assert.deepEqual(again.counts.pages, { added: 0, unchanged: 1, skipped: 0 });
      const broken = join(t.dir, 'broken.json');
      writeFileSync(broken, '{"db": [{"data": {"posts": [');
      assert.match((await importGhost(ctx, broken)).errors[0], /not valid JSON/);
      writeFileSync(broken, '{"hello": 1}');
      assert.match((await importGhost(ctx, broken)).errors[0], /not a Ghost export/);
    } finally {
      await t.close();
    }
  });
}
