// Messages and directions for the public site, the comment form, feeds, emails and the sign-in pages. Every
// user-facing string goes through t(): ICU MessageFormat (intl-messageformat) with each language's plural rules.
// Dates live in dates.ts.
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './en.ts';
import { fa } from './fa.ts';
import { ps } from './ps.ts';
import { localeOf } from './dates.ts';
import { remember } from '../remember.ts';

export type { MessageKey };
export { calendarOf, dualDate, formatDate, localDigits, localDay, localYear, separatorOf, zonedMidnight, type DateContext, type DateStyle } from './dates.ts';

/** Every catalog has exactly the English keys (the type checker and test/i18n/catalogs.test.ts see to it). */
export type Catalog = Record<MessageKey, string>;

export const CATALOGS: Record<string, Catalog> = { en, fa, ps };

const numbers = new Map<string, Intl.NumberFormat>();

/** A number in the language's digits, without grouping (years and page numbers read as written). */
export function formatNumber(n: number, lang: string): string {
  let f = numbers.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { useGrouping: false });
    numbers.set(lang, f);
  }
  return f.format(n);
}

interface Compiled {
  format: IntlMessageFormat;
  /** every argument the message takes */
  args: Set<string>;
  /** arguments the message counts with (plural, select, number): they stay numbers */
  counted: Set<string>;
  /** a message with no arguments, formatted once */
  plain?: string;
}

const compiled = new Map<string, Compiled>();

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

function argsOf(els: Element[], counted: boolean, out: Set<string>): Set<string> {
  for (const el of els) {
    // 1 argument, 2 number, 5 select, 6 plural (intl-messageformat's element types)
    const counts = el.type === 2 || el.type === 5 || el.type === 6;
    if (el.value && (counts || (!counted && el.type === 1))) out.add(el.value);
    for (const o of Object.values(el.options ?? {})) argsOf(o.value, counted, out);
  }
  return out;
}

/** The compiled message of a key in a language (compiled once); throws on a malformed message. */
export function compile(lang: string, key: MessageKey): Compiled {
  const catalog = CATALOGS[lang] ?? en;
  const k = `${catalog === en ? 'en' : lang}|${key}`;
  let c = compiled.get(k);
  if (!c) {
    const format = new IntlMessageFormat(catalog[key], localeOf(catalog === en ? 'en' : lang), undefined, { ignoreTag: true });
    const ast = format.getAst() as Element[];
    c = { format, args: argsOf(ast, false, new Set()), counted: argsOf(ast, true, new Set()) };
    compiled.set(k, c);
  }
  return c;
}

/** The message for a key in a language (English for a language without a catalog), arguments filled in;
 * numbers shown in the language's digits, and counted through its plural rules. */
export function t(lang: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const c = compile(lang, key);
  // Most of a page's messages take no arguments: formatting one again was 1% of an uncached article render.
  if (!c.args.size) return (c.plain ??= String(c.format.format({})));
  const values: Record<string, string | number> = {};
  for (const name of c.args) {
    const v = vars[name];
    // An argument left out stays a visible {placeholder} (templates for scripts use that) rather than failing.
    values[name] = v === undefined ? (c.counted.has(name) ? 0 : `{${name}}`) : typeof v === 'number' && !c.counted.has(name) ? formatNumber(v, lang) : v;
  }
  return String(c.format.format(values));
}

const RTL = new Set(['fa', 'ps', 'ar', 'ur', 'ckb']);

/** Text direction of a language. */
export function dir(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

/** Items joined as the language lists them ("A, B and C"; "الف، ب و ج"), as parts: the items and the words between. */
export function listParts(items: string[], lang: string): { type: string; value: string }[] {
  return listFormat(lang, () => new Intl.ListFormat(localeOf(lang), { type: 'conjunction' })).formatToParts(items);
}

// One formatter a language: making one loads the locale's data, 2% of an uncached article render (a byline and
// every story card list their authors).
const listFormat = remember<Intl.ListFormat>(50);
