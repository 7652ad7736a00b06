// The readers' "Most read" list on fronts and article pages, and who is not a reader. The list follows the counts,
// in the page's language; pages showing it stay cached (tag most-read:<lang>) and are purged only when the list's
// stories or order change; the static export's stamps change with it. A signed-in member of staff reading the
// site and a draft preview are not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { signInAs } from '../helpers/staff.ts';
import { getArticle } from '../../src/content/articles.ts';
import { rollUp } from '../../src/audience/rollup.ts';
import { refreshMostRead } from '../../src/audience/most_read.ts';
import { updateAudienceSettings } from '../../src/audience/audience_settings.ts';
import { siteStamps, stampFor } from '../../src/export/export_stamps.ts';
import { previewToken } from '../../src/content/preview_links.ts';

const CHROME = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

async function read(t: TestApp, slug: string, readers: number, from = 1) {
  for (let i = 0; i < readers; i++) {
    await t.app.inject({ url: `/articles/${encodeURIComponent(slug)}`, remoteAddress: `10.1.${from}.${i + 1}`, headers: { 'user-agent': CHROME } });
  }
}

async function counted(t: TestApp): Promise<string[]> {
  await t.app.pageViews?.flush();
  await rollUp(t.ctx);
  return refreshMostRead(t.ctx);
}

/** The headlines of the page's "Most read" list, in order ([] when it has none). */
function mostRead(html: string): string[] {
  const box = /<section class="rail most-read"[^]*?<\/section>/.exec(html)?.[0] ?? '';
  const text = (h: string) => h.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...box.matchAll(/<li><a href="[^"]+">([^<]+)<\/a><\/li>/g)].map((m) => text(m[1]));
}

for (const dialect of testDialects()) {
  test(`[${dialect}] "Most read" on the front and article pages follows the counts, stays cached, and is purged when it changes`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const lead = (await getArticle(t.ctx.db, n.articles.lead))!;
      const clinic = (await getArticle(t.ctx.db, n.articles.corrected))!;
      await updateAudienceSettings(t.ctx, { mostRead: '24h', mostReadCount: 5 });
      const front = async () => t.app.inject({ url: '/', headers: { 'user-agent': CHROME } });
      assert.deepEqual(mostRead((await front()).body), [], 'nothing read yet: no list');

      await read(t, lead.slug, 3);
      await read(t, clinic.slug, 1);
      assert.deepEqual(await counted(t), ['en']);
      const first = await front();
      assert.deepEqual(mostRead(first.body), [lead.headline, clinic.headline]);
      assert.match(first.body, /Most read in the last 24 hours/);
      assert.match(String(first.headers['cache-control']), /public/, 'the page stays cacheable');
      assert.equal((await front()).headers['x-khabar-cache'], 'hit');
      // On the lead's own page the list leaves the lead out.
      const own = await t.app.inject({ url: `/articles/${encodeURIComponent(lead.slug)}`, headers: { 'user-agent': CHROME } });
      assert.deepEqual(mostRead(own.body), [clinic.headline]);
      const stamp = stampFor(await siteStamps(t.ctx), 'most-read:en');

      // More reads of the same order change nothing shown: no purge, same stamp.
      await read(t, lead.slug, 2, 2);
      assert.deepEqual(await counted(t), []);
      assert.equal((await front()).headers['x-khabar-cache'], 'hit');
      assert.equal(stampFor(await siteStamps(t.ctx), 'most-read:en'), stamp);

      // The clinic overtakes the lead: the list changes, the front is purged and drawn again, the stamp moves.
      await read(t, clinic.slug, 8, 3);
      assert.deepEqual(await counted(t), ['en']);
      const after = await front();
      assert.equal(after.headers['x-khabar-cache'], 'miss');
      assert.deepEqual(mostRead(after.body), [clinic.headline, lead.headline]);
      assert.notEqual(stampFor(await siteStamps(t.ctx), 'most-read:en'), stamp);

      // The newsroom turns it off: gone from the pages.
      await updateAudienceSettings(t.ctx, { mostRead: 'off' });
      await refreshMostRead(t.ctx);
      assert.deepEqual(mostRead((await front()).body), []);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] "Most read" speaks the page's language`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const lead = (await getArticle(t.ctx.db, n.articles.lead))!;
      await updateAudienceSettings(t.ctx, { mostRead: '7d' });
      await read(t, lead.slug, 2);
      await counted(t);
      const html = (await t.app.inject({ url: '/', headers: { 'user-agent': CHROME } })).body;
      assert.match(html, /Most read in the last 7 days/);
      const { t: say } = await import('../../src/i18n/index.ts');
      for (const lang of ['fa', 'ps']) {
        for (const key of ['most_read.title_24h', 'most_read.title_7d'] as const) {
          assert.notEqual(say(lang, key), say('en', key), `${lang} ${key} is translated`);
          assert.match(say(lang, key), /[\u0600-\u06FF]/);
        }
      }
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] staff reading the site and draft previews are not counted`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const lead = (await getArticle(t.ctx.db, n.articles.lead))!;
      const editor = await signInAs(t, 'editor');
      const page = `/articles/${encodeURIComponent(lead.slug)}`;
      for (const url of [page, '/', page]) {
        const res = await t.app.inject({ url, remoteAddress: '10.2.0.1', headers: { 'user-agent': CHROME, cookie: editor.cookie } });
        assert.equal(res.statusCode, 200);
      }
      const preview = await t.app.inject({ url: `/preview/${previewToken(t.ctx, n.articles.draft, new Date(t.clock.now().getTime() + 3600_000))}`, remoteAddress: '10.2.0.2', headers: { 'user-agent': CHROME } });
      assert.equal(preview.statusCode, 200);
      await t.app.pageViews?.flush();
      assert.equal(t.app.pageViews?.written, 0, 'neither the editor nor the preview is a reader');
      // The same page read by a reader is counted.
      await t.app.inject({ url: page, remoteAddress: '10.2.0.3', headers: { 'user-agent': CHROME } });
      await t.app.pageViews?.flush();
      assert.equal(t.app.pageViews?.written, 1);
    } finally {
      await t.close();
    }
  });
}
