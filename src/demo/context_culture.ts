import type { SectionContext } from './types.ts';

export const cultureContext: SectionContext = { subheads: [], paragraphs: [], lists: [] };
