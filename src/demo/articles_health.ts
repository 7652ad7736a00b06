import type { DemoArticle } from './types.ts';

export const healthArticles: DemoArticle[] = [];
