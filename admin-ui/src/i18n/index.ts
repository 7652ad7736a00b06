// The app's words: every string the newsroom reads comes from a catalog (en.ts now; Dari and Pashto catalogs
// follow with the same keys), and the page's lang and dir follow the interface language.
import { en, type MessageKey as MainKey } from './en.ts';
import { enAggregators, type AggregatorsKey } from './en_aggregators.ts';

/** A key of the main catalog or of a screen's own (en_<screen>.ts). */
export type MessageKey = MainKey | AggregatorsKey;
const catalogs: Record<string, Record<MessageKey, string>> = { en: { ...en, ...enAggregators } };
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
