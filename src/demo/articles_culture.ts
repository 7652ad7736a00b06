import type { DemoArticle } from './types.ts';

export const cultureArticles: DemoArticle[] = [];
