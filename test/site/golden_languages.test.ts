// Golden pages in English, Dari and Pashto: the demo newsroom at the time it was made (the manual clock), its article,
// home and search pages reduced to what a reader reads as dates, names and languages — the html's lang and dir, the
// date bar, the follow links' labels, hreflang, the language switcher, section labels, bylines and datelines, card
// and search result lines — compared with test/site/golden/languages_<lang>.txt. A Latin letter or a Latin comma
// slipping into a Dari or Pashto date shows as a diff. UPDATE_GOLDEN=1 rewrites the files after a deliberate change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { FastifyInstance } from 'fastify';
import { makeDemoContext } from '../helpers/demo.ts';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/schema.ts';

const LANGS = ['en', 'fa', 'ps'] as const;
/** A word every language's demo stories use, so each search page lists results. */
const QUERY = { en: 'Kabul', fa: 'کابل', ps: 'کابل' } as const;
/** Cards and results kept per page: enough to show every kind of line, few enough to read in a diff. */
const KEPT = 6;

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** An address as the reader's link shows it: without the origin, percent-encoding undone. */
const path = (href: string | null) => decodeURIComponent((href ?? '').replace(/^https?:\/\/[^/]+/, ''));

/** The lines of a page that carry its languages, dates and names. */
function readerLines(html: string): string[] {
  const doc = parseHTML(html).document;
  const out: string[] = [];
  const root = doc.documentElement;
  out.push(`html lang=${root.getAttribute('lang')} dir=${root.getAttribute('dir')}`);
  out.push(`title: ${squeeze(doc.querySelector('title')?.textContent)}`);
  for (const l of doc.querySelectorAll('link[rel=alternate][hreflang]')) out.push(`hreflang ${l.getAttribute('hreflang')}: ${path(l.getAttribute('href'))}`);
  const datebar = doc.querySelector('.datebar p');
  out.push(`datebar: ${squeeze(datebar?.textContent)}`);
  for (const t of datebar?.querySelectorAll('time') ?? []) out.push(`  time datetime=${t.getAttribute('datetime')}`);
  out.push(`follow: ${[...doc.querySelectorAll('.social li')].map((li) => squeeze(li.textContent)).join(' | ')}`);
  for (const nav of doc.querySelectorAll('nav.languages, nav.translations')) {
    out.push(`${nav.getAttribute('class')} "${nav.getAttribute('aria-label')}": ${[...nav.querySelectorAll('a')].map((a) =>
      `${squeeze(a.textContent)} [${a.getAttribute('hreflang')} ${a.closest('[dir]')?.getAttribute('dir')}${a.hasAttribute('aria-current') ? ' current' : ''}]`).join(' | ')}`);
  }
  out.push(`sections: ${[...doc.querySelectorAll('nav.sections a')].map((a) => squeeze(a.textContent)).join(' | ')}`);
  for (const m of doc.querySelectorAll('meta[property="article:section"], meta[property="og:locale"], meta[property="og:site_name"]')) out.push(`${m.getAttribute('property')}: ${m.getAttribute('content')}`);
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    for (const item of [JSON.parse(script.textContent ?? '[]')].flat() as { '@type': string; articleSection?: string; inLanguage?: string; itemListElement?: { name: string; item: string }[]; author?: { name: string }[] }[]) {
      if (item['@type'] === 'BreadcrumbList') out.push(`breadcrumbs: ${(item.itemListElement ?? []).map((c) => `${c.name} <${path(c.item)}>`).join(' > ')}`);
      if (item['@type'] === 'NewsArticle') out.push(`json-ld article: ${item.inLanguage}, section ${item.articleSection ?? '-'}, by ${(item.author ?? []).map((p) => p.name).join(', ')}`);
    }
  }
  const story = doc.querySelector('article.story');
  if (story) {
    out.push(`section label: ${squeeze(story.querySelector('.section-label')?.textContent)}`);
    for (const b of story.querySelectorAll('.byline')) out.push(`byline: ${squeeze(b.textContent)}`);
    for (const t of story.querySelectorAll('.times')) out.push(`times: ${squeeze(t.textContent)}`);
    for (const t of story.querySelectorAll('.times time')) out.push(`  time datetime=${t.getAttribute('datetime')}`);
    for (const b of story.querySelectorAll('.author-name')) out.push(`bio: ${squeeze(b.querySelector('bdi')?.textContent)} (${squeeze(b.querySelector('.role')?.textContent)})`);
  }
  const cards = [...doc.querySelectorAll('main .story-card')].slice(0, KEPT);
  for (const c of cards) {
    out.push(`card [${c.closest('[lang]')?.getAttribute('lang')}]: ${squeeze(c.querySelector('.card-headline')?.textContent)}`);
    for (const m of c.querySelectorAll('.card-meta, .section-label, .card-language')) out.push(`  ${m.getAttribute('class')}: ${squeeze(m.textContent)}`);
  }
  for (const li of [...doc.querySelectorAll('.search-results li')].slice(0, KEPT)) {
    out.push(`result [${li.getAttribute('lang')} ${li.getAttribute('dir')}]: ${squeeze(li.querySelector('.card-headline')?.textContent)}`);
    for (const m of li.querySelectorAll('.section-label, .card-meta')) out.push(`  ${m.getAttribute('class')}: ${squeeze(m.textContent)}`);
    const snippet = li.querySelector('.card-headline ~ p:not(.card-meta)');
    if (snippet) out.push(`  snippet: ${squeeze(snippet.textContent)}`);
  }
  const count = doc.querySelector('.search-page .list-count');
  if (count) out.push(`search count: ${squeeze(count.textContent)}`);
  return out;
}

/** The English story with the most translations, and those translations: every language's article page has a switcher. */
async function translatedStories(db: Db): Promise<Record<(typeof LANGS)[number], string>> {
  // A translation names its group: the id of the story it was translated from, which itself has none.
  const all = await db.selectFrom('articles').select(['translation_group', 'language', 'slug', 'id']).where('translation_group', 'is not', null)
    .where('status', '=', 'published').orderBy('id').execute();
  const groups = new Map<number, typeof all>();
  for (const r of all) groups.set(r.translation_group!, [...(groups.get(r.translation_group!) ?? []), r]);
  const [group, members] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  const rows = [...members, ...(await db.selectFrom('articles').select(['translation_group', 'language', 'slug', 'id']).where('id', '=', group).execute())];
  const slug = (lang: string) => rows.find((r) => r.language === lang)?.slug;
  const en = slug('en');
  assert.ok(en, 'the demo has an English story with translations');
  // A language without a translation of that story shows one of its own translated stories.
  const own = async (lang: string) => slug(lang) ?? (await db.selectFrom('articles').select('slug').where('language', '=', lang)
    .where('translation_group', 'is not', null).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow()).slug;
  return { en, fa: await own('fa'), ps: await own('ps') };
}

async function page(app: FastifyInstance, url: string): Promise<string[]> {
  const r = await app.inject(url);
  assert.equal(r.statusCode, 200, url);
  return [`== ${decodeURIComponent(url)}`, ...readerLines(r.body)];
}

test('golden English, Dari and Pashto pages: dates, names, languages and links exactly as expected', async (t) => {
  const tc = await makeDemoContext('sqlite');
  const app = await buildApp(tc.ctx);
  try {
    const slugs = await translatedStories(tc.ctx.db);
    for (const lang of LANGS) {
      await t.test(lang, async () => {
        const prefix = lang === 'en' ? '' : `/${lang}`;
        const lines = [
          ...(await page(app, `/articles/${encodeURIComponent(slugs[lang])}`)),
          ...(await page(app, `${prefix}/`)),
          ...(await page(app, `${prefix}/search?q=${encodeURIComponent(QUERY[lang])}`)),
        ];
        const got = `${lines.join('\n')}\n`;
        const file = new URL(`./golden/languages_${lang}.txt`, import.meta.url);
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, got);
        assert.equal(got, readFileSync(file, 'utf8'));
      });
    }
  } finally {
    await app.close();
    await tc.close();
  }
});
