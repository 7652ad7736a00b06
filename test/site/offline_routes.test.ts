// The site serves the offline editions: /offline/ lists them per language with their sizes and the newsroom's key,
// each file goes out whole as a download with the documents' cache headers (ETag, 304), only names an edition can
// have are answered, and the full and lite footers link to the page. A static copy keeps the files as files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDemoContext } from '../helpers/demo.ts';
import type { TestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { buildEdition, offlineRoot, siteToday } from '../../src/mirrors/offline_edition.ts';
import { signingKey } from '../../src/mirrors/signing.ts';
import { exportedAddress, fileFor } from '../../src/export/paths.ts';

test('the offline editions on the site', async (t) => {
  let tc: TestContext | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    const ctx = tc.ctx;
    const app = await buildApp(ctx);
    try {
      let r = await app.inject('/offline/');
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /No offline edition has been made yet\./);
      const today = await siteToday(ctx);
      const en = await buildEdition(ctx, 'en', today);
      const fa = await buildEdition(ctx, 'fa', today);
      const key = (await signingKey(ctx)).publicKey;

      await t.test('/offline/ lists each language\'s editions with sizes and the key', async () => {
        r = await app.inject('/offline/');
        assert.equal(r.statusCode, 200);
        assert.ok(r.body.includes(`href="/offline/en/${today}.html"`) && r.body.includes(`href="/offline/en/${today}.epub"`));
        assert.ok(r.body.includes(`href="/offline/fa/${today}.html"`) && r.body.includes(`href="/offline/fa/${today}.epub"`));
        assert.ok(r.body.includes(`Web page (${Math.round(en.html / 1024)} KB)`), 'the size of the English page');
        assert.match(r.body, /<section class="offline-language" lang="fa" dir="rtl"[^>]*><h2[^>]*>دری<\/h2>/);
        assert.match(r.body, /صفحهٔ وب \([۰-۹]+ کیلوبایت\)/, 'Dari sizes in Dari digits');
        assert.ok(r.body.includes(key), 'the public key');
      });

      await t.test('each file goes out whole, as a download, with validators', async () => {
        const html = await app.inject({ url: `/offline/fa/${today}.html`, headers: { 'accept-encoding': 'identity' } });
        assert.equal(html.statusCode, 200);
        assert.match(String(html.headers['content-type']), /^text\/html; charset=utf-8/);
        assert.equal(html.headers['content-disposition'], `attachment; filename="127.0.0.1-fa-${today}.html"`.replace('127.0.0.1', new URL(ctx.config.publicUrl).hostname));
        assert.equal(html.body, readFileSync(join(offlineRoot(ctx), 'fa', `${today}.html`), 'utf8'));
        assert.equal(html.body.length > 0 && Buffer.byteLength(html.body), fa.html);
        assert.ok(html.headers.etag && html.headers['last-modified']);
        assert.match(String(html.headers['cache-control']), /must-revalidate/);
        const again = await app.inject({ url: `/offline/fa/${today}.html`, headers: { 'if-none-match': String(html.headers.etag) } });
        assert.equal(again.statusCode, 304);
        const epub = await app.inject(`/offline/en/${today}.epub`);
        assert.equal(epub.statusCode, 200);
        assert.equal(epub.headers['content-type'], 'application/epub+zip');
        assert.match(String(epub.headers['content-disposition']), new RegExp(`^attachment; filename=".*-en-${today}\\.epub"$`));
        assert.ok(epub.rawPayload.equals(readFileSync(join(offlineRoot(ctx), 'en', `${today}.epub`))));
        assert.equal(epub.headers['content-encoding'], undefined, 'a zip is not compressed again');
        const cached = await app.inject({ url: `/offline/en/${today}.epub`, headers: { 'if-none-match': String(epub.headers.etag) } });
        assert.equal(cached.statusCode, 304);
      });

      await t.test('only the names an edition can have are answered', async () => {
        for (const url of [`/offline/ps/${today}.html`, '/offline/en/2001-01-01.epub', '/offline/xx/2026-01-01.html', '/offline/en/khabar-mirror.json',
          '/offline/en/..%2F..%2Fkhabar.sqlite', `/offline/en/${today}.html.tmp`, '/offline/en/%2e%2e%2fkhabar.sqlite']) {
          assert.equal((await app.inject(url)).statusCode, 404, url);
        }
      });

      await t.test('the full and the lite editions link to the offline editions', async () => {
        for (const url of ['/', '/lite/', '/fa/']) {
          const page = await app.inject(url);
          assert.equal((page.body.match(/href="\/offline\/"/g) ?? []).length, 1, url);
        }
        assert.match((await app.inject('/fa/')).body, /نسخهٔ آفلاین: گزارش‌های روز در یک فایل/);
      });

      await t.test('a static copy keeps the editions as files', () => {
        for (const ext of ['html', 'epub'] as const) {
          const address = exportedAddress(new URL(`${ctx.config.publicUrl}/offline/fa/${today}.${ext}`));
          assert.equal(fileFor(address), `offline/fa/${today}.${ext}`);
        }
        assert.equal(fileFor('/offline/'), 'offline/index.html');
      });
    } finally {
      await app.close();
    }
  } finally {
    await tc?.close();
  }
});
