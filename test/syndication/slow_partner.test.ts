// A partner whose server holds every request for 20 s delays neither publishing nor the other partners: with the job
// runner's own timers, a story scheduled 5 s ahead is public as soon as the clock passes its time, and a healthy
// partner's stories come in, while the slow partner's request is still held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { startPartnerSites } from '../helpers/partners.ts';
import { createArticle, scheduleArticle } from '../../src/content/articles.ts';
import { createSection } from '../../src/content/sections.ts';
import { createSource } from '../../src/content/sources.ts';
import { startJobRunner } from '../../src/jobs/runner.ts';

const HOLD_MS = 20_000;

/** A partner that answers every request only after 20 s; `asked` settles when its first request arrives. */
async function slowPartner() {
  const held = new Set<http.ServerResponse>();
  let heard = () => {};
  const asked = new Promise<void>((r) => { heard = r; });
  const server = http.createServer((_req, res) => {
    held.add(res);
    heard();
    setTimeout(() => { held.delete(res); res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Slow</title></channel></rss>'); }, HOLD_MS).unref();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
    asked,
    held,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a partner that holds its requests delays neither a scheduled story nor the other partners`, { timeout: 60_000 }, async () => {
    const slow = await slowPartner();
    const partners = await startPartnerSites();
    const t = await makeTestApp(dialect, { fetchAllow: ['127.0.0.1/32'] });
    let runner: ReturnType<typeof startJobRunner> | null = null;
    const failures: string[] = [];
    try {
      const { ctx, clock } = t;
      const sectionId = await createSection(ctx, { name: 'World News', slug: 'world' });
      // The slow partner comes first, so polling one source after another would wait on it.
      await createSource(ctx, { name: 'Slow Partner', feedUrl: slow.url, siteUrl: slow.url, description: '', language: 'en', autoPublish: false });
      const valley = await createSource(ctx, { name: 'Valley Herald', feedUrl: `${partners.base}/valley/feed.xml`, siteUrl: partners.base, description: '', language: 'en', autoPublish: false, sectionId });
      const id = await createArticle(ctx, { headline: 'Council votes on the budget', sectionId, bodyHtml: '<p>On time.</p>' }, { userId: null });
      const at = new Date(clock.now().getTime() + 5_000);
      await scheduleArticle(ctx, id, at, { userId: null });
      const { slug } = await ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();

      const published = new Promise<void>((resolve) => ctx.events.on('article.published', (e) => { if (e.articleId === id) resolve(); }));
      const valleyIn = new Promise<void>((resolve) => {
        ctx.events.on('article.changed', async () => {
          // an imported story is filed for review: both of the healthy partner's stories are in once both are
          const filed = await ctx.db.selectFrom('articles').select('id').where('source_id', '=', valley).where('status', '=', 'review').execute();
          if (filed.length === 2) resolve();
        });
      });
      runner = startJobRunner(ctx, { intervalMs: 50, onError: (err) => { failures.push(err.message); } });
      await slow.asked;
      assert.equal((await t.app.inject({ method: 'GET', url: `/articles/${slug}` })).statusCode, 404, 'not public before its time');

      clock.advance(5_000);
      await published;
      assert.equal(slow.held.size, 1, 'published while the slow partner still holds the poll\'s request');
      assert.ok(clock.now().getTime() - at.getTime() < 10_000, 'public within 10 s of its time');
      const page = await t.app.inject({ method: 'GET', url: `/articles/${slug}` });
      assert.equal(page.statusCode, 200);
      const row = await ctx.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.published_at], ['published', at.toISOString()]);

      await valleyIn;
      assert.equal(slow.held.size, 1, 'the healthy partner\'s stories came in while the slow one still held its request');
      assert.deepEqual(failures, [], 'no job failed');
    } finally {
      await slow.close();
      await runner?.stop();
      await t.close();
      await partners.close();
    }
  });
}
