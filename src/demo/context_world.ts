import type { SectionContext } from './types.ts';

export const worldContext: SectionContext = { subheads: [], paragraphs: [], lists: [] };
