// A partner's story on our page: the partner's publisher box, "Originally published by" with the link, the
// original date and the agreement it comes under, the partner's byline, the canonical link to the original when the agreement asks, and the
// story in "The World News" rail; none of the partner's furniture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { startPartnerSites } from '../helpers/partners.ts';
import { createSection } from '../../src/content/sections.ts';
import { createSource } from '../../src/content/sources.ts';
import { pollSource } from '../../src/syndication/poll.ts';

for (const dialect of testDialects()) {
  test(`a partner story is attributed on the rendered page (${dialect})`, async () => {
    const partners = await startPartnerSites();
    const t = await makeTestApp(dialect, { fetchAllow: ['127.0.0.1/32'] });
    try {
      const { ctx, app } = t;
      await createSection(ctx, { name: 'World News', slug: 'world-news' });
      await createSection(ctx, { name: 'Local', slug: 'local' });
      const valley = await createSource(ctx, {
        name: 'Valley Herald', feedUrl: `${partners.base}/valley/feed.xml`, siteUrl: 'https://valley.example', description: 'An independent newspaper from eastern Afghanistan.',
        language: 'en', autoPublish: true, categoryMap: { Afghanistan: 'world-news', Business: 'local' }, canonicalToOriginal: true,
        licence: 'Republished by agreement with Valley Herald & Co.',
      });
      const poll = await pollSource(ctx, valley);
      assert.equal(poll.imported, 2);
      const kunar = await ctx.db.selectFrom('articles').selectAll().where('headline', 'like', 'Floodwaters%').executeTakeFirstOrThrow();
      const page = await app.inject({ method: 'GET', url: `/articles/${kunar.slug}` });
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(html, /<p class="publisher-name"><a href="https:\/\/valley.example" rel="noopener">Valley Herald<\/a><\/p>/);
      const original = `${partners.base}/2026/11/30/floodwaters-recede-in-kunar/?utm_source=rss&amp;utm_medium=feed`;
      assert.ok(html.includes(`<a href="${original}" rel="noopener">Originally published by Valley Herald</a>`), 'the link to the original');
      assert.match(html, /<time datetime="2026-11-30T06:15:00.000Z"/, 'the original date');
      assert.match(html, /<span class="source-licence">Republished under: Republished by agreement with Valley Herald &amp; Co.<\/span><\/p>/, 'the agreement, next to the link');
      assert.match(html, /<p class="byline">By: Laila Ahmadi<\/p>/);
      assert.ok(html.includes(`<link rel="canonical" href="${original}"`), 'canonical to the original, as the agreement asks');
      for (const phrase of ['Advertisement', 'Please enter your comment', 'Omar Siddiqi', 'RELATED ARTICLES']) assert.ok(!html.includes(phrase), phrase);
      // The other story (a local one) shows the partner's World News story in its rail.
      const road = await ctx.db.selectFrom('articles').select('slug').where('headline', 'like', 'Pamir%').executeTakeFirstOrThrow();
      const other = (await app.inject({ method: 'GET', url: `/articles/${road.slug}` })).body;
      assert.match(other, /The World News[\s\S]*Floodwaters recede in Kunar/);
    } finally {
      await t.close();
      await partners.close();
    }
  });
}
