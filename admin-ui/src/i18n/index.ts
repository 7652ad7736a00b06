// The app's words: every string the newsroom reads comes from a catalog (en.ts now; Dari and Pashto catalogs
// follow with the same keys), and the page's lang and dir follow the interface language.
import { en as enCore } from './en.ts';
import { enAggregators } from './en_aggregators.ts';
import { enContent } from './en_content.ts';
import { enPeople } from './en_people.ts';
import { enEditorial } from './en_editorial.ts';
import { enFronts } from './en_fronts.ts';
import { enLanguages } from './en_languages.ts';
import { enAudience } from './en_audience.ts';
import { enChannels } from './en_channels.ts';

// Each group of screens keeps its words in a file of its own (en_content.ts: sections, tags, people, house ads, site
// settings, the editor's SEO fields; en_people.ts: staff, API keys, audit log, comment settings, sources;
// en_aggregators.ts: aggregators); the catalog is their union.
const en = { ...enCore, ...enContent, ...enPeople, ...enAggregators, ...enEditorial, ...enFronts, ...enLanguages, ...enAudience, ...enChannels };
export type MessageKey = keyof typeof en;
const catalogs: Record<string, Record<MessageKey, string>> = { en };
const RTL = new Set(['fa', 'prs', 'ps', 'ar']);
let current: Record<MessageKey, string> = catalogs.en;
let currentLang = 'en';

/** Switches the interface language (falls back to English for a language without a catalog yet). */
export function useLanguage(lang: string): void {
  currentLang = catalogs[lang] ? lang : 'en';
  current = catalogs[currentLang];
  document.documentElement.lang = currentLang;
  document.documentElement.dir = RTL.has(currentLang) ? 'rtl' : 'ltr';
}

export function interfaceLanguage(): string {
  return currentLang;
}

/** The text for a key, with {name} placeholders filled in. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return current[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Whether text in this content language reads right to left (Dari, Pashto). */
export function isRtl(lang: string): boolean {
  return RTL.has(lang);
}
