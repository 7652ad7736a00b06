// Dari messages of the proof of work every public form asks for (the same keys as bot_defence_en.ts).
import type { botDefenceEn } from './bot_defence_en.ts';

export const botDefenceFa: Record<keyof typeof botDefenceEn, string> = {
  'comments.error.pow_missing': 'نظر شما فرستاده نشد: بررسی اینکه از سوی ربات نیست اجرا نشد. این بررسی به جاوااسکریپت نیاز دارد و چند ثانیه طول می‌کشد. لطفاً جاوااسکریپت را روشن کنید و دوباره بفرستید.',
  'comments.error.pow_spent': 'این بررسی پیش‌تر برای نظر دیگری به کار رفته است. لطفاً دوباره بفرستید: بررسی تازه خودبه‌خود آغاز می‌شود.',
  'comments.pow_wait': 'بررسی اینکه ربات نیستید: حدود {seconds} ثانیه روی گوشی.',
  'comments.pow_busy': 'نظرهای زیادی در حال رسیدن است، از همین رو این بررسی بیشتر طول می‌کشد: حدود {seconds} ثانیه روی گوشی.',
};
