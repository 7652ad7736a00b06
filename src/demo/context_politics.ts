import type { SectionContext } from './types.ts';

export const politicsContext: SectionContext = { subheads: [], paragraphs: [], lists: [] };
