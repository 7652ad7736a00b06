// Dates as the newsroom's readers write them: the site's time zone, Gregorian or Solar Hijri calendar, and the
// digits of the reader's script. Intl does the work; the Solar Hijri months get their Afghan names (Hamal ... Hut)
// where the locale data carries the Iranian ones (Farvardin ... Esfand), unless the site writes Iran's Persian.
import type { Calendar, PersianLocale } from '../content/settings.ts';
import { remember } from '../remember.ts';

export interface DateContext {
  timeZone: string;
  calendar: Calendar;
  /** fa-AF (the default): Afghan month names; fa-IR: Iranian ones, in Persian and in English transliteration */
  persianLocale?: PersianLocale;
}

export type DateStyle = 'date' | 'datetime' | 'month' | 'weekday';

const LOCALES: Record<string, string> = { en: 'en-GB', fa: 'fa-AF', ps: 'ps-AF' };

/** The Intl locale for a content language. */
export function localeOf(lang: string): string {
  return LOCALES[lang] ?? lang;
}

// Afghanistan's names for the Solar Hijri months, in English transliteration. fa-AF and ps-AF locale data
// already use the Afghan names in Dari and Pashto.
const AFGHAN_MONTHS = ['Hamal', 'Sawr', 'Jawza', 'Saratan', 'Asad', 'Sunbula', 'Mizan', 'Aqrab', 'Qaws', 'Jadi', 'Dalw', 'Hut'];
const HAS_AFGHAN_MONTHS = new Set(['fa', 'ps']);

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'long', timeStyle: 'short' },
  month: { year: 'numeric', month: 'long' },
  weekday: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  date: { dateStyle: 'long' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, opts: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${locale}|${timeZone}|${key}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    formats.set(k, f);
  }
  return f;
}

// Formatting through Intl costs more than rendering the rest of a byline; the same instants recur on every page.
const formatted = remember<string>(5000);

/** A date as readers of this site write it: their time zone, calendar and digits. */
export function formatDate(at: string | Date, lang: string, d: DateContext, style: DateStyle = 'date'): string {
  // Stored times come as ISO strings: they key the memo as they are and are parsed only when formatted.
  const instant = typeof at === 'string' ? at : at.getTime();
  return formatted(`${instant}|${lang}|${d.timeZone}|${d.calendar}|${d.persianLocale ?? ''}|${style}`, () => formatAfresh(typeof at === 'string' ? new Date(at) : at, lang, d, style));
}

function formatAfresh(date: Date, lang: string, d: DateContext, style: DateStyle): string {
  const solar = d.calendar === 'solar-hijri';
  const iranian = d.persianLocale === 'fa-IR';
  // The calendar is always named: fa-AF alone would default to the Persian calendar on a Gregorian site.
  const locale = `${lang === 'fa' && iranian ? 'fa-IR' : localeOf(lang)}-u-ca-${solar ? 'persian' : 'gregory'}`;
  const f = formatter(locale, d.timeZone, OPTIONS[style], style);
  // Intl's own transliteration is Iran's (Farvardin): an Iranian site keeps it, an Afghan one renames the months.
  if (!solar || HAS_AFGHAN_MONTHS.has(lang) || iranian) return f.format(date);
  const month = Number(formatter('en-u-ca-persian', d.timeZone, { month: 'numeric' }, 'm').format(date));
  return f.formatToParts(date).map((p) => (p.type === 'month' ? AFGHAN_MONTHS[month - 1] : p.value)).join('');
}

/** Digits in the reader's script (Dari and Pashto write Extended Arabic-Indic digits), no grouping. */
export function localDigits(n: number | string, lang: string): string {
  const s = String(n);
  if (!HAS_AFGHAN_MONTHS.has(lang)) return s;
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(0x06f0 + Number(c)));
}

/** The site's local calendar day of an instant, as YYYY-MM-DD (for <time datetime>). */
export function localDay(at: Date, timeZone: string): string {
  return formatted(`${at.getTime()}|${timeZone}|day`, () => formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'day').format(at));
}

/** The site's local Gregorian year of an instant. */
export function localYear(at: Date, timeZone: string): number {
  return Number(localDay(at, timeZone).slice(0, 4));
}

/** The UTC offset of a time zone at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatter('en-US', timeZone, { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }, 'offset')
    .formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight starts the given Gregorian day in a time zone (month 1-12; overflow rolls over). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}
