// The demo newsroom's sections, in menu order, each with its stories and background reporting.
import type { DemoSection } from './types.ts';
import { SECTION_STORIES } from './stories.ts';

const S = SECTION_STORIES;

export const SECTIONS: DemoSection[] = [
  { name: 'Immigration News', slug: 'immigration-news', description: 'Migration, asylum, return and the borders in between.',
    ...S.immigration },
  { name: 'World News', slug: 'world-news', description: 'The region and the world, from Khabar Daily and our partners.',
    ...S.world },
  { name: 'Politics', slug: 'politics', description: 'Provincial government, public money and the people who decide.',
    ...S.politics },
  { name: 'Economy', slug: 'economy', description: 'Prices, wages, farms, markets and the businesses behind them.',
    ...S.economy },
  { name: 'Health', slug: 'health', description: 'Clinics, medicines and the health of the country.',
    ...S.health },
  { name: 'Culture', slug: 'culture', description: 'Music, books, craft and the life of the city.',
    ...S.culture },
  { name: 'Environment', slug: 'environment', description: 'Water, air, land and wildlife, and the people who live with them.',
    ...S.environment },
  { name: 'Sport', slug: 'sport', description: 'Clubs, tournaments and village leagues, from cricket to buzkashi.',
    ...S.sport },
];
