// Pashto messages of the lite edition, the data-saver link and the mirror list (the same keys as reach_en.ts).
import type { reachEn } from './reach_en.ts';

export const reachPs: Record<keyof typeof reachEn, string> = {
  'lite.link': 'سپکه بڼه: یوازې متن، لږ ډېټا',
  'lite.name': 'سپکه بڼه',
  'lite.title': '{name}: سپکه بڼه',
  'lite.full': 'بشپړه بڼه',
  'lite.full_story': 'دا راپور په بشپړه بڼه کې، له انځورونو او نظرونو سره',
  'lite.in_language': 'راپورونه په {language}',
  'lite.languages': 'ژبې',
  'mirrors.label': 'که دا سایټ بند وي، په دغو پتو یې ولولئ:',
  'export.comment': 'نظرونه په اصلي سایټ کې لېږل کېږي: د دې راپور په اړه خپل نظر هلته ولیکئ',
};
