// Pashto messages of the curated fronts and the breaking-news strip (the same keys as fronts_en.ts).
import type { frontsEn } from './fronts_en.ts';

export const frontsPs: Record<keyof typeof frontsEn, string> = {
  'breaking.label': 'بېړني خبر',
  'breaking.region': 'بېړني خبرونه',
};
