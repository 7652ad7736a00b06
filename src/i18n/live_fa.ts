// Dari messages of live coverage (the same keys as live_en.ts).
import type { liveEn } from './live_en.ts';

export const liveFa: Record<keyof typeof liveEn, string> = {
  'live.badge': 'زنده',
  'live.label': 'گزارش زنده',
  'live.started': 'گزارش زنده از {time} آغاز شد',
  'live.ended': 'گزارش زنده در {time} پایان یافت',
  'live.highlights': 'خبرهای مهم',
  'live.latest': 'تازه‌ترین خبرها',
  'live.key': 'خبر مهم',
  'live.updated': 'تازه شده در {time}',
  'live.removed': 'این خبر در {time} برداشته شد.',
  'live.link_to_entry': 'پیوند این خبر',
  'live.posted_by': 'از {name}',
  'live.see_on': 'دیدن آن در {host}',
  'live.empty': 'نخستین خبرها این‌جا نشان داده می‌شوند.',
  'live.reload': 'برای دیدن تازه‌ترین خبرها، صفحه را دوباره باز کنید.',
  'live.new_one': '۱ خبر تازه',
  'live.new_many': '{count} خبر تازه',
  'live.show_new': 'نشان دادن',
  'live.feed': 'دنبال کردن خبرهای تازهٔ این گزارش (فید)',
  'live.feed_title': '{headline}: خبرهای زنده',
  'live.entry_title': 'خبر {time}',
};
