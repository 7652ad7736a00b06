// Messages and directions for the public site. Every user-facing string goes through t(); dates live in dates.ts.
import { en, type MessageKey } from './en.ts';
import { localeOf } from './dates.ts';

export type { MessageKey };
export { formatDate, localDigits, localDay, localYear, zonedMidnight, type DateContext, type DateStyle } from './dates.ts';

// Dari (fa) and Pashto (ps) catalogs add a file with the same keys; until then they fall back to English.
const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { en };

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

/** The message for a key in a language (falling back to English), with {placeholders} filled; numbers in local digits. */
export function t(lang: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogs[lang]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

const RTL = new Set(['fa', 'ps', 'ar', 'ur', 'ckb']);

/** Text direction of a language. */
export function dir(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}
