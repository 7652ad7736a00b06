// Pashto messages of live coverage (the same keys as live_en.ts).
import type { liveEn } from './live_en.ts';

export const livePs: Record<keyof typeof liveEn, string> = {
  'live.badge': 'ژوندی',
  'live.label': 'ژوندی راپور',
  'live.started': 'ژوندی راپور په {time} پیل شو',
  'live.ended': 'ژوندی راپور په {time} پای ته ورسېد',
  'live.highlights': 'مهم خبرونه',
  'live.latest': 'تر ټولو نوي خبرونه',
  'live.key': 'مهم خبر',
  'live.updated': 'په {time} تازه شو',
  'live.removed': 'دا خبر په {time} لرې شو.',
  'live.link_to_entry': 'د دې خبر لینک',
  'live.posted_by': 'د {name} له خوا',
  'live.see_on': 'په {host} کې یې وګورئ',
  'live.empty': 'لومړني خبرونه به دلته ښکاره شي.',
  'live.reload': 'د تر ټولو نويو خبرونو د لیدو لپاره پاڼه بیا پرانیزئ.',
  'live.new_one': '۱ نوی خبر',
  'live.new_many': '{count} نوي خبرونه',
  'live.show_new': 'وې ښایه',
  'live.feed': 'د دې راپور نوي خبرونه تعقیب کړئ (فیډ)',
  'live.feed_title': '{headline}: ژوندي خبرونه',
  'live.entry_title': 'خبر {time}',
};
