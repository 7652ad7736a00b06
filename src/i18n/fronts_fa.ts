// Dari messages of the curated fronts and the breaking-news strip (the same keys as fronts_en.ts).
import type { frontsEn } from './fronts_en.ts';

export const frontsFa: Record<keyof typeof frontsEn, string> = {
  'breaking.label': 'خبر فوری',
  'breaking.region': 'خبرهای فوری',
};
