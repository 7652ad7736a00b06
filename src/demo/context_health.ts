import type { SectionContext } from './types.ts';

export const healthContext: SectionContext = { subheads: [], paragraphs: [], lists: [] };
