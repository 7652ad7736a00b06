// Dari messages of the lite edition, the data-saver link and the mirror list (the same keys as reach_en.ts).
import type { reachEn } from './reach_en.ts';

export const reachFa: Record<keyof typeof reachEn, string> = {
  'lite.link': 'نسخهٔ سبک: فقط متن، کم‌مصرف',
  'lite.name': 'نسخهٔ سبک',
  'lite.title': '{name}: نسخهٔ سبک',
  'lite.full': 'نسخهٔ کامل',
  'lite.full_story': 'این گزارش در نسخهٔ کامل، با عکس‌ها و نظرها',
  'lite.in_language': 'گزارش‌ها به {language}',
  'lite.languages': 'زبان‌ها',
  'mirrors.label': 'اگر این سایت مسدود است، آن را در این نشانی‌ها بخوانید:',
  'export.comment': 'نظرها در سایت اصلی فرستاده می‌شوند: نظر خود را دربارهٔ این گزارش در آن‌جا بنویسید',
};
