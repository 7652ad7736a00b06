// Dates as the newsroom's readers write them, through ONE formatter for every page, feed, comment, search result,
// email and the newsroom app: the site's time zone, the calendar each language is set to (Dari and Pashto: Solar
// Hijri by default, English: Gregorian), and the language's own script. Dari and Pashto dates are assembled here
// from numbers and month names rather than taken whole from Intl, whose Persian-calendar patterns put a Latin era
// mark ("AP") and a Latin comma inside Pashto dates and order Dari weekdays oddly; the parts (day, month, year,
// hour) still come from Intl in the site's time zone. Machine-readable dates (<time datetime>, feeds, JSON-LD) stay
// ISO Gregorian; only what a person reads is formatted here. The rules are written down in docs/languages.md.
import { remember } from '../remember.ts';

export const CALENDARS = ['gregorian', 'solar-hijri'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** How one language's dates read: its calendar, and whether the date bar adds the date in the other calendar. */
export interface LanguageDates {
  calendar: Calendar;
  secondDate: boolean;
}

/** Which Persian the site's dates follow: Afghanistan's Dari (Solar Hijri months Hamal ... Hut, حمل ... حوت) or
 * Iran's Persian (Farvardin ... Esfand, فروردین ... اسفند). Pashto always writes the Afghan months. */
export const PERSIAN_LOCALES = ['fa-AF', 'fa-IR'] as const;
export type PersianLocale = (typeof PERSIAN_LOCALES)[number];

export interface DateContext {
  timeZone: string;
  /** the calendar of every language (a one-calendar view: archives, tests); otherwise `calendars` decides */
  calendar?: Calendar;
  /** per language: its calendar, and whether a second date in the other calendar follows the date bar's */
  calendars?: Partial<Record<string, LanguageDates>>;
  /** fa-AF (the default): Afghan month names; fa-IR: Iranian ones, in Persian and in English transliteration */
  persianLocale?: PersianLocale;
}

export type DateStyle = 'date' | 'datetime' | 'month' | 'weekday';

const LOCALES: Record<string, string> = { en: 'en-GB', fa: 'fa-AF', ps: 'ps-AF' };

/** The Intl locale for a content language. */
export function localeOf(lang: string): string {
  return LOCALES[lang] ?? lang;
}

/** Languages written in Arabic script with Extended Arabic-Indic digits: their dates are assembled here. */
const OWN_SCRIPT = new Set(['fa', 'ps']);

/** The calendar a language's dates follow when the site has not chosen: Solar Hijri for Dari and Pashto, as
 * Afghan outlets date their pages, Gregorian for English. */
export function defaultCalendar(lang: string): Calendar {
  return OWN_SCRIPT.has(lang) ? 'solar-hijri' : 'gregorian';
}

/** The calendar a language's dates follow on this site. */
export function calendarOf(lang: string, d: DateContext): Calendar {
  return d.calendar ?? d.calendars?.[lang]?.calendar ?? defaultCalendar(lang);
}

// Month names, fixed here so that a page reads the same whatever ICU data the server carries.
const MONTHS = {
  // Afghanistan's Solar Hijri months: Dari, Pashto, and in English transliteration.
  afghanFa: ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت'],
  afghanPs: ['وری', 'غویی', 'غبرگولی', 'چنگاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب'],
  afghanEn: ['Hamal', 'Sawr', 'Jawza', 'Saratan', 'Asad', 'Sunbula', 'Mizan', 'Aqrab', 'Qaws', 'Jadi', 'Dalw', 'Hut'],
  iranFa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  // The Gregorian months as Afghan Dari and Pashto write them, and as Iran's Persian does.
  gregorianFa: ['جنوری', 'فبروری', 'مارچ', 'اپریل', 'می', 'جون', 'جولای', 'اگست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر'],
  gregorianPs: ['جنوري', 'فبروري', 'مارچ', 'اپریل', 'مۍ', 'جون', 'جولای', 'اګست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر'],
  gregorianIr: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
};
/** Sunday first. */
const WEEKDAYS: Record<string, string[]> = {
  fa: ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'],
  ps: ['یونۍ', 'دونۍ', 'درېنۍ', 'څلرنۍ', 'پنځنۍ', 'جمعه', 'اونۍ'],
};
/** Era marks, in the language's own script, written when two calendars stand side by side. */
const ERAS: Record<string, Record<Calendar, string>> = {
  fa: { 'solar-hijri': 'هـ.ش', gregorian: 'م' },
  ps: { 'solar-hijri': 'لمریز', gregorian: 'زیږدیز' },
  en: { 'solar-hijri': 'SH', gregorian: 'AD' },
};
/** Words between a date and its time, and after a weekday. */
const AT: Record<string, string> = { fa: ' ساعت ', ps: '، ' };
const COMMA: Record<string, string> = { fa: '، ', ps: '، ' };

function monthNames(lang: string, calendar: Calendar, d: DateContext): string[] {
  const iranian = d.persianLocale === 'fa-IR' && lang === 'fa';
  if (calendar === 'solar-hijri') return lang === 'ps' ? MONTHS.afghanPs : iranian ? MONTHS.iranFa : MONTHS.afghanFa;
  return lang === 'ps' ? MONTHS.gregorianPs : iranian ? MONTHS.gregorianIr : MONTHS.gregorianFa;
}

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

/** A date as readers of this site write it in a language: the site's time zone, the language's calendar and script. */
export function formatDate(at: string | Date, lang: string, d: DateContext, style: DateStyle = 'date'): string {
  return formatIn(at, lang, d, calendarOf(lang, d), style, false);
}

/** The same instant in the language's other calendar with era marks on both ("دوشنبه ۱۶ قوس ۱۴۰۵ هـ.ش" and
 * "۷ دسمبر ۲۰۲۶ م"), when the site asks for a second date in that language; null otherwise. */
export function dualDate(at: string | Date, lang: string, d: DateContext, style: DateStyle = 'weekday'): { first: string; second: string } | null {
  if (d.calendar || !d.calendars?.[lang]?.secondDate) return null;
  const first = calendarOf(lang, d);
  const other: Calendar = first === 'gregorian' ? 'solar-hijri' : 'gregorian';
  return { first: formatIn(at, lang, d, first, style, true), second: formatIn(at, lang, d, other, style === 'weekday' ? 'date' : style, true) };
}

function formatIn(at: string | Date, lang: string, d: DateContext, calendar: Calendar, style: DateStyle, era: boolean): string {
  // Stored times come as ISO strings: they key the memo as they are and are parsed only when formatted.
  const instant = typeof at === 'string' ? at : at.getTime();
  return formatted(`${instant}|${lang}|${d.timeZone}|${calendar}|${d.persianLocale ?? ''}|${style}|${era}`, () => {
    const date = typeof at === 'string' ? new Date(at) : at;
    if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid time value: ${String(at).slice(0, 40)}`);
    const text = OWN_SCRIPT.has(lang) ? ownScript(date, lang, d, calendar, style) : intlDate(date, lang, d, calendar, style);
    if (!era) return text;
    const mark = (ERAS[lang] ?? ERAS.en)[calendar];
    // Intl's English Solar Hijri dates already end in their era ("AP"): it is replaced, not doubled.
    return `${text.replace(/ AP$/, '')} ${mark}`;
  });
}

interface Parts { year: number; month: number; day: number; weekday: number; hour: number; minute: number }

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The instant's numbers in the site's time zone and a calendar. */
function partsOf(date: Date, timeZone: string, calendar: Calendar): Parts {
  const f = formatter(`en-US-u-ca-${calendar === 'solar-hijri' ? 'persian' : 'gregory'}`, timeZone,
    { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }, 'parts');
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(date)) out[p.type] = p.value;
  return { year: Number.parseInt(out.year, 10), month: Number(out.month), day: Number(out.day), weekday: WEEKDAY_INDEX[out.weekday] ?? 0, hour: Number(out.hour) % 24, minute: Number(out.minute) };
}

/** Dari and Pashto: "۱۶ قوس ۱۴۰۵", "دوشنبه، ۱۶ قوس ۱۴۰۵", "قوس ۱۴۰۵", "۱۶ قوس ۱۴۰۵ ساعت ۱۲:۳۰" (Pashto: "…، ۱۲:۳۰"). */
function ownScript(date: Date, lang: string, d: DateContext, calendar: Calendar, style: DateStyle): string {
  const p = partsOf(date, d.timeZone, calendar);
  const month = monthNames(lang, calendar, d)[p.month - 1];
  const n = (x: number | string) => localDigits(x, lang);
  if (style === 'month') return `${month} ${n(p.year)}`;
  const day = `${n(p.day)} ${month} ${n(p.year)}`;
  if (style === 'weekday') return `${WEEKDAYS[lang][p.weekday]}${COMMA[lang]}${day}`;
  if (style === 'datetime') return `${day}${AT[lang]}${n(p.hour)}:${n(String(p.minute).padStart(2, '0'))}`;
  return day;
}

/** English (and any other Latin-script language) through Intl; Solar Hijri months get Afghanistan's names unless
 * the site writes Iran's Persian (Intl's own transliteration is Iran's: Farvardin). */
function intlDate(date: Date, lang: string, d: DateContext, calendar: Calendar, style: DateStyle): string {
  const solar = calendar === 'solar-hijri';
  const f = formatter(`${localeOf(lang)}-u-ca-${solar ? 'persian' : 'gregory'}`, d.timeZone, OPTIONS[style], style);
  if (!solar || d.persianLocale === 'fa-IR') return f.format(date);
  const month = partsOf(date, d.timeZone, 'solar-hijri').month;
  return f.formatToParts(date).map((x) => (x.type === 'month' ? MONTHS.afghanEn[month - 1] : x.value)).join('');
}

/** Digits in the reader's script (Dari and Pashto write Extended Arabic-Indic digits), no grouping. */
export function localDigits(n: number | string, lang: string): string {
  const s = String(n);
  if (!OWN_SCRIPT.has(lang)) return s;
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(0x06f0 + Number(c)));
}

/** What sits between two items of a line (a byline and its date, a list's parts): "، " in Dari and Pashto, where a
 * middle dot beside Persian digits reads as a zero (۱۶۰), " · " in English. */
export function separatorOf(lang: string): string {
  return COMMA[lang] ?? ' · ';
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
