// What search engines are told on every page type, in English, Dari and Pashto: an indexable page has one meta
// description in the page's language, from the newsroom's own words, an absolute canonical address and no robots
// "noindex"; a lite page names its full page as canonical; search results, previews and error pages say "noindex".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { previewToken } from '../../src/content/preview_links.ts';

const BASE = 'https://news.example';
const FA_LINE = 'روزنامهٔ مستقل خبری از کابل، به سه زبان.';
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const actor = { userId: null };

interface Head { descriptions: string[]; canonical: string[]; robots: string[]; lang: string }

function head(html: string): Head {
  const h = html.slice(0, html.indexOf('</head>'));
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return {
    descriptions: [...h.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => decode(m[1])),
    canonical: [...h.matchAll(/<link rel="canonical" href="([^"]*)"/g)].map((m) => decode(m[1])),
    robots: [...h.matchAll(/<meta name="robots" content="([^"]*)"/g)].map((m) => m[1]),
    lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? '',
  };
}

for (const dialect of testDialects()) {
  test(`meta description, canonical and noindex on every page type (${dialect})`, async (s) => {
    const t: TestApp = await makeTestApp(dialect, { publicUrl: BASE });
    try {
      const room = await buildNewsroom(t.ctx, 2);
      await updateSettings(t.ctx, { languages: ['fa', 'ps'], localized: { fa: { name: 'روزنامهٔ آزمایشی', description: FA_LINE } } });
      const story = async (headline: string, language: string) => {
        const id = await createArticle(t.ctx, { headline, language, sectionId: room.sections.politics, authorIds: [room.people.mina], bodyHtml: `<p>${headline}.</p>`, tags: ['Parliament'] }, actor);
        await publishArticle(t.ctx, id, actor);
        return (await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
      };
      const faStory = await story('گفت‌وگوهای پارلمان از سر گرفته شد', 'fa');
      const psStory = await story('د پارلمان خبرې بیا پیل شوې', 'ps');
      const now = t.ctx.clock.now().toISOString();
      for (const [slug, title, language, body] of [['about', 'About us', 'en', '<p>Test Daily reports from Kabul for readers at home and abroad.</p>'], ['darbare', 'دربارهٔ ما', 'fa', '<p>روزنامهٔ آزمایشی از کابل گزارش می‌دهد.</p>']]) {
        await t.ctx.db.insertInto('static_pages').values({ slug, title, body_html: body, language, status: 'published', created_at: now, updated_at: now, published_at: now }).execute();
      }
      const lead = (await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', room.articles.lead).executeTakeFirstOrThrow()).slug;
      const year = now.slice(0, 4);

      // [address, the page's language, its canonical address, what its description must be (or a pattern)]
      const indexable: [string, string, string, string | RegExp][] = [
        ['/', 'en', '/', 'Test Daily is a Kabul-based independent news organization established in 2010.'],
        ['/fa/', 'fa', '/fa/', FA_LINE],
        // Pashto: no line of the newsroom's in Pashto, so the Pashto headlines on the page
        ['/ps/', 'ps', '/ps/', 'د پارلمان خبرې بیا پیل شوې'],
        ['/section/immigration-news', 'en', '/section/immigration-news', 'People on the move.'],
        ['/fa/section/politics', 'fa', '/fa/section/politics', 'گفت‌وگوهای پارلمان از سر گرفته شد'],
        ['/ps/section/politics', 'ps', '/ps/section/politics', 'د پارلمان خبرې بیا پیل شوې'],
        ['/section/politics', 'en', '/section/politics', /^Politics story 2 · Politics story 1$/],
        ['/tag/parliament', 'en', '/tag/parliament', /Politics story 2/],
        ['/author/mina-rahimi', 'en', '/author/mina-rahimi', 'Mina covers migration.'],
        [`/${year}/`, 'en', `/${year}/`, /Border crossings <script>alert\(1\)<\/script> rise/],
        [`/articles/${lead}`, 'en', `/articles/${lead}`, 'Families wait at the border.'],
        [`/articles/${encodeURIComponent(faStory)}`, 'fa', `/articles/${encodeURIComponent(faStory)}`, 'گفت‌وگوهای پارلمان از سر گرفته شد.'],
        ['/pages/about', 'en', '/pages/about', 'Test Daily reports from Kabul for readers at home and abroad.'],
        ['/pages/darbare', 'fa', '/pages/darbare', 'روزنامهٔ آزمایشی از کابل گزارش می‌دهد.'],
        // the lite edition: the full page is canonical
        ['/lite/', 'en', '/', 'Test Daily is a Kabul-based independent news organization established in 2010.'],
        ['/lite/fa/', 'fa', '/fa/', FA_LINE],
        ['/lite/ps/', 'ps', '/ps/', 'د پارلمان خبرې بیا پیل شوې'],
        [`/lite/articles/${lead}`, 'en', `/articles/${lead}`, 'Families wait at the border.'],
        [`/lite/articles/${encodeURIComponent(psStory)}`, 'ps', `/articles/${encodeURIComponent(psStory)}`, 'د پارلمان خبرې بیا پیل شوې.'],
        ['/lite/section/immigration-news', 'en', '/section/immigration-news', 'People on the move.'],
      ];
      await s.test('every indexable page: one description in its language, an absolute canonical, no noindex', async () => {
        for (const [path, lang, canonical, description] of indexable) {
          const r = await t.app.inject(path);
          assert.equal(r.statusCode, 200, path);
          const h = head(r.body);
          assert.equal(h.lang, lang, `${path} is in ${lang}`);
          assert.equal(h.descriptions.length, 1, `${path} has one meta description`);
          const [d] = h.descriptions;
          if (typeof description === 'string') assert.equal(d, description, path);
          else assert.match(d, description, path);
          assert.ok(d.length <= 161, `${path}: a description search engines show whole (${d.length} characters)`);
          assert.equal(ARABIC_SCRIPT.test(d), lang !== 'en', `${path}: the description is in the page's language`);
          assert.deepEqual(h.canonical, [BASE + canonical], `${path}: canonical`);
          assert.deepEqual(h.robots, [], `${path} does not ask to be left out`);
        }
      });

      await s.test('a list with no own words and nothing in its language says what it is, in that language', async () => {
        // A Pashto section page with no story and no Pashto description: the catalog's sentence in Pashto.
        const r = await t.app.inject('/ps/section/world-news');
        assert.equal(r.statusCode, 200);
        const [d] = head(r.body).descriptions;
        assert.match(d, ARABIC_SCRIPT);
        assert.ok(d.includes('راپورونه'), d);
      });

      await s.test('pages not for search engines say noindex: search, preview, errors', async () => {
        const preview = `/preview/${previewToken(t.ctx, room.articles.draft, new Date(t.ctx.clock.now().getTime() + 3600_000))}`;
        for (const [path, status, robots] of [['/search', 200, 'noindex'], ['/search?q=border', 200, 'noindex'], [preview, 200, 'noindex, nofollow'],
          ['/articles/no-such-story', 404, 'noindex'], ['/section/no-such-section', 404, 'noindex']] as const) {
          const r = await t.app.inject(path);
          assert.equal(r.statusCode, status, path);
          assert.deepEqual(head(r.body).robots, [robots], path);
        }
      });
    } finally {
      await t.close();
    }
  });
}
