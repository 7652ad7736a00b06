// The article head for search engines and social cards: canonical, Open Graph, Twitter card, JSON-LD NewsArticle
// and BreadcrumbList checked against a table of schema.org properties; a headline with </script> stays data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { launchBrowser, startTestServer } from '../helpers/browser.ts';

const LEAD = '/articles/border-crossings-script-alert-1-script-rise';
const HEADLINE = 'Border crossings <script>alert(1)</script> rise';
const BASE = 'https://news.example';

type Kind = 'string' | 'url' | 'date' | 'object' | 'array' | 'number';
/** Properties Google's article and breadcrumb rich results require or recommend, with the type each must have. */
const NEWS_ARTICLE: Record<string, Kind> = {
  headline: 'string', description: 'string', image: 'array', datePublished: 'date', dateModified: 'date', author: 'array',
  publisher: 'object', articleSection: 'string', inLanguage: 'string', mainEntityOfPage: 'object',
};
const PERSON: Record<string, Kind> = { name: 'string', url: 'url' };
const ORGANIZATION: Record<string, Kind> = { name: 'string', logo: 'object' };
const IMAGE: Record<string, Kind> = { url: 'url', width: 'number', height: 'number' };
const LIST_ITEM: Record<string, Kind> = { position: 'number', name: 'string', item: 'url' };

function check(o: Record<string, unknown>, table: Record<string, Kind>, what: string): void {
  for (const [k, kind] of Object.entries(table)) {
    const v = o[k];
    assert.ok(v !== undefined && v !== null && v !== '', `${what}.${k} is present`);
    if (kind === 'array') assert.ok(Array.isArray(v) && v.length > 0, `${what}.${k} is a list`);
    else if (kind === 'object') assert.ok(typeof v === 'object' && !Array.isArray(v), `${what}.${k} is an object`);
    else if (kind === 'number') assert.equal(typeof v, 'number', `${what}.${k} is a number`);
    else {
      assert.equal(typeof v, 'string', `${what}.${k} is text`);
      if (kind === 'url') assert.match(v as string, /^https:\/\/news\.example\//, `${what}.${k} is an absolute address`);
      if (kind === 'date') assert.ok(!Number.isNaN(Date.parse(v as string)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(v as string), `${what}.${k} is an ISO 8601 time`);
    }
  }
}

const meta = (html: string, attr: 'property' | 'name', key: string) =>
  [...html.matchAll(new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`, 'g'))].map((m) => m[1]);

function jsonLd(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(blocks.length, 1, 'one JSON-LD block');
  return JSON.parse(blocks[0]) as Record<string, unknown>[];
}

for (const dialect of testDialects()) {
  test(`article head for crawlers and cards (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect, { publicUrl: BASE });
    try {
      await buildNewsroom(t.ctx, 14);
      const html = (await t.app.inject(LEAD)).body;
      const head = html.slice(0, html.indexOf('</head>'));

      await s.test('canonical on the article, home, section, tag and author pages', async () => {
        assert.match(head, new RegExp(`<link rel="canonical" href="${BASE}${LEAD}"`));
        for (const [path, canon] of [['/', '/'], ['/section/politics', '/section/politics'], ['/tag/parliament?page=2', '/tag/parliament?page=2'], ['/author/mina-rahimi', '/author/mina-rahimi']]) {
          const r = await t.app.inject(path);
          assert.match(r.body, new RegExp(`<link rel="canonical" href="${BASE}${canon.replace('?', '\\?')}"`), path);
          // A shared list or front page gets its own card: its title and address, the newsroom's logo.
          assert.deepEqual(meta(r.body, 'property', 'og:type'), ['website'], path);
          assert.deepEqual(meta(r.body, 'property', 'og:url'), [`${BASE}${canon}`], path);
          assert.deepEqual(meta(r.body, 'property', 'og:title'), [/<title>([^<]*)<\/title>/.exec(r.body)![1]!], path);
          assert.deepEqual(meta(r.body, 'property', 'og:image'), [`${BASE}/icon-512.png`], path);
          assert.deepEqual(meta(r.body, 'name', 'twitter:card'), ['summary'], path);
        }
        assert.deepEqual(meta(head, 'property', 'og:type'), ['article'], 'an article gives only its own card');
      });

      await s.test('Open Graph and Twitter card with the hero', async () => {
        assert.deepEqual(meta(head, 'property', 'og:type'), ['article']);
        assert.deepEqual(meta(head, 'property', 'og:title'), ['Border crossings &lt;script>alert(1)&lt;/script> rise']);
        assert.deepEqual(meta(head, 'property', 'og:description'), ['Families wait at the border.']);
        assert.deepEqual(meta(head, 'property', 'og:url'), [`${BASE}${LEAD}`]);
        assert.deepEqual(meta(head, 'property', 'og:site_name'), ['Test Daily']);
        assert.deepEqual(meta(head, 'property', 'og:locale'), ['en_GB']);
        const [image] = meta(head, 'property', 'og:image');
        assert.match(image, /^https:\/\/news\.example\/media\/.+\.jpg$/);
        // The test hero is 1200 wide: its largest JPEG is the card image.
        assert.deepEqual([meta(head, 'property', 'og:image:width'), meta(head, 'property', 'og:image:height')], [['1200'], ['675']]);
        assert.equal((await t.app.inject(new URL(image).pathname)).statusCode, 200, 'the card image exists');
        assert.equal(meta(head, 'property', 'article:published_time').length, 1);
        assert.equal(meta(head, 'property', 'article:modified_time').length, 1);
        assert.deepEqual(meta(head, 'property', 'article:section'), ['Immigration News']);
        assert.deepEqual(meta(head, 'property', 'article:tag').sort(), ['Borders', 'Health']);
        assert.deepEqual(meta(head, 'name', 'twitter:card'), ['summary_large_image']);
        assert.deepEqual(meta(head, 'name', 'twitter:image'), [image]);
        const plain = (await t.app.inject('/articles/talks-resume-abroad')).body;
        assert.deepEqual(meta(plain, 'name', 'twitter:card'), ['summary'], 'no hero: the small card');
        assert.deepEqual(meta(plain, 'property', 'og:image'), []);
        const [story] = jsonLd(plain);
        for (const img of story.image as Record<string, unknown>[]) check(img, IMAGE, 'image without a hero');
        assert.deepEqual(story.image, [(story.publisher as { logo: unknown }).logo], 'no hero: the logo is the story\'s image');
      });

      await s.test('JSON-LD NewsArticle and BreadcrumbList carry the schema.org properties', async () => {
        const [article, crumbs] = jsonLd(head);
        assert.equal(article['@context'], 'https://schema.org');
        assert.equal(article['@type'], 'NewsArticle');
        check(article, NEWS_ARTICLE, 'NewsArticle');
        assert.equal(article.headline, HEADLINE, 'the headline round-trips exactly');
        assert.equal(article.inLanguage, 'en');
        assert.equal(article.articleSection, 'Immigration News');
        for (const img of article.image as Record<string, unknown>[]) check(img, IMAGE, 'image');
        const authors = article.author as Record<string, unknown>[];
        assert.deepEqual(authors.map((p) => p['@type']), ['Person', 'Person']);
        for (const p of authors) check(p, PERSON, 'author');
        assert.deepEqual(authors.map((p) => p.name), ['Mina Rahimi', 'Omar <Noori>']);
        const publisher = article.publisher as Record<string, unknown>;
        assert.ok(['Organization', 'NewsMediaOrganization'].includes(publisher['@type'] as string));
        check(publisher, ORGANIZATION, 'publisher');
        check(publisher.logo as Record<string, unknown>, IMAGE, 'publisher.logo');
        assert.equal((await t.app.inject(new URL((publisher.logo as { url: string }).url).pathname)).statusCode, 200, 'the logo exists');
        assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': `${BASE}${LEAD}` });
        assert.equal(crumbs['@type'], 'BreadcrumbList');
        const items = crumbs.itemListElement as Record<string, unknown>[];
        items.forEach((i) => { assert.equal(i['@type'], 'ListItem'); check(i, LIST_ITEM, 'ListItem'); });
        assert.deepEqual(items.map((i) => [i.position, i.name, i.item]), [[1, 'Home', `${BASE}/`], [2, 'Immigration News', `${BASE}/section/immigration-news`], [3, HEADLINE, `${BASE}${LEAD}`]]);
      });

      await s.test('a headline with </script> cannot end the JSON-LD element', async () => {
        const block = head.slice(head.indexOf('<script type="application/ld+json">'));
        const body = block.slice(0, block.indexOf('</script>'));
        assert.ok(!/<\/?script|<!--/i.test(body.slice(8)), 'no tag-like text inside the data');
        assert.match(body, /\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e/);
      });
    } finally {
      await t.close();
    }
  });
}

test('Chromium reads the JSON-LD under the CSP without a violation and runs nothing from it', async () => {
  const t = await makeTestApp('sqlite');
  await buildNewsroom(t.ctx);
  const server = await startTestServer(t.app);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) problems.push(m.text()); });
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    // Every violation from the first byte on is counted (the listener is in place before the page's own HTML).
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => { w.violations.push(`${e.violatedDirective} ${e.blockedURI}`); }, true);
    });
    await page.goto(server.base + LEAD, { waitUntil: 'load' });
    // Violations are reported in the order they happen: a script of our own, refused by the same policy after the
    // page has loaded, is reported after every violation of the page's own, so once its report is in, all are.
    const violations = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const w = window as unknown as { violations: string[] };
      const marker = document.createElement('script');
      document.addEventListener('securitypolicyviolation', (e) => {
        if (e.target !== marker) return;
        marker.remove();
        resolve(w.violations.slice(0, -1));
      }, true);
      marker.textContent = 'void 0';
      document.body.append(marker);
    }));
    const parsed = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null')) as { headline: string }[];
    assert.equal(parsed[0].headline, HEADLINE, 'the browser sees the data whole');
    assert.equal(await page.locator('script:not([type="application/ld+json"]):not([src])').count(), 0, 'no inline script');
    assert.deepEqual(violations, [], 'no violation while the page loaded');
    // The browser's console names the refused marker by its hash; every other line is a problem.
    const markerHash = createHash('sha256').update('void 0').digest('base64');
    assert.deepEqual(problems.filter((p) => !p.includes(markerHash)), []);
  } finally {
    await browser.close();
    await server.close();
    await t.close();
  }
});
