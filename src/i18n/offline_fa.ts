// Dari messages of the offline edition and its page on the site (the same keys as offline_en.ts).
import type { offlineEn } from './offline_en.ts';

export const offlineFa: Record<keyof typeof offlineEn, string> = {
  'offline.title': '{name}: نسخهٔ آفلاین {date}',
  'offline.name': 'نسخهٔ آفلاین',
  'offline.contents': 'فهرست',
  'offline.day': '{count, plural, one {# گزارش نشرشده در {date}} other {# گزارش نشرشده در {date}}}',
  'offline.latest': '{count, plural, one {تازه‌ترین گزارش تا {date}} other {# گزارش تازه تا {date}}}',
  'offline.no_connection': 'این فایل به انترنت نیاز ندارد: آن را در تلفن خود نگه دارید و به دیگران بدهید.',
  'offline.to_contents': 'بازگشت به فهرست',
  'offline.read_online': 'این گزارش در سایت',
  'offline.made': 'ساخته‌شده در {date}.',
  'offline.key': 'کلید عمومی اتاق خبر، برای وارسی این‌که این فایل به‌راستی از ماست:',
  'offline.onion': 'نشانی پیاز تور:',
  'offline.link': 'نسخهٔ آفلاین: گزارش‌های روز در یک فایل',
  'offline.page_title': 'نسخه‌های آفلاین',
  'offline.page_intro': 'گزارش‌های هر روز در یک فایل که بدون انترنت باز می‌شود: یک صفحهٔ وب برای هر مرورگر تلفن، یا یک کتاب الکترونیکی (EPUB). آن را ذخیره کنید و با بلوتوث، کارت حافظه یا یک پیام‌رسان با دیگران شریک سازید.',
  'offline.html': 'صفحهٔ وب ({size})',
  'offline.epub': 'کتاب الکترونیکی، EPUB ({size})',
  'offline.none': 'هنوز هیچ نسخهٔ آفلاین ساخته نشده است.',
  'offline.signed': 'هر فایل در فهرستی آمده است که با کلید اتاق خبر امضا شده است:',
  'offline.kb': '{size} کیلوبایت',
  'offline.mb': '{size} مگابایت',
};
