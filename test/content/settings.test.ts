import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { getSettings, updateSettings, DEFAULT_SETTINGS } from '../../src/content/settings.ts';
import { ValidationError } from '../../src/errors.ts';
import { slugify, plainText, excerpt, countWords } from '../../src/content/sanitize.ts';

for (const dialect of testDialects()) {
  test(`settings: defaults, validated updates naming the field (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      assert.deepEqual(await getSettings(t.ctx.db), DEFAULT_SETTINGS);
      const s = await updateSettings(t.ctx, { name: 'Kabul Daily', timeZone: 'Asia/Kabul', calendars: { en: { calendar: 'solar-hijri', secondDate: true } }, social: [{ label: 'Mastodon', url: 'https://example.social/@k' }] });
      assert.equal(s.name, 'Kabul Daily');
      assert.deepEqual(s.calendars, { en: { calendar: 'solar-hijri', secondDate: true }, fa: { calendar: 'solar-hijri', secondDate: false }, ps: { calendar: 'solar-hijri', secondDate: false } },
        'a language left out keeps its calendar');
      const fa = await updateSettings(t.ctx, { calendars: { fa: { calendar: 'gregorian', secondDate: false } } });
      assert.deepEqual([fa.calendars.en.calendar, fa.calendars.fa.calendar], ['solar-hijri', 'gregorian'], 'one language changes alone');
      assert.equal(s.timeZone, 'Asia/Kabul');
      for (const [patch, field] of [[{ timeZone: 'Mars/Olympus' }, 'timeZone'], [{ language: 'xx' }, 'language'], [{ name: '' }, 'name'],
        [{ social: [{ label: 'x', url: 'javascript:alert(1)' }] }, 'social'], [{ nope: 1 }, 'nope'],
        [{ calendars: { fa: { calendar: 'lunar', secondDate: false } } }, 'calendars'], [{ calendars: { xx: { calendar: 'gregorian', secondDate: false } } }, 'calendars'],
        [{ calendars: { fa: { calendar: 'gregorian' } } }, 'calendars'], [{ calendars: [] }, 'calendars'],
        [{ localized: { fa: { social: { 'https://a.example/': '' } } } }, 'localized']] as const) {
        await assert.rejects(updateSettings(t.ctx, patch as never), (e: unknown) => e instanceof ValidationError && e.field === field, field);
      }
      assert.equal((await getSettings(t.ctx.db)).timeZone, 'Asia/Kabul', 'a refused update changes nothing');
    } finally {
      await t.close();
    }
  });
}

test('text helpers: slugs keep Persian letters, plain text and excerpts', () => {
  assert.equal(slugify('  Hello, World!  '), 'hello-world');
  assert.equal(slugify('خبرهای مهاجرت'), 'خبرهای-مهاجرت');
  assert.equal(slugify('می‌خواهم'), 'می-خواهم', 'a ZWNJ parts a slug like a space, so each half keeps its shape');
  assert.equal(slugify('کتاب‌ها و خانه‌ها'), 'کتاب-ها-و-خانه-ها');
  assert.equal(slugify('كابل'), 'کابل', 'Arabic kaf folds to the Persian letter');
  assert.equal(slugify('موسى'), 'موسی', 'alef maksura folds to the Persian yeh');
  assert.equal(slugify('بزګران شکایت کوي'), 'بزګران-شکایت-کوي', 'Pashto keeps its yeh (ي) apart from ی');
  assert.equal(slugify('مُحَمَّد'), 'محمد', 'vowel marks dropped, not turned into hyphens');
  assert.equal(slugify('خبـــر\u200d\u2060\ufeff\u00adها'), 'خبرها', 'tatweel and invisible characters dropped');
  assert.equal(slugify('\u202bبازار\u202c\u200f'), 'بازار', 'bidi controls dropped');
  assert.equal(slugify('۱۲ مدرسه، ۳ ولسوالی؟'), '۱۲-مدرسه-۳-ولسوالی', 'Arabic-script punctuation parts words');
  assert.equal(slugify('ا'.repeat(5000)).length, 120, 'a very long word is cut');
  assert.equal(plainText('<p>One &amp; two</p><p>Three<br>four</p>'), 'One & two\n\nThree\nfour');
  assert.equal(excerpt('word '.repeat(100), 20), 'word word word word…');
  assert.equal(countWords('می‌خواهم بروم home'), 3);
});
