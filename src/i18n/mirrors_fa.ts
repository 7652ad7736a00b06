// Dari messages of the addresses sent to readers when the site is blocked (the same keys as mirrors_en.ts).
import type { mirrorsEn } from './mirrors_en.ts';

export const mirrorsFa: Record<keyof typeof mirrorsEn, string> = {
  'mirrors.announce.subject': '{site}: اگر سایت مسدود شد، ما را کجا بخوانید',
  'mirrors.announce.intro': 'اگر {site} در جایی که هستید مسدود است، می‌توانید آن را در هر یک از این نشانی‌ها بخوانید. این پیام را نگه دارید و به دیگران هم بدهید.',
  'mirrors.announce.main': 'سایت اصلی: {url}',
  'mirrors.announce.mirrors': 'نسخه‌های سایت:',
  'mirrors.announce.onion': 'در مرورگر تور: {url}',
  'mirrors.announce.key': 'هر نسخهٔ اصلی با این کلید امضا شده است: {key}',
  'mirrors.announce.post': 'اگر {site} در جایی که هستید مسدود است، آن را اینجا بخوانید:',
};
