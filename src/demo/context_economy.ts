import type { SectionContext } from './types.ts';

export const economyContext: SectionContext = { subheads: [], paragraphs: [], lists: [] };
