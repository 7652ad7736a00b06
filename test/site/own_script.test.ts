// Dari and Pashto pages of the demo newsroom, of every type, hold no Latin letters in a date, a byline line or a
// search result line; /fa/ and /ps/ date today in Solar Hijri with their own month names, / in Gregorian.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { makeDemoContext } from '../helpers/demo.ts';
import { buildApp } from '../../src/app.ts';

const LINES = 'time, .byline, .card-meta, .times, .search-results li, .datebar p:first-child, .legal, .meta, .list-count, .pager';
const FA_MONTHS = ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت'];
const PS_MONTHS = ['وری', 'غویی', 'غبرگولی', 'چنگاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب'];

/** The language an element is in: its own lang or its nearest ancestor's. */
function langOf(el: Element): string {
  return el.closest('[lang]')?.getAttribute('lang') ?? '';
}

test('no Latin letters in Dari and Pashto dates, bylines and search results, on every page type', async (t) => {
  const tc = await makeDemoContext('sqlite');
  const app = await buildApp(tc.ctx);
  try {
    const db = tc.ctx.db;
    const get = async (path: string) => {
      const r = await app.inject(path);
      assert.equal(r.statusCode, 200, path);
      return parseHTML(r.body).document;
    };
    await t.test('today: Solar Hijri in Dari and Pashto months and digits, Gregorian in English', async () => {
      const today = (doc: Document) => doc.querySelector('.datebar time')?.textContent ?? '';
      const fa = today(await get('/fa/'));
      const ps = today(await get('/ps/'));
      assert.ok(FA_MONTHS.some((m) => fa.includes(m)) && /[۰-۹]{4}/.test(fa), fa);
      assert.ok(PS_MONTHS.some((m) => ps.includes(m)) && /[۰-۹]{4}/.test(ps), ps);
      assert.match(today(await get('/')), /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
    });

    for (const lang of ['fa', 'ps']) {
      await t.test(`${lang}: front, section, article, tag, author, search (with results), not found, lite pages`, async () => {
        const stories = await db.selectFrom('articles').where('status', '=', 'published').where('language', '=', lang).select(['id', 'slug', 'headline', 'translation_group']).execute();
        const linked = stories.find((s) => s.translation_group !== null) ?? stories[0];
        const word = stories[0].headline.split(' ')[0];
        const tag = await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').where('article_tags.article_id', '=', stories[0].id).select('tags.slug').executeTakeFirstOrThrow();
        const author = await db.selectFrom('people').innerJoin('article_authors', 'article_authors.person_id', 'people.id').where('article_authors.article_id', '=', stories[0].id).select('people.slug').executeTakeFirstOrThrow();
        const paths = [`/${lang}/`, `/${lang}/?page=2`, `/${lang}/section/world-news`, `/${lang}/section/economy`, `/articles/${encodeURIComponent(stories[0].slug)}`,
          `/articles/${encodeURIComponent(linked.slug)}`, `/tag/${encodeURIComponent(tag.slug)}`, `/author/${encodeURIComponent(author.slug)}`,
          `/${lang}/search?q=${encodeURIComponent(word)}`, `/${lang}/section/no-such-section`, `/lite/${lang}/`, `/lite/${lang}/section/economy`, `/lite/articles/${encodeURIComponent(stories[0].slug)}`];
        let checked = 0;
        for (const path of paths) {
          const r = await app.inject(path);
          if (path.includes('no-such-section')) assert.equal(r.statusCode, 404, path);
          else assert.equal(r.statusCode, 200, path);
          const doc = parseHTML(r.body).document;
          if (path.includes('/search')) assert.ok(doc.querySelectorAll('.search-results li').length > 0, `${path} finds stories`);
          for (const el of doc.querySelectorAll(LINES)) {
            if (langOf(el) !== lang) continue;
            // A name isolated in another language (an English reporter without a Dari name) is the only Latin allowed.
            const clone = el.cloneNode(true) as Element;
            for (const other of clone.querySelectorAll('[lang]')) if (other.getAttribute('lang') !== lang) other.remove();
            const text = clone.textContent ?? '';
            assert.doesNotMatch(text, /[A-Za-z]/, `${path}: ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${text.trim().slice(0, 120)}"`);
            assert.doesNotMatch(text, /·\s*[۰-۹]|[۰-۹]\s*·/, `${path}: a middle dot beside Persian digits reads as a zero`);
            checked++;
          }
        }
        assert.ok(checked > 20, `${lang}: ${checked} lines checked`);
      });
    }
  } finally {
    await app.close();
    await tc.close();
  }
});
