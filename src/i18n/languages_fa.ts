// Dari messages of the translations switcher at the top of an article (the same keys as languages_en.ts).
import type { languagesEn } from './languages_en.ts';

export const languagesFa: Record<keyof typeof languagesEn, string> = {
  'translations.label': 'این گزارش به زبان‌های دیگر',
};
