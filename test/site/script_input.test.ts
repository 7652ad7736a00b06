// Dari and Pashto addresses and the input readers and editors really send: a headline's slug stays in its script
// (a ZWNJ parts it like a space) and is percent-encoded the same way in pages, sitemaps and feeds; unknown language
// prefixes, malformed Accept-Language and Save-Data headers, zero-width characters and very long words in
// headlines and comments all get correct pages, never a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { cheapSettings, postForm, solvedPayload } from '../comments/fixtures.ts';
import { ValidationError } from '../../src/errors.ts';
import { t } from '../../src/i18n/index.ts';

const actor = { userId: null };
const at = new Date('2026-11-24T08:00:00Z');
/** Invisible characters pasted from word processors and chat apps: ZWSP, ZWJ, word joiner, BOM, soft hyphen, bidi. */
const INVISIBLE = '\u200b\u200d\u2060\ufeff\u00ad\u202b\u2067\u200f';

for (const dialect of testDialects()) {
  test(`Dari and Pashto slugs, and bad input of every kind (${dialect})`, async (s) => {
    const app = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(app.ctx);
      const get = (url: string, headers: Record<string, string> = {}) => app.app.inject({ url, headers });
      await updateSettings(app.ctx, { languages: ['fa', 'ps'] });
      const dari = await createArticle(app.ctx, { headline: 'خانه‌ها در کابل گران‌تر شد', language: 'fa', sectionId: n.sections.politics,
        tags: ['قیمت‌ها'], bodyHtml: '<p>کرایهٔ خانه‌ها بالا رفت.</p>' }, actor);
      const pashto = await createArticle(app.ctx, { headline: 'بزګران د بیې شکایت کوي', language: 'ps', sectionId: n.sections.politics,
        bodyHtml: '<p>بزګر وايي.</p>' }, actor);
      const longWord = 'ب'.repeat(250);
      const invisible = await createArticle(app.ctx, { headline: `${INVISIBLE}بازار${INVISIBLE} ${longWord}`, language: 'fa', sectionId: n.sections.politics,
        bodyHtml: `<p>${'x'.repeat(20_000)} ${INVISIBLE}متن</p>` }, actor);
      for (const id of [dari, pashto, invisible]) await publishArticle(app.ctx, id, actor, at);
      const slugOf = async (id: number) => (await app.ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
      const dariSlug = 'خانه-ها-در-کابل-گران-تر-شد';
      const dariPath = `/articles/${encodeURIComponent(dariSlug)}`;

      await s.test('a Dari slug keeps its script, a ZWNJ parting it like a space; Pashto keeps its own yeh', async () => {
        assert.equal(await slugOf(dari), dariSlug);
        assert.equal(await slugOf(pashto), 'بزګران-د-بیې-شکایت-کوي');
        assert.equal(await slugOf(invisible), `بازار-${longWord.slice(0, 114)}`, 'invisible characters dropped, the long word cut at 120');
        await assert.rejects(createArticle(app.ctx, { headline: `${INVISIBLE}\u200c `, language: 'fa' }, actor),
          (e: unknown) => e instanceof ValidationError && e.field === 'headline', 'a headline of invisible characters only is missing');
        const page = await get(dariPath);
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes(`<link rel="canonical" href="http://127.0.0.1:3000${dariPath}"/>`) || page.body.includes(`href="${dariPath}"`) || page.body.includes(dariPath));
      });

      await s.test('a Dari page names sections in Dari, in its label, cards and rail, linking the Dari section page', async () => {
        await updateSettings(app.ctx, { localized: { fa: { sections: { politics: 'سیاست' } } } });
        const page = await get(dariPath);
        assert.ok(page.body.includes('<a class="section-label" href="/fa/section/politics">سیاست</a>'), 'the story\'s own label and its cards\'');
        assert.doesNotMatch(page.body, />Politics</, 'no English section name on the Dari page');
        assert.ok(page.body.includes('href="/fa/section/politics"'), 'the rail links the Dari section page');
        await updateSettings(app.ctx, { localized: {} });
      });

      await s.test('a site asking for Latin addresses gets them from Dari and Pashto headlines', async () => {
        await updateSettings(app.ctx, { slugScript: 'latin' });
        const fa = await createArticle(app.ctx, { headline: 'خبرهای مهاجرت ۱۴۰۵', language: 'fa' }, actor);
        const ps = await createArticle(app.ctx, { headline: 'د ښځو ځواک', language: 'ps' }, actor);
        const given = await createArticle(app.ctx, { headline: 'خبر', slug: 'خبر-تازه', language: 'fa' }, actor);
        assert.equal(await slugOf(fa), 'khbrhay-mhajrt-1405');
        assert.equal(await slugOf(ps), 'd-xdzw-dzwak');
        assert.equal(await slugOf(given), 'خبر-تازه', 'a slug the newsroom gives is kept as given');
        await assert.rejects(updateSettings(app.ctx, { slugScript: 'cyrillic' as never }), ValidationError);
        await updateSettings(app.ctx, { slugScript: 'native' });
      });

      await s.test('links, sitemaps and feeds carry the same percent-encoded address, never the raw script', async () => {
        const hrefsOf = (body: string) => [...body.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
        for (const url of ['/fa/', '/fa/section/politics', `/tag/${encodeURIComponent('قیمت-ها')}`]) {
          const r = await get(url);
          assert.equal(r.statusCode, 200, url);
          assert.ok(r.body.includes(`href="${dariPath}"`), `${url} links the story by its encoded address`);
          for (const href of hrefsOf(r.body)) assert.doesNotMatch(href, /[^\x21-\x7e]/, `${url}: ${href} is percent-encoded`);
        }
        const sitemap = await get('/sitemaps/articles-1.xml');
        assert.equal(sitemap.statusCode, 200);
        assert.ok(sitemap.body.includes(`<loc>http://127.0.0.1:3000${dariPath}</loc>`) || sitemap.body.includes(`${dariPath}</loc>`), 'sitemap');
        for (const loc of sitemap.body.matchAll(/<loc>([^<]*)<\/loc>/g)) assert.doesNotMatch(loc[1], /[^\x21-\x7e]/, loc[1]);
        for (const feed of ['/fa/feed', '/fa/atom.xml', '/fa/feed.json']) {
          const r = await get(feed);
          assert.equal(r.statusCode, 200, feed);
          assert.ok(r.body.includes(dariPath), `${feed} links the story by its encoded address`);
          assert.ok(!r.body.includes(`/articles/${dariSlug}`), `${feed}: no raw address`);
        }
        // A language's section pages link their own feeds; a language feed names its front as /fa/.
        for (const feed of ['/fa/section/politics/feed', '/fa/section/politics/atom.xml', '/fa/section/politics/feed.json']) {
          const r = await get(feed);
          assert.equal(r.statusCode, 200, feed);
          assert.ok(r.body.includes(dariPath) && !r.body.includes('wheat-prices'), `${feed}: the section's Dari stories`);
        }
        assert.ok((await get('/fa/feed')).body.includes('<link>http://127.0.0.1:3000/fa/</link>'), 'the Dari front, with its slash');
        // The tag's own page and feed answer at the encoded address too.
        assert.equal((await get(`/tag/${encodeURIComponent('قیمت-ها')}/feed`)).statusCode, 200);
      });

      await s.test('unknown or malformed language prefixes answer a 404 page, never a 500', async () => {
        for (const url of ['/xx/', '/zz/section/politics', '/fa-IR/', '/fa_AF/', '/%D9%81%D8%A7/', '/fa%00/', '/fa/section/%E2%80%8C', '/fa/section/%ZZ',
          `/${'x'.repeat(300)}/`, '/ps/feed/extra', '/en-GB/', '/fa/fa/']) {
          const r = await get(url);
          assert.ok(r.statusCode === 404 || r.statusCode === 400, `${url}: ${r.statusCode}`);
          assert.match(String(r.headers['content-type']), /text\/html/, `${url}: a page`);
        }
      });

      await s.test('malformed Accept-Language and Save-Data headers are read as nothing in particular', async () => {
        const headers = ['', ',,,;;;', 'fa;q=abc', 'fa-AF;q=2.5, ps;q=-1, *;q=', 'x'.repeat(4000), 'zz-ZZZZZZZZZZZZ-1234567890', '*', 'fa-AF-u-ca-persian-x-foo, ;q=0.5',
          'ps\u00ff', '\u200b'];
        for (const value of headers) {
          for (const url of ['/', '/fa/', dariPath, '/lite/fa/']) {
            const lang = await get(url, { 'accept-language': value });
            assert.equal(lang.statusCode, 200, `${url} with Accept-Language ${JSON.stringify(value.slice(0, 30))}`);
            const save = await get(url, { 'save-data': value });
            assert.equal(save.statusCode, 200, `${url} with Save-Data ${JSON.stringify(value.slice(0, 30))}`);
          }
        }
      });

      await s.test('zero-width characters and very long words in headlines render a correct page', async () => {
        const r = await get(`/articles/${encodeURIComponent(await slugOf(invisible))}`);
        assert.equal(r.statusCode, 200);
        assert.match(r.body, /<html lang="fa" dir="rtl">/);
        assert.ok(r.body.includes(longWord), 'the long word is shown whole (the page wraps it)');
        assert.equal((await get('/fa/')).statusCode, 200);
        assert.equal((await get('/search?q=' + encodeURIComponent(`${INVISIBLE}بازار${longWord}`))).statusCode, 200);
      });

      await s.test('comments with zero-width characters and very long words are taken and shown, or refused with a 4xx', async () => {
        await cheapSettings(app.ctx);
        const post = async (comment: string, name: string, ip: string) =>
          postForm(app.app, { article_id: String(dari), comment, name, altcha: await solvedPayload(app.app) }, { 'x-test-ip': ip });
        const taken = await post(`نظر من${INVISIBLE} دربارهٔ ${'ا'.repeat(500)} این گزارش`, `\u202eاحمد\u200cشاه`, '198.51.100.31');
        assert.equal(taken.statusCode, 200, taken.body);
        const stored = await app.ctx.db.selectFrom('comments').select(['author_name', 'body']).where('id', '=', taken.json().commentId).executeTakeFirstOrThrow();
        assert.equal(stored.author_name, 'احمد\u200cشاه', 'a bidi override is dropped from a name; its ZWNJ stays');
        assert.ok(stored.body.includes(INVISIBLE), 'the comment is stored as typed');
        const page = await get(dariPath);
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes('ا'.repeat(500)), 'the long word is on the page');
        const refused = [
          [INVISIBLE.repeat(20), 'Ahmad', t('fa', 'comments.error.body_required')],
          ['A fine story', `${INVISIBLE}\u202a\u2066`, t('fa', 'comments.error.name_required')],
          ['ب'.repeat(20_000), 'Ahmad', undefined],
        ] as const;
        for (const [comment, name, message] of refused) {
          const r = await post(comment, name, '198.51.100.32');
          assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${JSON.stringify(comment.slice(0, 10))}: ${r.statusCode}`);
          assert.ok(r.json().error.message, 'a message the reader can act on');
          if (message) assert.equal(r.json().error.message, message);
        }
        assert.equal((await get(dariPath)).statusCode, 200);
      });
    } finally {
      await app.close();
    }
  });
}
