// English messages of the lite edition, the data-saver link and the mirror list (src/site/lite, the layout's footer).
export const reachEn = {
  'lite.link': 'Lite edition: text only, saves data',
  'lite.name': 'Lite edition',
  'lite.title': '{name}: lite edition',
  'lite.full': 'Full edition',
  'lite.full_story': 'This story in the full edition, with pictures and comments',
  'lite.in_language': 'Stories in {language}',
  'lite.languages': 'Languages',
  'mirrors.label': 'If this site is blocked, read it at',
  'export.comment': 'Comments are posted on the main site: comment on this story there',
} as const;
