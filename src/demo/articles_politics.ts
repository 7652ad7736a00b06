import type { DemoArticle } from './types.ts';

export const politicsArticles: DemoArticle[] = [];
