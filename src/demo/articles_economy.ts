import type { DemoArticle } from './types.ts';

export const economyArticles: DemoArticle[] = [];
