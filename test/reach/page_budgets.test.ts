// The weight budgets of a reader on a slow, paid-by-the-megabyte connection, measured as a browser pays them (the
// HTML plus every stylesheet and script it loads, compressed as served): an article page at most 30 KB and a home
// page at most 40 KB, a lite-edition page at most 10 KB, in every language the demo newsroom publishes in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../helpers/context.ts';
import { makeDemoContext } from '../helpers/demo.ts';
import { startTestServer, type TestServer } from '../helpers/browser.ts';
import { buildApp } from '../../src/app.ts';
import { pageWeight, describeWeight } from '../../bench/page_weight.ts';

const ARTICLE_BUDGET = 30 * 1024;
const HOME_BUDGET = 40 * 1024;
const LITE_BUDGET = 10 * 1024;

test('page budgets: article 30 KB, home 40 KB, lite 10 KB, in every language', async (t) => {
  let tc: TestContext | undefined;
  let server: TestServer | undefined;
  try {
    tc = await makeDemoContext('sqlite');
    server = await startTestServer(await buildApp(tc.ctx));
    const base = server.base;
    const db = tc.ctx.db;
    const languages = (await db.selectFrom('articles').where('status', '=', 'published').select('language').distinct().execute()).map((r) => r.language);
    assert.ok(languages.includes('en'), 'the demo publishes in English');

    await t.test('the heaviest article page of each language', async () => {
      for (const lang of languages) {
        // the story with the longest body: the heaviest page of its language
        const rows = await db.selectFrom('articles').where('status', '=', 'published').where('language', '=', lang).select(['slug', 'body_html']).execute();
        const heaviest = rows.sort((a, b) => b.body_html.length - a.body_html.length)[0];
        const path = `/articles/${encodeURIComponent(heaviest.slug)}`;
        const w = await pageWeight(base, path);
        console.log(describeWeight(`${lang} article ${path}`, w));
        assert.notEqual(w.html.encoding, 'identity', 'the HTML is served compressed');
        assert.ok(w.css.length > 0, 'the page links its stylesheet');
        assert.ok(w.total <= ARTICLE_BUDGET, `${lang} article: ${w.total} bytes > ${ARTICLE_BUDGET}`);
      }
    });

    await t.test('the home page, and each language\'s own home page where the site has one', async () => {
      const homes = ['/', ...languages.filter((l) => l !== 'en').map((l) => `/${l}/`)];
      let measured = 0;
      for (const path of homes) {
        const probe = await fetch(base + path, { redirect: 'manual' });
        await probe.body?.cancel();
        if (path !== '/' && probe.status === 404) continue;
        const w = await pageWeight(base, path);
        console.log(describeWeight(`home ${path}`, w));
        assert.ok(w.total <= HOME_BUDGET, `home ${path}: ${w.total} bytes > ${HOME_BUDGET}`);
        measured++;
      }
      assert.ok(measured >= 1);
    });

    await t.test('lite pages: the home, each language\'s home, the heaviest article of each language, the fullest section', async () => {
      const paths = ['/lite/', ...languages.map((l) => `/lite/${l}/`)];
      for (const lang of languages) {
        const rows = await db.selectFrom('articles').where('status', '=', 'published').where('language', '=', lang).select(['slug', 'body_html']).execute();
        paths.push(`/lite/articles/${encodeURIComponent(rows.sort((a, b) => b.body_html.length - a.body_html.length)[0].slug)}`);
      }
      const [fullest] = await db.selectFrom('sections').innerJoin('articles', 'articles.section_id', 'sections.id').where('articles.status', '=', 'published')
        .select(['sections.slug', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('sections.slug').orderBy('n', 'desc').execute();
      paths.push(`/lite/section/${fullest.slug}`);
      for (const path of paths) {
        const w = await pageWeight(base, path);
        console.log(describeWeight(`lite ${path}`, w));
        assert.equal(w.js.length, 0, 'no script');
        assert.ok(w.total <= LITE_BUDGET, `${path}: ${w.total} bytes > ${LITE_BUDGET}`);
      }
    });
  } finally {
    await server?.close();
    await tc?.close();
  }
});
