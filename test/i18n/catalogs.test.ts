// The message catalogs: every language has every key and no other, every message is valid ICU MessageFormat
// with the English arguments and its language's plural forms, every key is used somewhere, and Dari and Pashto
// are translated (with their own punctuation), not copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, t, type MessageKey } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { localeOf } from '../../src/i18n/dates.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const KEYS = Object.keys(en) as MessageKey[];

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

function argsOf(els: Element[], out = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type !== 0 && el.type !== 7 && el.value) out.add(el.value); // 0 literal, 7 the plural's #
    for (const o of Object.values(el.options ?? {})) argsOf(o.value, out);
  }
  return out;
}

function pluralsOf(els: Element[], out: Element[] = []): Element[] {
  for (const el of els) {
    if (el.type === 6) out.push(el);
    for (const o of Object.values(el.options ?? {})) pluralsOf(o.value, out);
  }
  return out;
}

const ast = (lang: string, key: MessageKey) => new IntlMessageFormat(CATALOGS[lang]![key], localeOf(lang), undefined, { ignoreTag: true }).getAst() as Element[];

test('every language the site publishes in has a catalog with exactly the English keys', () => {
  for (const lang of LANGUAGES) {
    const keys = Object.keys(CATALOGS[lang] ?? {});
    assert.deepEqual(KEYS.filter((k) => !keys.includes(k)), [], `${lang}: missing keys`);
    assert.deepEqual(keys.filter((k) => !(k in en)), [], `${lang}: keys English does not have`);
  }
});

test('every message parses as ICU MessageFormat, takes the English arguments and has its plural forms', () => {
  for (const lang of LANGUAGES) {
    const categories = new Intl.PluralRules(localeOf(lang)).resolvedOptions().pluralCategories;
    for (const key of KEYS) {
      let els: Element[] = [];
      assert.doesNotThrow(() => { els = ast(lang, key); }, `${lang} ${key} does not parse`);
      assert.deepEqual([...argsOf(els)].sort(), [...argsOf(ast('en', key))].sort(), `${lang} ${key}: arguments differ from English`);
      for (const p of pluralsOf(els)) {
        for (const c of categories) assert.ok(c in (p.options ?? {}), `${lang} ${key}: plural form "${c}" missing`);
      }
    }
  }
});

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !p.startsWith(join('src', 'i18n'))) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

test('every key is used by the code (as written, or through a key built from a prefix)', () => {
  const code = sources('src').join('\n');
  const prefixes = [...code.matchAll(/`([a-z_]+(?:\.[a-z_]+)*\.)\$\{/g)].map((m) => m[1]!);
  const unused = KEYS.filter((k) => !code.includes(`'${k}'`) && !code.includes(`"${k}"`) && !prefixes.some((p) => k.startsWith(p)));
  assert.deepEqual(unused, []);
});

// Brand names, the copyright line and the like read the same in every language.
const SAME_EVERYWHERE = new Set<MessageKey>(['site.footer.rights']);

test('Dari and Pashto are translated, in their own script and punctuation', () => {
  for (const lang of ['fa', 'ps']) {
    for (const key of KEYS) {
      const text = CATALOGS[lang]![key];
      if (SAME_EVERYWHERE.has(key)) continue;
      assert.notEqual(text, en[key], `${lang} ${key} is still English`);
      assert.match(text, /[\u0600-\u06ff]/, `${lang} ${key} has no Arabic-script letter`);
      // ICU's own syntax ("{count, plural, one {...}}") has commas; the words must not use Latin , ; ?
      const words = text.replace(/\{\w+, (plural|select|number)(, [^{]*)?/g, '').replace(/https?:\S+/g, '');
      assert.doesNotMatch(words, /[,;?]/, `${lang} ${key} uses Latin punctuation: ${text}`);
    }
  }
});

test('plural rules and local digits: English counts one and many, Dari and Pashto count in their digits', () => {
  assert.equal(t('en', 'list.count', { count: 1 }), '1 article');
  assert.equal(t('en', 'list.count', { count: 2 }), '2 articles');
  assert.equal(t('ps', 'list.count', { count: 1 }), '۱ لیکنه');
  assert.equal(t('ps', 'list.count', { count: 12 }), '۱۲ لیکنې');
  assert.equal(t('fa', 'search.count', { count: 1402 }), '۱٬۴۰۲ نتیجه');
  assert.equal(t('fa', 'pager.page', { page: 2, pages: 10 }), 'صفحهٔ ۲ از ۱۰');
  assert.equal(t('fa', 'list.year', { year: 2026 }), 'آرشیف: ۲۰۲۶', 'years read without grouping');
  assert.equal(t('xx', 'site.home'), 'Home', 'a language without a catalog reads English');
});

test('arguments are text, never markup or ICU syntax', () => {
  assert.equal(t('fa', 'comments.form.replying', { name: '{count, plural, one {x}} <b>' }), 'پاسخ به {count, plural, one {x}} <b>');
});

test('a message asked for without its arguments shows its placeholders instead of failing the page', () => {
  assert.equal(t('ps', 'comments.form.replying'), '{name} ته ځواب');
  assert.equal(t('en', 'list.count'), '0 articles');
});
