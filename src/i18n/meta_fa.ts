// Dari messages of the pages' meta descriptions (src/site/views/describe.ts).
import type { metaEn } from './meta_en.ts';

export const metaFa: Record<keyof typeof metaEn, string> = {
  'meta.list': '{title}: گزارش‌های {name}',
};
