// The offline edition of the demo newsroom's day, in English and Dari: one self-contained web page (every story and
// picture inside, no script, nothing loaded from anywhere, the language's direction, well under 2 MB) and an EPUB
// that epubcheck passes, in a folder whose signed manifest verify-mirror checks; the job makes each language's
// edition of the day just ended, once, after the site's local midnight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoContext } from '../helpers/demo.ts';
import { makeTestContext, testDialects, type TestContext } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import type { AppContext } from '../../src/context.ts';
import { buildEdition, DAYS_KEPT, offlineTick, siteToday } from '../../src/mirrors/offline_edition.ts';
import { editionStories } from '../../src/mirrors/offline_stories.ts';
import { editionBody, PictureSet } from '../../src/mirrors/offline_pictures.ts';
import { publicKeyFrom, signingKey } from '../../src/mirrors/signing.ts';
import { verifyCopy } from '../../src/mirrors/verify.ts';
import { describeReport } from '../../src/cli/verify_mirror.ts';

const MIRROR = 'https://mirror.example/khabar/';
const ONION = 'http://khabarexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion';

/** Every address a page loads (not links a reader may follow): src, srcset, poster, and <link>/<object>/<embed>. */
function loadedAddresses(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(img|source|script|iframe|video|audio|embed|object|link|track|input)\b[^>]*>/gi)) {
    for (const a of m[0].matchAll(/\s(src|srcset|href|data|poster)="([^"]*)"/gi)) out.push(a[2]);
  }
  for (const m of html.matchAll(/url\(([^)]*)\)/gi)) out.push(m[1]);
  return out;
}

/** Java runs the Debian package's jar (its /usr/bin/epubcheck is the jar itself). */
function epubcheck(file: string): { ok: boolean; out: string } {
  const jar = realpathSync(execFileSync('sh', ['-c', 'command -v epubcheck']).toString().trim());
  const r = spawnSync('java', ['-jar', jar, file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

test('the demo day as an offline edition, in English and Dari', async (t) => {
  let tc: TestContext | undefined;
  const root = mkdtempSync(join(tmpdir(), 'khabar-offline-'));
  try {
    tc = await makeDemoContext('sqlite');
    const ctx: AppContext = { ...tc.ctx, config: { ...tc.ctx.config, mirrors: [MIRROR], onionUrl: ONION } };
    const today = await siteToday(ctx);
    const key = await signingKey(ctx);
    for (const lang of ['en', 'fa'] as const) {
      await t.test(`${lang}: the web page holds every story and picture, loads nothing and reads ${lang === 'fa' ? 'right to left' : 'left to right'}`, async () => {
        const files = await buildEdition(ctx, lang, today, root);
        const { stories } = await editionStories(ctx, lang, today);
        const html = readFileSync(join(root, lang, `${today}.html`), 'utf8');
        t.diagnostic(`${lang} ${today}: ${files.stories} stories, ${files.pictures} pictures, HTML ${files.html} bytes, EPUB ${files.epub} bytes`);
        assert.ok(stories.length >= 5 && stories.length <= 30, `a handful of stories or more (${stories.length})`);
        assert.equal(files.stories, stories.length);
        assert.ok(files.html < 2 * 1024 * 1024, `under 2 MB (${files.html})`);
        assert.ok(stories.every((s) => s.language === lang));
        assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">`));
        assert.doesNotMatch(html, /<script|\son[a-z]+=|javascript:/i, 'no script at all');
        const articles = html.match(/<article class="story"/g) ?? [];
        assert.equal(articles.length, stories.length);
        for (const s of stories) {
          const headline = s.headline.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
          assert.ok(html.includes(`<h2>${headline}</h2>`), `the story "${s.headline}"`);
          assert.ok(html.includes(`#s${stories.indexOf(s) + 1}">${headline}</a>`), 'and its line in the contents');
        }
        const withHero = stories.filter((s) => s.card.hero).length;
        assert.ok(withHero > 0, 'the demo stories have pictures');
        const figures = html.match(/<figure class="hero"><img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+" width="\d+" height="\d+" alt="[^"]*"\/>/g) ?? [];
        assert.equal(figures.length, withHero, 'every story picture embedded');
        const loads = loadedAddresses(html);
        assert.ok(loads.length >= withHero);
        assert.deepEqual(loads.filter((a) => !a.startsWith('data:')), [], 'every picture is inside the file');
        const origin = ctx.config.publicUrl;
        const links = [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]);
        const elsewhere = links.filter((h) => !h.startsWith('#') && !h.startsWith(`${origin}/`) && h !== MIRROR && h !== `${ONION}/`);
        assert.deepEqual(elsewhere, [], 'links lead only to the site, its mirrors and its onion address');
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-/);
        assert.ok(html.includes(key.publicKey), 'the public key in the footer');
        assert.ok(html.includes(`href="${MIRROR}"`) && html.includes(`href="${ONION}/"`), 'the mirror and the onion address in the footer');
        if (lang === 'fa') {
          assert.match(html, /نسخهٔ آفلاین/, 'Dari words');
          assert.match(html, /[۰-۹]{4}/, 'dates in Dari digits');
          assert.match(html, /"Noto Naskh Arabic"/, 'the Arabic-script fonts first');
        }
      });

      await t.test(`${lang}: the EPUB passes epubcheck`, () => {
        const file = join(root, lang, `${today}.epub`);
        const zip = readFileSync(file);
        assert.equal(zip.readUInt32LE(0), 0x04034b50);
        assert.equal(zip.readUInt16LE(8), 0, 'mimetype stored, not compressed');
        assert.equal(zip.subarray(30, 38).toString(), 'mimetype');
        assert.equal(zip.subarray(38 + zip.readUInt16LE(28), 38 + zip.readUInt16LE(28) + 20).toString(), 'application/epub+zip');
        const r = epubcheck(file);
        assert.ok(r.ok, r.out);
        assert.match(r.out, /No errors or warnings detected/);
      });
    }

    await t.test("a body's own pictures are embedded, another host's give way to their alt text, links become absolute", async () => {
      const { stories } = await editionStories(ctx, 'en', today);
      const key = stories.find((s) => s.card.hero)!.card.hero!.storage_key;
      const pictures = new PictureSet(ctx);
      const body = await editionBody(`<p>See <a href="/section/world">the world</a> and <a href="https://other.example/a">a partner</a>.</p>`
        + `<figure><img src="/media/${key}" alt="Our map" loading="lazy"><figcaption>Ours</figcaption></figure>`
        + `<p><img src="${ctx.config.publicUrl}/media/${key}" alt="Again"><img src="https://evil.example/x.jpg" alt="A map &amp; more"><br>x &nbsp;y</p>`,
      ctx.config.publicUrl, pictures, (p) => `images/${p.id}.jpg`);
      assert.equal((await pictures.all()).length, 1, 'one picture made once');
      assert.match(body, /<img src="images\/p0\.jpg" width="\d+" height="\d+" alt="Our map"\/>/);
      assert.match(body, /<img src="images\/p0\.jpg" width="\d+" height="\d+" alt="Again"\/>/);
      assert.ok(!body.includes('evil.example') && body.includes('<span class="missing-picture">A map &amp; more</span>'));
      assert.ok(body.includes(`href="${ctx.config.publicUrl}/section/world"`) && body.includes('href="https://other.example/a"'));
      assert.ok(body.includes('<br/>') && !body.includes('&nbsp;') && !body.includes('loading='), 'well-formed XHTML');
    });

    await t.test('verify-mirror checks the edition folder, and names an altered edition', async () => {
      const dir = join(root, 'fa');
      const publicKey = publicKeyFrom(key.publicKey)!;
      const ok = await verifyCopy(dir, publicKey);
      assert.equal(ok.ok, true, describeReport(dir, ok).join('\n'));
      assert.equal(ok.checked, 2);
      appendFileSync(join(dir, `${today}.html`), '<script>alert(1)</script>');
      const bad = await verifyCopy(dir, publicKey);
      assert.equal(bad.ok, false);
      assert.deepEqual(bad.changed, [`${today}.html`]);
    });

    await t.test(`a folder keeps the last ${DAYS_KEPT} days, all of them signed`, async () => {
      const dir = join(root, 'en');
      let day = today;
      for (let i = 0; i < DAYS_KEPT; i++) {
        day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        await buildEdition(ctx, 'en', day, root);
      }
      const files = readFileSync(join(dir, 'khabar-mirror.json'), 'utf8');
      const listed = Object.keys(JSON.parse(files).files as Record<string, string>);
      assert.equal(listed.length, 2 * DAYS_KEPT);
      assert.ok(!listed.includes(`${today}.html`) === false && !listed.includes(`${day}.html`), 'the oldest day went');
      const r = await verifyCopy(dir, publicKeyFrom(key.publicKey)!);
      assert.equal(r.ok, true, describeReport(dir, r).join('\n'));
      writeFileSync(join(dir, 'extra.html'), 'x');
      assert.deepEqual((await verifyCopy(dir, publicKeyFrom(key.publicKey)!)).extra, ['extra.html']);
    });
  } finally {
    await tc?.close();
    rmSync(root, { recursive: true, force: true });
  }
});

for (const dialect of testDialects()) {
  test(`the job makes each language's edition of the day just ended, once a day (${dialect})`, async () => {
    const tc = await makeTestContext(dialect);
    try {
      await buildNewsroom(tc.ctx);
      assert.deepEqual(await offlineTick(tc.ctx), [], 'nothing was published by the end of yesterday: no empty edition');
      tc.clock.advance(24 * 3_600_000);
      const today = await siteToday(tc.ctx);
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const first = await offlineTick(tc.ctx);
      assert.deepEqual(first.map((f) => [f.lang, f.date, f.stories]), [['en', yesterday, 4]], "yesterday's four published stories");
      const html = readFileSync(join(tc.dir, 'offline', 'en', `${yesterday}.html`), 'utf8');
      assert.equal(html.match(/<article class="story"/g)?.length, 4);
      assert.deepEqual(await offlineTick(tc.ctx), [], 'not again the same day');
      tc.clock.advance(24 * 3_600_000);
      const next = await offlineTick(tc.ctx);
      assert.deepEqual(next.map((f) => [f.date, f.stories]), [[today, 4]], 'the next day, the edition of the day before (its latest stories)');
    } finally {
      await tc.close();
    }
  });
}
