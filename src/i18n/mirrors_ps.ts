// Pashto messages of the addresses sent to readers when the site is blocked (the same keys as mirrors_en.ts).
import type { mirrorsEn } from './mirrors_en.ts';

export const mirrorsPs: Record<keyof typeof mirrorsEn, string> = {
  'mirrors.announce.subject': '{site}: که سایټ بند شو، موږ چېرته ولولئ',
  'mirrors.announce.intro': 'که {site} هلته بند وي چې تاسو یاست، کولی شئ په دې پتو کې یې ولولئ. دا پیغام وساتئ او نورو ته یې هم ورکړئ.',
  'mirrors.announce.main': 'اصلي سایټ: {url}',
  'mirrors.announce.mirrors': 'د سایټ کاپي:',
  'mirrors.announce.onion': 'په تور براوزر کې: {url}',
  'mirrors.announce.key': 'هره اصلي کاپي په دې کیلي لاسلیک شوې: {key}',
  'mirrors.announce.post': 'که {site} هلته بند وي چې تاسو یاست، دلته یې ولولئ:',
};
