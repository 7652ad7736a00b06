import type { DemoArticle } from './types.ts';

export const worldArticles: DemoArticle[] = [];
