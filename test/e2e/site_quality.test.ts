// Every kind of public page over the demo newsroom, as a reader's browser sees it: valid HTML (Nu Html Checker),
// no serious or critical axe-core findings in Chromium, no request to any other host, the article readable with
// JavaScript off, and the article page light enough for a slow, expensive connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests, type TestServer } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { validateHtml, vnuErrors } from '../helpers/vnu.ts';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/schema.ts';
import type { AppContext } from '../../src/context.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { PER_PAGE } from '../../src/site/paging.ts';
import { pageWeight, describeWeight } from '../../bench/page_weight.ts';

const WEIGHT_LIMIT = 30 * 1024;

interface SitePage {
  name: string;
  path: string;
  status: number;
}

interface StoryFacts {
  path: string;
  headline: string;
  bylines: string[];
  bodySentence: string;
}

/** The demo's own URLs for each page type, read from the database the demo filled. */
async function discover(db: Db): Promise<{ pages: SitePage[]; story: StoryFacts }> {
  const published = db.selectFrom('articles').where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc');
  const article = await published.selectAll().where('source_id', 'is', null).executeTakeFirst();
  assert.ok(article, 'the demo newsroom has a published, non-syndicated article');
  const syndicated = await published.select('slug').where('source_id', 'is not', null).executeTakeFirst();
  assert.ok(syndicated, 'the demo newsroom has a syndicated article');
  const sections = await db.selectFrom('sections').innerJoin('articles', 'articles.section_id', 'sections.id')
    .where('articles.status', '=', 'published').select(['sections.slug', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('sections.slug').orderBy('n', 'desc').execute();
  assert.ok(sections.length, 'a section with published articles');
  const tag = await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').select('tags.slug')
    .where('article_tags.article_id', '=', article.id).executeTakeFirst()
    ?? await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').select('tags.slug').executeTakeFirst();
  assert.ok(tag, 'a tag on some article');
  const authors = await db.selectFrom('people').innerJoin('article_authors', 'article_authors.person_id', 'people.id')
    .select(['people.slug', 'people.name']).where('article_authors.article_id', '=', article.id).execute();
  assert.ok(authors.length, 'the article has bylines');
  const when = article.published_at ?? '';
  const [year, month] = [when.slice(0, 4), when.slice(5, 7)];

  const second = `/section/${sections[0].slug}?page=2`;
  const firstParagraph = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(article.body_html)?.[1] ?? '';
  const bodySentence = firstParagraph.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/gi, ' ').split(/(?<=[.!?])\s/)[0].split(/\s+/).slice(0, 8).join(' ');
  return {
    pages: [
      { name: 'home', path: '/', status: 200 },
      { name: 'article', path: `/articles/${article.slug}`, status: 200 },
      { name: 'syndicated article', path: `/articles/${syndicated.slug}`, status: 200 },
      { name: 'section', path: `/section/${sections[0].slug}`, status: 200 },
      { name: 'tag', path: `/tag/${tag.slug}`, status: 200 },
      { name: 'author', path: `/author/${authors[0].slug}`, status: 200 },
      { name: 'year archive', path: `/${year}/`, status: 200 },
      { name: 'month archive', path: `/${year}/${month}/`, status: 200 },
      { name: 'not found', path: '/articles/no-such-story-anywhere', status: 404 },
      { name: 'second page of a section', path: second, status: 200 },
    ],
    story: { path: `/articles/${article.slug}`, headline: article.headline, bylines: authors.map((a) => a.name), bodySentence },
  };
}

/** Tops up the demo's fullest section with older short stories until it runs to a second page. */
async function fillFullestSection(ctx: AppContext): Promise<void> {
  const [fullest] = await ctx.db.selectFrom('articles').where('status', '=', 'published').where('section_id', 'is not', null)
    .select(['section_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('published_at').as('oldest')])
    .groupBy('section_id').orderBy('n', 'desc').execute();
  assert.ok(fullest?.oldest, 'the demo has a section with published articles');
  const [author] = await ctx.db.selectFrom('people').select('id').orderBy('id').limit(1).execute();
  const oldest = new Date(fullest.oldest).getTime();
  for (let i = Number(fullest.n); i <= PER_PAGE; i++) {
    const id = await createArticle(ctx, {
      headline: `From the archive: notes from the desk, part ${i}`,
      standfirst: 'An older dispatch kept for the record.',
      bodyHtml: '<p>The desk kept notes through the season.</p><p>They are kept here as they were written.</p>',
      sectionId: fullest.section_id, authorIds: author ? [author.id] : [], tags: ['archive'],
    }, { userId: null });
    await publishArticle(ctx, id, { userId: null }, new Date(oldest - (i + 1) * 86_400_000));
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Scrolls to the end so lazy images load too, then waits for the network to settle. */
async function loadFully(page: Page, url: string): Promise<number> {
  const res = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  return res?.status() ?? 0;
}

test('public pages: valid, accessible, self-contained, readable without JavaScript, light', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    await fillFullestSection(tc.ctx);
    server = await startTestServer(await buildApp(tc.ctx));
    const base = server.base;
    const { pages, story } = await discover(tc.ctx.db);
    console.log(`pages checked: ${pages.map((p) => `${p.name} ${p.path}`).join('; ')}`);

    const html: Record<string, string> = {};
    await t.test('every page type answers with its status and an HTML page', async () => {
      for (const p of pages) {
        const r = await fetch(base + p.path, { redirect: 'manual' });
        assert.equal(r.status, p.status, `${p.name} ${p.path}`);
        assert.match(r.headers.get('content-type') ?? '', /^text\/html/, `${p.name} is HTML`);
        html[p.name] = await r.text();
      }
    });

    await t.test('the Nu Html Checker finds no errors', async () => {
      const report = await validateHtml(html);
      const problems = Object.entries(report).flatMap(([name, messages]) => vnuErrors(messages).map((e) => `${name} (${pages.find((p) => p.name === name)?.path}): ${e}`));
      assert.deepEqual(problems, []);
    });

    await t.test('in Chromium: no serious or critical axe findings, no request to another host, no CSP or script errors', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        const errors: string[] = [];
        page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`); });
        page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
        const findings: string[] = [];
        for (const p of pages) {
          assert.equal(await loadFully(page, base + p.path), p.status, p.path);
          const violations = await axeViolations(page);
          for (const v of violations) {
            if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${p.name} ${p.path}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
          }
        }
        assert.deepEqual(findings, [], 'axe-core serious/critical violations');
        assert.deepEqual(foreignRequests(requests, base), [], 'requests to other hosts');
        assert.ok(requests.some((u) => u.includes('.css')), 'the pages load their stylesheet');
        assert.deepEqual(errors, [], 'console errors');
      } finally {
        await browser.close();
      }
    });

    await t.test('with JavaScript off the article shows its headline, body and bylines', async () => {
      const browser = await launchBrowser({ javaScriptEnabled: false });
      try {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        await loadFully(page, base + story.path);
        // innerText is what is rendered visible: hidden or script-dependent parts do not count.
        const visible = squeeze(await page.locator('body').innerText());
        assert.ok(visible.includes(squeeze(story.headline)), `headline "${story.headline}" visible`);
        assert.ok(story.bodySentence.length > 10, 'the article body has a first sentence');
        assert.ok(visible.includes(squeeze(story.bodySentence)), `body text "${story.bodySentence}" visible`);
        for (const name of story.bylines) assert.ok(visible.includes(`By: ${name}`) || visible.includes(name), `byline ${name} visible`);
        assert.match(visible, /By:/, 'the byline says "By:"');
        assert.equal(await page.locator('h1').first().isVisible(), true, 'the headline element is visible');
        assert.deepEqual(foreignRequests(requests, base), [], 'requests to other hosts');
      } finally {
        await browser.close();
      }
    });

    await t.test('the article page is at most 30 KB compressed (HTML + CSS, as served)', async () => {
      const w = await pageWeight(base, story.path);
      console.log(describeWeight(`article page ${story.path}`, w));
      assert.notEqual(w.html.encoding, 'identity', 'the HTML is served compressed');
      assert.ok(w.css.length > 0, 'the article page links a stylesheet');
      assert.ok(w.total <= WEIGHT_LIMIT, `${w.total} bytes > ${WEIGHT_LIMIT}`);
    });
  } finally {
    await server?.close();
    await tc?.close();
  }
});
