// Pashto messages of the translations switcher at the top of an article (the same keys as languages_en.ts).
import type { languagesEn } from './languages_en.ts';

export const languagesPs: Record<keyof typeof languagesEn, string> = {
  'translations.label': 'دا راپور په نورو ژبو',
};
