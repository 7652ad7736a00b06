// The languages a newsroom publishes in (articles, the site's own language): one list for checks, schemas and forms.
export const LANGUAGES = ['en', 'fa', 'ps'] as const;
export type Language = (typeof LANGUAGES)[number];
