// The newsroom app speaks Dari and Pashto as fully as English: every English key has a Dari and a Pashto entry, in
// its own script, with the same {placeholders}, and no entry the English catalog does not have; numbers come out in
// the interface language's digits, and a Dari or Pashto interface reads right to left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogs, t, useLanguage, interfaceLanguage } from '../../admin-ui/src/i18n/index.ts';

/** Entries that are names of other companies' products or only placeholders: the same in every language. */
const SAME_EVERYWHERE = new Set(['csettings.provider_recaptcha', 'csettings.provider_turnstile', 'csettings.provider_hcaptcha', 'activity.other', 'languages.section', 'languages.social_label', 'fronts.section']);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const lang of ['fa', 'ps']) {
  test(`the app's ${lang} catalog has every English key, in its own script, with the same placeholders`, () => {
    const en = catalogs.en as Record<string, string>;
    const own = catalogs[lang] as Record<string, string>;
    const missing = Object.keys(en).filter((k) => !own[k]?.trim());
    assert.deepEqual(missing, [], `${lang} lacks ${missing.length} keys`);
    assert.deepEqual(Object.keys(own).filter((k) => !(k in en)), [], `${lang} has keys English does not`);
    for (const [key, english] of Object.entries(en)) {
      const text = own[key];
      assert.deepEqual(placeholders(text), placeholders(english), `${lang} ${key}: the same placeholders as "${english}"`);
      if (SAME_EVERYWHERE.has(key)) continue;
      assert.notEqual(text, english, `${lang} ${key} is translated, not copied`);
      assert.match(text.replace(/\{\w+\}/g, ''), /\p{Script=Arabic}/u, `${lang} ${key}: "${text}" is written in its own script`);
      assert.doesNotMatch(text, /(^|[^\w{])(the|and|of|to|is)\s/i, `${lang} ${key}: "${text}" has no English words left in it`);
    }
  });
}

test('the interface language: its catalog, its digits, its direction; English for a language without a catalog', () => {
  const root = { lang: '', dir: '' };
  (globalThis as { document?: unknown }).document = { documentElement: root };
  try {
    useLanguage('fa-AF');
    assert.equal(interfaceLanguage(), 'fa');
    assert.deepEqual(root, { lang: 'fa', dir: 'rtl' });
    assert.equal(t('articles.page_of', { page: 2, pages: 14 }), 'صفحهٔ ۲ از ۱۴');
    useLanguage('ps');
    assert.equal(root.dir, 'rtl');
    assert.equal(t('save.saved_seconds', { s: 5 }), '۵ ثانیې مخکې وساتل شو');
    assert.equal(t('moderation.score', { score: '0.25' }), 'نمره 0.25', 'text passed as text is left as it is');
    useLanguage('de');
    assert.equal(interfaceLanguage(), 'en');
    assert.deepEqual(root, { lang: 'en', dir: 'ltr' });
    assert.equal(t('articles.page_of', { page: 2, pages: 14 }), 'Page 2 of 14');
    assert.equal(t('articles.archived', { count: 1200 }), '1200 articles archived.', 'English numbers as before: no grouping');
  } finally {
    delete (globalThis as { document?: unknown }).document;
  }
});
