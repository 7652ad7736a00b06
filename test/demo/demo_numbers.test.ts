// The README and docs/languages.md say what the demo newsroom holds; the demo as `npm start` creates it holds exactly
// that: its published stories per language, the translations among them, its sections, people and house ads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeDemoContext } from '../helpers/demo.ts';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');

/** The number written before a phrase, e.g. numberBefore(text, 'Dari') of "15 Dari" is 15. */
function numberBefore(text: string, pattern: string): number {
  const m = new RegExp(`\\b(\\d+|one|two|three|four|five) ${pattern}\\b`).exec(text);
  assert.ok(m, `the text names a number of ${pattern}`);
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  return words[m[1].toLowerCase()] ?? Number(m[1]);
}

test("the README's and docs' numbers about the demo are the ones it creates", async () => {
  const tc = await makeDemoContext('sqlite');
  try {
    const db = tc.ctx.db;
    const count = async (table: 'sections' | 'people' | 'ad_creatives') =>
      Number((await db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const stories = async (language: string, translations: boolean) => {
      let q = db.selectFrom('articles').where('status', '=', 'published').where('language', '=', language);
      if (translations) q = q.where('translation_group', 'is not', null);
      return Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    };
    const made = {
      en: await stories('en', false), fa: await stories('fa', false), ps: await stories('ps', false),
      faTranslations: await stories('fa', true), psTranslations: await stories('ps', true),
      sections: await count('sections'), people: await count('people'), ads: await count('ad_creatives'),
    };
    const readme = read('README.md');
    assert.deepEqual({
      en: numberBefore(readme, 'English stories'), fa: numberBefore(readme, 'Dari'), ps: numberBefore(readme, 'Pashto'),
      sections: numberBefore(readme, 'sections'), people: numberBefore(readme, 'people'), ads: numberBefore(readme, 'house ads'),
    }, { en: made.en, fa: made.fa, ps: made.ps, sections: made.sections, people: made.people, ads: made.ads });
    const languages = read('docs/languages.md');
    const demo = languages.slice(languages.indexOf('The demo newsroom publishes'));
    assert.deepEqual({
      en: numberBefore(demo, 'English stories'), fa: numberBefore(demo, 'Dari'), ps: numberBefore(demo, 'Pashto'),
      faTranslations: numberBefore(demo.slice(demo.indexOf('(')), 'Dari'), psTranslations: numberBefore(demo, 'Pashto of them'),
    }, { en: made.en, fa: made.fa, ps: made.ps, faTranslations: made.faTranslations, psTranslations: made.psTranslations });
  } finally {
    await tc.close();
  }
});
