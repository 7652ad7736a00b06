// `khabar export static` renders again only what changed: each run is a fresh app (as each `khabar export` is a
// fresh process, with an empty page cache), and the renders are counted, not timed. A second run over an unchanged
// site renders nothing and writes nothing; after one story's headline changes, the third run renders exactly the
// pages that show that story (by their page-cache tags) and the sitemaps that list it, and nothing else. The one
// document that names no tags, the news sitemap (the last 48 hours: it changes with the clock alone), is rendered
// every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { buildApp } from '../../src/app.ts';
import { watchPages } from '../../src/http/send_page.ts';
import { exportStatic, MANIFEST, type ExportResult } from '../../src/export/static_export.ts';
import { updateArticle } from '../../src/content/articles.ts';

interface Manifest {
  pages: Record<string, { tags: string[] }>;
  stamps: Record<string, string>;
}

test('a second static export renders only what changed', async (t) => {
  let tc: TestContext | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-export-'));
  try {
    tc = await makeDemoContext('sqlite');
    const ctx = tc.ctx;
    /** One run in a fresh app; the addresses the app rendered. */
    const run = async (): Promise<{ result: ExportResult; rendered: string[]; manifest: Manifest }> => {
      const app = await buildApp(ctx);
      const rendered: string[] = [];
      const unwatch = watchPages(ctx, (url, _tags, fresh) => { if (fresh) rendered.push(url); });
      try {
        const result = await exportStatic(app, dir);
        return { result, rendered, manifest: JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest };
      } finally {
        unwatch();
        await app.close();
      }
    };

    const first = await run();
    const pages = Object.keys(first.manifest.pages).length;
    console.log(`first run: ${first.result.files} files, ${first.result.rendered} renders, ${pages} pages with tags`);
    assert.deepEqual(first.result.failed, []);
    assert.ok(pages > 50, 'the demo\'s pages were exported with their tags');
    assert.equal(first.result.rendered, first.rendered.length, 'the export counts what the app rendered');
    const untagged = first.rendered.filter((a) => !first.manifest.pages[a] && !a.startsWith('/articles/this-address-is-not'));
    assert.deepEqual(untagged, ['/sitemaps/news.xml'], 'every page but the news sitemap says what it shows');

    await t.test('nothing changed: nothing is rendered, nothing written', async () => {
      const second = await run();
      assert.deepEqual(second.rendered, untagged, 'no page rendered');
      assert.equal(second.result.rendered, untagged.length);
      assert.equal(second.result.written, 0);
      assert.equal(second.result.removed, 0);
      assert.equal(second.result.files, first.result.files, 'the copy is whole');
      assert.equal(second.result.reused, pages, 'every page taken from the last run');
    });

    await t.test('one story changed: only the pages that show it are rendered again', async () => {
      const before = (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest);
      const story = await ctx.db.selectFrom('articles').select(['id', 'slug']).where('status', '=', 'published').where('source_id', 'is', null).where('language', '=', 'en')
        .orderBy('published_at', 'asc').executeTakeFirstOrThrow();
      await updateArticle(ctx, story.id, { headline: 'An older story, its headline corrected' }, { userId: null });
      const third = await run();
      const changed = Object.keys(third.manifest.stamps).filter((tag) => third.manifest.stamps[tag] !== before.stamps[tag]);
      assert.deepEqual(changed.sort(), ['article:' + story.id, 'articles'].sort(), 'the story and the list of every story\'s last change');
      const showing = Object.entries(before.pages).filter(([, p]) => p.tags.some((tag) => changed.includes(tag))).map(([address]) => address);
      assert.deepEqual([...third.rendered].sort(), [...showing, ...untagged].sort(), 'rendered: exactly the pages whose tags changed');
      assert.ok(showing.includes(`/articles/${story.slug}`) && showing.includes(`/lite/articles/${story.slug}`), 'its page and its lite page');
      assert.ok(showing.includes('/sitemap.xml') || showing.some((a) => a.startsWith('/sitemaps/')), 'the sitemaps that list it');
      assert.ok(third.rendered.length < pages / 5, `${third.rendered.length} of ${pages} pages rendered`);
      assert.equal(third.result.reused, pages - showing.length);
      assert.match(readFileSync(join(dir, 'articles', story.slug, 'index.html'), 'utf8'), /An older story, its headline corrected/);
    });
  } finally {
    await tc?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
