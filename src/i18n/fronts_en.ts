// English messages of the curated fronts and the breaking-news strip (fronts_fa.ts and fronts_ps.ts hold the same keys).
export const frontsEn = {
  'breaking.label': 'Breaking',
  'breaking.region': 'Breaking news',
};
