// The demo newsroom's sections, in menu order, each with its stories and background reporting.
import type { DemoSection } from './types.ts';
import { immigrationArticles } from './articles_immigration.ts';
import { immigrationContext } from './context_immigration.ts';
import { worldArticles } from './articles_world.ts';
import { worldContext } from './context_world.ts';
import { politicsArticles } from './articles_politics.ts';
import { politicsContext } from './context_politics.ts';
import { economyArticles } from './articles_economy.ts';
import { economyContext } from './context_economy.ts';
import { healthArticles } from './articles_health.ts';
import { healthContext } from './context_health.ts';
import { cultureArticles } from './articles_culture.ts';
import { cultureContext } from './context_culture.ts';
import { environmentArticles } from './articles_environment.ts';
import { environmentContext } from './context_environment.ts';
import { sportArticles } from './articles_sport.ts';
import { sportContext } from './context_sport.ts';

export const SECTIONS: DemoSection[] = [
  { name: 'Immigration News', slug: 'immigration-news', description: 'Migration, asylum, return and the borders in between.',
    articles: immigrationArticles, context: immigrationContext },
  { name: 'World News', slug: 'world-news', description: 'The region and the world, from Khabar Daily and our partners.',
    articles: worldArticles, context: worldContext },
  { name: 'Politics', slug: 'politics', description: 'Provincial government, public money and the people who decide.',
    articles: politicsArticles, context: politicsContext },
  { name: 'Economy', slug: 'economy', description: 'Prices, wages, farms, markets and the businesses behind them.',
    articles: economyArticles, context: economyContext },
  { name: 'Health', slug: 'health', description: 'Clinics, medicines and the health of the country.',
    articles: healthArticles, context: healthContext },
  { name: 'Culture', slug: 'culture', description: 'Music, books, craft and the life of the city.',
    articles: cultureArticles, context: cultureContext },
  { name: 'Environment', slug: 'environment', description: 'Water, air, land and wildlife, and the people who live with them.',
    articles: environmentArticles, context: environmentContext },
  { name: 'Sport', slug: 'sport', description: 'Clubs, tournaments and village leagues, from cricket to buzkashi.',
    articles: sportArticles, context: sportContext },
];
