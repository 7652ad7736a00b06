// Messages, directions and dates for the public site. Every user-facing string goes through t().
import { en, type MessageKey } from './en.ts';

export type { MessageKey };
import type { Calendar } from '../content/settings.ts';

const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { en };

/** The message for a key in a language (falling back to English), with {placeholders} filled. */
export function t(lang: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogs[lang]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const RTL = new Set(['fa', 'ps', 'ar', 'ur', 'ckb']);

/** Text direction of a language. */
export function dir(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

export interface DateContext {
  timeZone: string;
  calendar: Calendar;
}

const LOCALES: Record<string, string> = { en: 'en-GB', fa: 'fa-AF', ps: 'ps-AF' };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, d: DateContext, style: 'date' | 'datetime' | 'month' | 'weekday'): Intl.DateTimeFormat {
  const key = `${lang}|${d.timeZone}|${d.calendar}|${style}`;
  let f = formats.get(key);
  if (!f) {
    const locale = `${LOCALES[lang] ?? lang}${d.calendar === 'solar-hijri' ? '-u-ca-persian' : ''}`;
    const opts: Intl.DateTimeFormatOptions =
      style === 'datetime' ? { dateStyle: 'long', timeStyle: 'short' }
      : style === 'month' ? { year: 'numeric', month: 'long' }
      : style === 'weekday' ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
      : { dateStyle: 'long' };
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: d.timeZone });
    formats.set(key, f);
  }
  return f;
}

/** A date as readers of this site write it: their time zone, calendar and digits. */
export function formatDate(at: string | Date, lang: string, d: DateContext, style: 'date' | 'datetime' | 'month' | 'weekday' = 'date'): string {
  return formatter(lang, d, style).format(typeof at === 'string' ? new Date(at) : at);
}

/** Digits in the reader's script (Persian/Pashto use Extended Arabic-Indic digits). */
export function localDigits(n: number | string, lang: string): string {
  const s = String(n);
  if (lang !== 'fa' && lang !== 'ps') return s;
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(0x06f0 + Number(c)));
}
