// Dari messages of the alerts opt-in, the alerts and the channel posts (the same keys as channels_en.ts).
import type { channelsEn } from './channels_en.ts';

export const channelsFa: Record<keyof typeof channelsEn, string> = {
  'channels.read_more': 'بیشتر بخوانید',
  'alerts.heading': 'هشدار خبرهای فوری',
  'alerts.intro': 'یک هشدار کوتاه روی تلفن یا کمپیوتر شما، وقتی خبر مهمی رخ می‌دهد. بدون حساب و بدون ایمیل.',
  'alerts.button': 'دریافت هشدار خبرهای فوری',
  'alerts.section_only': 'فقط خبرهای {section}',
  'alerts.on': 'هشدارها روشن است.',
  'alerts.off_button': 'خاموش کردن هشدارها',
  'alerts.off': 'هشدارها خاموش شد.',
  'alerts.denied': 'مرورگر شما اعلان‌های این سایت را مسدود کرده است. برای دریافت هشدارها، در تنظیمات مرورگر اجازه دهید.',
  'alerts.failed': 'هشدارها روشن نشد. لطفاً دوباره کوشش کنید.',
};
