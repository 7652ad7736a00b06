// English messages of the translations switcher at the top of an article (the same keys in languages_fa.ts, languages_ps.ts).
export const languagesEn = {
  'translations.label': 'This story in other languages',
} as const;
