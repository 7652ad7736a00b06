// Site settings: one typed object stored as key/value JSON rows, with defaults for every key.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';

// The calendars and the Persian of dates are the i18n layer's words (the newsroom app formats dates with it too).
export { CALENDARS, PERSIAN_LOCALES, type Calendar, type LanguageDates, type PersianLocale } from '../i18n/dates.ts';
import { CALENDARS, PERSIAN_LOCALES, type LanguageDates, type PersianLocale } from '../i18n/dates.ts';

/** How a new article's address is made from a Dari or Pashto headline: in its own script (percent-encoded in
 * links) or in Latin letters. */
export const SLUG_SCRIPTS = ['native', 'latin'] as const;
export type SlugScript = (typeof SLUG_SCRIPTS)[number];

export interface SocialLink {
  label: string;
  url: string;
}

export interface SiteSettings {
  name: string;
  description: string;
  logoMediaId: number | null;
  language: string;
  timeZone: string;
  /** per language (en, fa, ps): the calendar of its dates and whether a second date follows in the other one */
  calendars: Record<string, LanguageDates>;
  /** the Persian of the site's dates: fa-AF (Afghan month names) or fa-IR (Iranian ones) */
  persianLocale: PersianLocale;
  /** new articles' slugs from Dari and Pashto headlines: in their script (native) or in Latin letters (latin) */
  slugScript: SlugScript;
  social: SocialLink[];
  /** close comments on articles older than this many days (null: never) */
  commentsCloseAfterDays: number | null;
  /** hold every comment for moderation */
  moderateAll: boolean;
  /** what the feeds carry of each story: the whole body, or the standfirst (or the body's opening) */
  feedContent: FeedContent;
  /** the languages the site publishes in besides its default `language`, each with a front page under /fa/, /ps/ */
  languages: string[];
  /** the site's name, one-line description and section names in its other languages (English stays the fallback) */
  localized: Record<string, LocalizedSite>;
  /** authors submit their stories for review instead of publishing them (contributors always submit) */
  authorsSubmitForReview: boolean;
}

export interface LocalizedSite {
  name?: string;
  description?: string;
  /** section slug -> the section's name in this language */
  sections?: Record<string, string>;
  /** the footer links' labels in this language, by the link's address ("Newsletter" -> "خبرنامه") */
  social?: Record<string, string>;
}

export const FEED_CONTENTS = ['full', 'excerpt'] as const;
export type FeedContent = (typeof FEED_CONTENTS)[number];

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Khabar',
  description: 'An independent newsroom.',
  logoMediaId: null,
  language: 'en',
  timeZone: 'UTC',
  // Afghan outlets date Dari and Pashto pages in Solar Hijri, English ones in Gregorian.
  calendars: { en: { calendar: 'gregorian', secondDate: false }, fa: { calendar: 'solar-hijri', secondDate: false }, ps: { calendar: 'solar-hijri', secondDate: false } },
  persianLocale: 'fa-AF',
  slugScript: 'native',
  social: [],
  commentsCloseAfterDays: null,
  moderateAll: false,
  feedContent: 'full',
  languages: [],
  localized: {},
  authorsSubmitForReview: false,
};

type Checker = { [K in keyof SiteSettings]: (v: unknown) => string | null };

const isLanguage = (v: unknown): v is string => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
const shortText = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

function checkLocalized(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object keyed by language';
  for (const [lang, l] of Object.entries(v as Record<string, unknown>)) {
    if (!isLanguage(lang)) return `names an unknown language: ${String(lang).slice(0, 20)}`;
    if (!l || typeof l !== 'object' || Array.isArray(l)) return `${lang} must be { name, description, sections }`;
    const { name, description, sections, social, ...rest } = l as LocalizedSite;
    if (Object.keys(rest).length) return `${lang} has an unknown key`;
    if (social !== undefined && (!social || typeof social !== 'object' || Array.isArray(social) || Object.keys(social).length > 20
      || !Object.values(social).every((x) => typeof x === 'string' && x.length >= 1 && x.length <= 60))) return `${lang}: social must map link addresses to labels of 1 to 60 characters`;
    if (!shortText(name, 120) || !shortText(description, 300)) return `${lang}: name must be at most 120 characters, description 300`;
    if (sections !== undefined && (!sections || typeof sections !== 'object' || Array.isArray(sections) || Object.keys(sections).length > 200
      || !Object.values(sections).every((x) => typeof x === 'string' && x.length >= 1 && x.length <= 120))) return `${lang}: sections must map section slugs to names`;
  }
  return null;
}

function checkCalendars(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object keyed by language';
  for (const [lang, c] of Object.entries(v as Record<string, unknown>)) {
    if (!isLanguage(lang)) return `names an unknown language: ${String(lang).slice(0, 20)}`;
    const { calendar, secondDate, ...rest } = (c ?? {}) as LanguageDates;
    if (!c || typeof c !== 'object' || Object.keys(rest).length || !(CALENDARS as readonly unknown[]).includes(calendar) || typeof secondDate !== 'boolean') {
      return `${lang} must be { calendar: ${CALENDARS.join(' or ')}, secondDate: true or false }`;
    }
  }
  return null;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const checks: Checker = {
  name: (v) => (typeof v === 'string' && v.trim().length >= 1 && v.length <= 120 ? null : 'must be 1 to 120 characters'),
  description: (v) => (typeof v === 'string' && v.length <= 300 ? null : 'must be at most 300 characters'),
  logoMediaId: (v) => (v === null || (Number.isInteger(v) && (v as number) > 0) ? null : 'must be a media id or null'),
  language: (v) => (typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v) ? null : `must be one of ${LANGUAGES.join(', ')}`),
  timeZone: (v) => (typeof v === 'string' && validTimeZone(v) ? null : 'must be an IANA time zone such as Asia/Kabul'),
  calendars: checkCalendars,
  persianLocale: (v) => ((PERSIAN_LOCALES as readonly unknown[]).includes(v) ? null : `must be one of ${PERSIAN_LOCALES.join(', ')}`),
  slugScript: (v) => ((SLUG_SCRIPTS as readonly unknown[]).includes(v) ? null : `must be one of ${SLUG_SCRIPTS.join(', ')}`),
  social: (v) => (Array.isArray(v) && v.length <= 20 && v.every((s) => s && typeof s.label === 'string' && s.label.length <= 60
    && typeof s.url === 'string' && /^https?:\/\/[^\s]+$/.test(s.url)) ? null : 'must be a list of { label, url } with http(s) URLs'),
  commentsCloseAfterDays: (v) => (v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 3650) ? null : 'must be 1 to 3650 days or null'),
  moderateAll: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  feedContent: (v) => ((FEED_CONTENTS as readonly unknown[]).includes(v) ? null : `must be one of ${FEED_CONTENTS.join(', ')}`),
  languages: (v) => (Array.isArray(v) && v.every(isLanguage) && new Set(v).size === v.length ? null : `must list languages among ${LANGUAGES.join(', ')}, each once`),
  localized: checkLocalized,
  authorsSubmitForReview: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
};

/** One stored setting's JSON text, for the domains that keep their own settings under a key here (comments). */
export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Stores one setting's JSON text under its key. */
export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** The site's settings, defaults filled in. */
export async function getSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (r.key in DEFAULT_SETTINGS) out[r.key] = JSON.parse(r.value);
  }
  // A language the newsroom has not set keeps its default calendar.
  out.calendars = { ...DEFAULT_SETTINGS.calendars, ...(out.calendars as SiteSettings['calendars']) };
  return out as unknown as SiteSettings;
}

/** Validates and stores the given settings; names the first bad field. */
export async function updateSettings(ctx: AppContext, patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const keys = Object.keys(patch) as (keyof SiteSettings)[];
  for (const k of keys) {
    if (!(k in checks)) throw new ValidationError(k, `${k} is not a setting`);
    const problem = checks[k](patch[k]);
    if (problem) throw new ValidationError(k, `${k} ${problem}`);
  }
  // Calendars change one language at a time: the others keep theirs.
  if (patch.calendars) patch = { ...patch, calendars: { ...(await getSettings(ctx.db)).calendars, ...patch.calendars } };
  await ctx.db.transaction().execute(async (trx) => {
    for (const k of keys) {
      const value = JSON.stringify(patch[k]);
      await trx.insertInto('settings').values({ key: k, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  await ctx.events.emit('settings.changed', { keys });
  return getSettings(ctx.db);
}
