// Share links on the article page (plain links, nothing fetched from another site) and rel="prev"/"next" on lists that page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { launchBrowser, startTestServer, recordRequests, foreignRequests } from '../helpers/browser.ts';

const LEAD = '/articles/border-crossings-script-alert-1-script-rise';
const BASE = 'https://news.example';
const URL_ENC = encodeURIComponent(`${BASE}${LEAD}`);

const heads = (html: string, rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));

test('share links and paging links', async (s) => {
  const t: TestApp = await makeTestApp('sqlite', { publicUrl: BASE });
  try {
    await buildNewsroom(t.ctx, 14);
    const html = (await t.app.inject(LEAD)).body;

    await s.test('the article offers plain share links for the common networks, email and copying', async () => {
      const nav = html.slice(html.indexOf('<nav class="share"'), html.indexOf('</nav>', html.indexOf('<nav class="share"')));
      assert.match(nav, /aria-label="Share this story"/);
      const links = Object.fromEntries([...nav.matchAll(/<a class="share-(\w+)" href="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
      assert.deepEqual(Object.keys(links), ['facebook', 'x', 'whatsapp', 'telegram', 'linkedin', 'email', 'copy']);
      assert.equal(links.facebook, `https://www.facebook.com/sharer/sharer.php?u=${URL_ENC}`);
      assert.match(links.x, new RegExp(`^https://x\\.com/intent/tweet\\?url=${URL_ENC}&text=Border%20crossings%20%3Cscript%3Ealert`));
      assert.match(links.whatsapp, /^https:\/\/wa\.me\/\?text=Border%20crossings.*https%3A%2F%2Fnews\.example/);
      assert.match(links.telegram, new RegExp(`^https://t\\.me/share/url\\?url=${URL_ENC}&text=`));
      assert.equal(links.linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${URL_ENC}`);
      assert.match(links.email, /^mailto:\?subject=Border%20crossings.*&body=.*https%3A%2F%2Fnews\.example/);
      assert.equal(links.copy, `${BASE}${LEAD}`, 'Copy link is the canonical address');
      assert.match(nav, /<script type="module" src="\/assets\/share\.js\?v=[0-9a-f]+"><\/script>/);
      // Nothing on the page loads from another site: scripts, images and styles are all the site's own.
      for (const m of html.matchAll(/<(?:script|img|source|link)\b[^>]*?\b(?:src|srcset)="([^"]+)"/g)) assert.match(m[1], /^\//, m[0]);
      assert.equal((await t.app.inject('/assets/share.js')).statusCode, 200);
    });

    await s.test('rel prev and next on lists that page', async () => {
      const home = (await t.app.inject('/')).body;
      assert.deepEqual([heads(home, 'prev'), heads(home, 'next')], [[], [`${BASE}/?page=2`]]);
      const home2 = (await t.app.inject('/?page=2')).body;
      assert.deepEqual(heads(home2, 'prev'), [`${BASE}/`]);
      const section = (await t.app.inject('/section/politics')).body;
      assert.deepEqual([heads(section, 'prev'), heads(section, 'next')], [[], [`${BASE}/section/politics?page=2`]]);
      const section2 = (await t.app.inject('/section/politics?page=2')).body;
      assert.deepEqual([heads(section2, 'prev'), heads(section2, 'next')], [[`${BASE}/section/politics`], []]);
      const tag = (await t.app.inject('/tag/parliament?page=2')).body;
      assert.deepEqual(heads(tag, 'prev'), [`${BASE}/tag/parliament`]);
      const author = (await t.app.inject('/author/omar-noori')).body;
      assert.deepEqual(heads(author, 'next'), [`${BASE}/author/omar-noori?page=2`]);
      const short = (await t.app.inject('/section/world-news')).body;
      assert.deepEqual([heads(short, 'prev'), heads(short, 'next')], [[], []], 'one page: neither');
    });
  } finally {
    await t.close();
  }
});

test('in Chromium, Copy link copies the address and nothing is fetched from another site', async () => {
  const t = await makeTestApp('sqlite');
  await buildNewsroom(t.ctx);
  const server = await startTestServer(t.app);
  const browser = await launchBrowser();
  try {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const page = await browser.newPage();
    const urls = recordRequests(page);
    const errors: string[] = [];
    const missing: string[] = [];
    page.on('response', (r) => { if (r.status() === 404) missing.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text())) errors.push(m.text()); });
    await page.goto(server.base + LEAD);
    await page.click('a.share-copy');
    await page.waitForFunction(() => document.querySelector('a.share-copy')?.textContent === 'Link copied');
    assert.equal(page.url(), server.base + LEAD, 'the page stayed');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${t.ctx.config.publicUrl}${LEAD}`);
    assert.deepEqual(foreignRequests(urls, server.base), []);
    assert.deepEqual(missing, [], 'nothing the page names is missing (the favicon included)');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    await t.close();
  }
});
