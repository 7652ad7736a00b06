// English messages of the pages' meta descriptions (src/site/views/describe.ts).
export const metaEn = {
  'meta.list': '{title}: stories from {name}',
} as const;
