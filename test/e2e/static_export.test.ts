// `khabar export static`: the demo newsroom exported through the real app, served by a tiny static server from
// another port and a subfolder, and opened from disk, in Chromium: every link and asset of every exported page
// resolves inside the copy, nothing is requested from the origin, the comment form is a link to the main site,
// and a second export writes only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { launchBrowser, recordRequests, foreignRequests } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';
import { exportStatic, MANIFEST } from '../../src/export/static_export.ts';
import { updateArticle } from '../../src/content/articles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.xml': 'application/xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

/** Serves `dir` under `/mirror/` only, as a plain static host would: files by name, 404.html for the rest. */
async function staticServer(dir: string): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inside = path.startsWith('/mirror/') ? posix.normalize(path.slice('/mirror/'.length)) : null;
    const file = inside !== null && !inside.startsWith('..') ? join(dir, inside.endsWith('/') || inside === '.' ? `${inside}/index.html` : inside) : null;
    if (file && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } else {
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(readFileSync(join(dir, '404.html')));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  return { base: `http://127.0.0.1:${addr.port}/mirror/`, server };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? allFiles(dir, rel) : [rel];
  });
}

/** Every address an exported page loads or links to (href, src, srcset). */
function addressesIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const values = m[1] === 'srcset' ? m[2].split(',').map((e) => e.trim().split(/\s+/)[0]) : [m[2]];
    out.push(...values.map((v) => v.replace(/&amp;/g, '&')));
  }
  return out;
}

test('static export: a mirror that works from another host, a subfolder and from disk', async (t) => {
  let tc: TestContext | undefined;
  let mirror: Server | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-export-'));
  try {
    tc = await makeDemoContext('sqlite');
    const app = await buildApp(tc.ctx);
    const origin = tc.ctx.config.publicUrl;
    const first = await exportStatic(app, dir);
    const files = allFiles(dir).filter((f) => f !== MANIFEST);
    console.log(`exported ${first.files} files (${files.filter((f) => f.endsWith('.html')).length} pages)`);
    const articleSlug = (await tc.ctx.db.selectFrom('articles').select('slug').where('status', '=', 'published').where('source_id', 'is', null).orderBy('published_at', 'desc').executeTakeFirstOrThrow()).slug;
    const articleFile = `articles/${articleSlug}/index.html`;

    await t.test('every kind of page, feed, sitemap and picture is in the copy', () => {
      assert.deepEqual(first.failed, [], 'every linked address exported');
      for (const f of ['index.html', '404.html', 'lite/index.html', 'lite/en/index.html', articleFile, `lite/${articleFile}`, 'sitemap.xml', 'feed.xml', 'atom.xml', 'feed.json', 'robots.txt', 'assets/site.css', 'assets/lite.css']) {
        assert.ok(files.includes(f), `${f} exported`);
      }
      for (const kind of ['section', 'tag', 'author', 'sitemaps']) assert.ok(files.some((f) => f.startsWith(`${kind}/`)), `${kind} exported`);
      assert.ok(files.some((f) => /^\d{4}\/index\.html$/.test(f)), 'a year archive');
      assert.ok(files.some((f) => /^\d{4}\/\d{2}\/index\.html$/.test(f)), 'a month archive');
      assert.ok(files.some((f) => /^media\/.+\.avif$/.test(f)) && files.some((f) => /^media\/.+\.jpg$/.test(f)), 'pictures');
      assert.ok(files.includes('index-page-2.html'), 'a list\'s second page');
    });

    await t.test('every link and asset of every exported file resolves inside the copy; the origin is only ever linked', () => {
      const broken: string[] = [];
      const inCopy = new Set(files);
      const originMentions: string[] = [];
      for (const f of files.filter((x) => /\.(html|xml|json|webmanifest|txt)$/.test(x))) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (f.endsWith('.html')) {
          for (const a of addressesIn(text)) {
            if (/^(https?:|mailto:|#)/.test(a)) continue;
            assert.ok(!a.startsWith('/'), `${f}: root-relative ${a} would leave a subfolder`);
            const target = posix.normalize(posix.join(posix.dirname(f), decodeURIComponent(a.split('#')[0].split('?')[0])));
            if (!inCopy.has(target)) broken.push(`${f}: ${a}`);
          }
        }
        for (const m of text.matchAll(new RegExp(`(.{0,40})${origin.replace(/[.]/g, '\\.')}([^"<\\s]*)`, 'g'))) {
          // a link a reader follows (the comment link, the search form) is allowed, and the signed manifest says which
          // site the copy is of (src/mirrors); nothing else names the origin
          if (!/(href|action)="$/.test(m[1]) && !(f === 'khabar-mirror.json' && /"origin": "$/.test(m[1]))) originMentions.push(`${f}: ${m[0]}`);
        }
      }
      assert.deepEqual(broken.slice(0, 20), []);
      assert.deepEqual(originMentions.slice(0, 20), []);
      const article = readFileSync(join(dir, articleFile), 'utf8');
      assert.match(article, new RegExp(`<p class="comments-elsewhere"><a href="${origin}/articles/${articleSlug}#comment-form">`), 'the comment form is a link to the main site');
      assert.doesNotMatch(article, /<form id="comment-form"|comments\.js|comment-report/);
    });

    const served = await staticServer(dir);
    mirror = served.server;
    await t.test('in Chromium from another port and a subfolder: pages load whole, nothing from the origin', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        const failures: string[] = [];
        page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
        page.on('requestfailed', (r) => failures.push(`failed ${r.url()}`));
        // one page of each kind (the links of all of them are checked above, without a browser)
        const sample = ['index.html', articleFile, `lite/${articleFile}`, files.find((f) => f.startsWith('tag/') && f.endsWith('/index.html'))!,
          ...['fa', 'ps'].flatMap((l) => files.filter((f) => f.startsWith('articles/')).filter((f) => readFileSync(join(dir, f), 'utf8').includes(`<html lang="${l}"`)).slice(0, 1))];
        for (const f of sample) {
          const res = await page.goto(served.base + f.split('/').map(encodeURIComponent).join('/'), { waitUntil: 'load' });
          assert.equal(res?.status(), 200, f);
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await page.waitForLoadState('networkidle');
          assert.ok((await page.locator('h1').count()) >= 1, `${f} has its heading`);
        }
        // follow a link as a reader would: from the home page to a story and on to its section
        await page.goto(`${served.base}index.html`);
        await page.locator('main a[href*="articles/"]').first().click();
        await page.waitForLoadState('load');
        assert.match(page.url(), /\/mirror\/articles\/.+\/index\.html$/);
        await page.locator('a.section-label').first().click();
        await page.waitForLoadState('load');
        assert.match(page.url(), /\/mirror\/section\/.+\/index\.html$/);
        assert.deepEqual(failures, [], 'every request answered');
        assert.deepEqual(foreignRequests(requests, served.base), [], 'no request left the mirror (none to the origin)');
      } finally {
        await browser.close();
      }
    });

    await t.test('opened from disk (file://): the pages and their assets load', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        const failures: string[] = [];
        page.on('requestfailed', (r) => failures.push(r.url()));
        await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
        await page.locator('main a[href*="articles/"]').first().click();
        await page.waitForLoadState('load');
        assert.match(page.url(), /^file:.*\/articles\/.+\/index\.html$/);
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily !== ''), true);
        assert.equal(await page.evaluate(() => document.styleSheets.length >= 1), true, 'the stylesheet loaded');
        assert.deepEqual(failures, []);
        assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'only files from the copy');
      } finally {
        await browser.close();
      }
    });

    await t.test('a second export writes only what changed', async () => {
      const id = (await tc!.ctx.db.selectFrom('articles').select('id').where('slug', '=', articleSlug).executeTakeFirstOrThrow()).id;
      await updateArticle(tc!.ctx, id, { headline: 'A corrected headline for the mirror' }, { userId: null });
      const third = await exportStatic(app, dir);
      assert.ok(third.written > 0 && third.written < first.files / 4, `${third.written} of ${first.files} files written`);
      assert.equal(third.written + third.unchanged, third.files, 'the rest left as they were');
      assert.match(readFileSync(join(dir, articleFile), 'utf8'), /A corrected headline for the mirror/);
    });

    await app.close();
  } finally {
    mirror?.close();
    await tc?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
