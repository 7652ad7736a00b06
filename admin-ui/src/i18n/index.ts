// The app's words: every string the newsroom reads comes from a catalog (English, Dari, Pashto, with the same keys;
// a key a catalog lacks shows in English), and the page's lang and dir follow the interface language.
import { en as enCore } from './en.ts';
import { enAggregators } from './en_aggregators.ts';
import { enContent } from './en_content.ts';
import { enPeople } from './en_people.ts';
import { enEditorial } from './en_editorial.ts';
import { enFronts } from './en_fronts.ts';
import { enLanguages } from './en_languages.ts';
import { enAudience } from './en_audience.ts';
import { enNewsletters } from './en_newsletters.ts';
import { enLive } from './en_live.ts';
import { fa as faCore } from './fa.ts';
import { faContent } from './fa_content.ts';
import { faPeople } from './fa_people.ts';
import { faEditorial, faAudience } from './fa_editorial.ts';
import { faFronts } from './fa_fronts.ts';
import { faLanguages, faAggregators } from './fa_languages.ts';
import { ps as psCore } from './ps.ts';
import { psContent } from './ps_content.ts';
import { psPeople } from './ps_people.ts';
import { psEditorial, psAudience } from './ps_editorial.ts';
import { psFronts } from './ps_fronts.ts';
import { psLanguages, psAggregators } from './ps_languages.ts';
import { faNewsletters } from './fa_newsletters.ts';
import { psNewsletters } from './ps_newsletters.ts';
import { faLive } from './fa_live.ts';
import { psLive } from './ps_live.ts';
import { enChannels } from './en_channels.ts';
import { enMirrors } from './en_mirrors.ts';
import { faMirrors } from './fa_mirrors.ts';
import { psMirrors } from './ps_mirrors.ts';
import { faChannels } from './fa_channels.ts';
import { psChannels } from './ps_channels.ts';

// Each group of screens keeps its words in a file of its own (en_content.ts: sections, tags, people, house ads, site
// settings, the editor's SEO fields; en_people.ts: staff, API keys, audit log, comment settings, sources;
// en_aggregators.ts: aggregators); the catalog is their union.
const en = { ...enCore, ...enContent, ...enPeople, ...enAggregators, ...enEditorial, ...enFronts, ...enLanguages, ...enAudience, ...enNewsletters, ...enLive, ...enChannels, ...enMirrors };
export type MessageKey = keyof typeof en;
export const catalogs: Record<string, Partial<Record<MessageKey, string>>> = {
  en,
  fa: { ...faCore, ...faContent, ...faPeople, ...faAggregators, ...faEditorial, ...faFronts, ...faLanguages, ...faAudience, ...faNewsletters, ...faLive, ...faMirrors, ...faChannels },
  ps: { ...psCore, ...psContent, ...psPeople, ...psAggregators, ...psEditorial, ...psFronts, ...psLanguages, ...psAudience, ...psNewsletters, ...psLive, ...psMirrors, ...psChannels },
};
const RTL = new Set(['fa', 'prs', 'ps', 'ar']);
let current: Partial<Record<MessageKey, string>> = catalogs.en;
let currentLang = 'en';
let digits: Intl.NumberFormat | null = null;

/** Switches the interface language: a regional tag (fa-AF) reads its language's catalog, prs (Dari's own code) the
 * Dari one, a language without a catalog English. */
export function useLanguage(lang: string): void {
  const base = lang.toLowerCase().split('-')[0];
  const known = base === 'prs' ? 'fa' : base;
  currentLang = catalogs[known] ? known : 'en';
  current = catalogs[currentLang];
  digits = null;
  document.documentElement.lang = currentLang;
  document.documentElement.dir = RTL.has(currentLang) ? 'rtl' : 'ltr';
}

export function interfaceLanguage(): string {
  return currentLang;
}

/** The text for a key, with {name} placeholders filled in; numbers in the interface language's digits (۱۲). */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const numbers = (digits ??= new Intl.NumberFormat(currentLang, { ...digitsOf(), useGrouping: false, maximumFractionDigits: 20 }));
  return (current[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return v === undefined ? `{${k}}` : typeof v === 'number' ? numbers.format(v) : v;
  });
}

/** Whether text in this content language reads right to left (Dari, Pashto). */
export function isRtl(lang: string): boolean {
  return RTL.has(lang);
}

/** A count as the interface language writes it (۱۲ in Dari and Pashto). */
export function count(n: number): string {
  return new Intl.NumberFormat(currentLang, { ...digitsOf(), useGrouping: false }).format(n);
}

/** The interface language's digits, named: Dari and Pashto write Persian digits (۰-۹) even in a browser without
 * Pashto locale data (Chromium's falls back to en-US and Latin digits). */
function digitsOf(): Intl.NumberFormatOptions {
  return RTL.has(currentLang) ? { numberingSystem: 'arabext' } : {};
}

/** A figure as the interface language writes it, grouped (12,345; ۱۲٬۳۴۵). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLang, digitsOf()).format(n);
}
