// Khabar Daily in Dari and Pashto: the site's name, line and section names in each, the reporters of the Dari and
// Pashto desks, their house ads, and the words around their stories (subheads, desk notes, hero captions).
import type { LocalizedSite } from '../content/settings.ts';
import type { DemoPerson, SectionContext } from './types.ts';

export type LocalLanguage = 'fa' | 'ps';

export const LOCALIZED: Record<LocalLanguage, LocalizedSite> = {
  fa: {
    name: 'روزنامهٔ خبر',
    description: 'روزنامهٔ خبر یک نهاد خبری مستقل در کابل است که در سال ۱۳۸۹ خورشیدی (۲۰۱۰) تأسیس شد.',
    sections: {
      'immigration-news': 'مهاجرت', 'world-news': 'اخبار جهان', politics: 'سیاست', economy: 'اقتصاد',
      health: 'صحت', culture: 'فرهنگ و معارف', environment: 'محیط زیست و هوا', sport: 'ورزش',
    },
    social: {
      '/newsletters': 'خبرنامه',
      'https://social.khabar-daily.example/@khabardaily': 'ماستودون',
      'https://audio.khabar-daily.example/the-morning-file': 'پادکست',
    },
  },
  ps: {
    name: 'خبر ورځپاڼه',
    description: 'خبر ورځپاڼه په کابل کې یوه خپلواکه خبري اداره ده چې په ۱۳۸۹ لمریز کال (۲۰۱۰) کې جوړه شوې ده.',
    sections: {
      'immigration-news': 'کډوالي', 'world-news': 'د نړۍ خبرونه', politics: 'سیاست', economy: 'اقتصاد',
      health: 'روغتیا', culture: 'کلتور او ښوونه', environment: 'چاپېریال او هوا', sport: 'ورزش',
    },
    social: {
      '/newsletters': 'خبرپاڼه',
      'https://social.khabar-daily.example/@khabardaily': 'ماستوډون',
      'https://audio.khabar-daily.example/the-morning-file': 'پاډکاسټ',
    },
  },
};

export interface LocalPerson extends DemoPerson {
  language: LocalLanguage;
}

export const LOCAL_PEOPLE: LocalPerson[] = [
  { key: 'zohra', language: 'fa', name: 'زهره احمدی', role: 'خبرنگار اقتصاد و هوا',
    bio: 'زهره احمدی از سال ۱۳۹۷ در بخش دری روزنامهٔ خبر دربارهٔ بازارها، قیمت‌ها، زراعت و آب و هوا گزارش می‌دهد. او در پوهنتون کابل اقتصاد خوانده و پیش از پیوستن به روزنامه در یک مؤسسهٔ قرضه‌های کوچک کار می‌کرد. هر هفته قیمت آرد را در دوازده دکان ثبت می‌کند.' },
  { key: 'fereshta', language: 'fa', name: 'فرشته رسولی', role: 'خبرنگار صحت و معارف',
    bio: 'فرشته رسولی دربارهٔ شفاخانه‌ها، مکتب‌ها و زندگی روزمرهٔ خانواده‌های کابل می‌نویسد. او پیش از روزنامه‌نگاری پنج سال نرس بود و هنوز هم گزارش‌های صحی را با پرسیدن از نرس‌های نوبت شب آغاز می‌کند. از سال ۱۳۹۹ با روزنامهٔ خبر کار می‌کند.' },
  { key: 'hamid', language: 'fa', name: 'حمیدالله نظری', role: 'خبرنگار فرهنگ و ورزش',
    bio: 'حمیدالله نظری دربارهٔ ورزش، هنر و میراث فرهنگی کابل گزارش می‌دهد؛ از باشگاه‌های کوچک محله تا عکاسخانه‌های قدیمی شهر. او در هرات بزرگ شده و پیش از پیوستن به روزنامهٔ خبر در سال ۱۳۹۵، گزارشگر یک رادیوی محلی بود.' },
  { key: 'najib', language: 'ps', name: 'نجیب‌الله شینواري', role: 'د اقتصاد او چاپېریال خبریال',
    bio: 'نجیب‌الله شینواري د خبر ورځپاڼې په پښتو څانګه کې د ختیځو ولایتونو د کرنې، سوداګرۍ، چاپېریال او ورزش په اړه راپورونه لیکي. هغه په جلال‌اباد کې زېږېدلی او د ننګرهار پوهنتون د ژورنالیزم پوهنځي فارغ دی. له ۱۳۹۶ کال راهیسې له خبر ورځپاڼې سره کار کوي.' },
  { key: 'spozhmai', language: 'ps', name: 'سپوږمۍ وردګ', role: 'د روغتیا او ښوونې خبریاله',
    bio: 'سپوږمۍ وردګ د روغتیا، ښوونې او کلتور په اړه راپورونه لیکي او د مېرمنو او ماشومانو ژوند ته ځانګړې پاملرنه کوي. هغه په میدان وردګ کې لویه شوې او مخکې یې د یوې ځایي راډیو لپاره د ماشومانو خپرونه جوړوله. له ۱۳۹۸ کال راهیسې له خبر ورځپاڼې سره کار کوي.' },
];

/** A portrait's alt text in its subject's language. */
export const PORTRAIT_ALT: Record<LocalLanguage, (name: string) => string> = {
  fa: (name) => `تصویر ${name}`,
  ps: (name) => `د ${name} انځور`,
};

/** The hero illustration's words on a Dari or Pashto story (the illustrations themselves are shared). */
export const HERO_WORDS: Record<LocalLanguage, { alt: string; caption: (section: string) => string; credit: string }> = {
  fa: { alt: 'تصویر انتزاعی رنگارنگ با شکل‌های هندسی', caption: (s) => `تصویری برای گزارش‌های بخش ${s} روزنامهٔ خبر.`, credit: 'تصویر: روزنامهٔ خبر' },
  ps: { alt: 'رنګین انتزاعي انځور له هندسي شکلونو سره', caption: (s) => `د خبر ورځپاڼې د ${s} برخې د راپورونو لپاره انځور.`, credit: 'انځور: خبر ورځپاڼه' },
};

/** Subheads and desk notes of a Dari or Pashto story (its own paragraphs carry it: no background is drawn). */
export const LOCAL_CONTEXT: Record<LocalLanguage, SectionContext> = {
  fa: {
    subheads: ['آنچه مردم می‌گویند', 'ارقام و واقعیت‌ها', 'در میدان', 'پیشینه', 'نگاه به آینده', 'دشواری‌ها'],
    paragraphs: [], lists: [],
    notes: ['اگر دربارهٔ این گزارش معلومات یا نظری دارید، به دری، پشتو یا انگلیسی با روزنامهٔ خبر در تماس شوید.'],
  },
  ps: {
    subheads: ['خلک څه وايي', 'شمېرې او حقیقتونه', 'په ډګر کې', 'شالید', 'راتلونکې ته کتنه', 'ستونزې'],
    paragraphs: [], lists: [],
    notes: ['که د دې راپور په اړه معلومات یا نظر لرئ، له خبر ورځپاڼې سره په پښتو، دري یا انګلیسي اړیکه ونیسئ.'],
  },
};

/** House ads of the Dari and Pashto pages, one per slot and language. */
export const LOCAL_CREATIVES = [
  { slot: 'article-inline', language: 'fa', name: 'Morning File newsletter (Dari)', headline: 'پروندهٔ صبح، هر روز ساعت ۷ در ایمیل شما',
    body: 'پنج خبری که پیش از آغاز روز باید بدانید، به انتخاب ویراستاران روزنامهٔ خبر. رایگان، هر روز کاری.', linkUrl: '/fa/', weight: 2 },
  { slot: 'sidebar', language: 'fa', name: 'Tip line (Dari)', headline: 'خبری دارید؟',
    body: 'اگر چیزی دیده‌اید که باید گزارش شود، به دری، پشتو یا انگلیسی برای ما بفرستید. ما از منابع خود محافظت می‌کنیم.', linkUrl: 'https://tips.khabar-daily.example/', weight: 1 },
  { slot: 'article-inline', language: 'ps', name: 'Morning File newsletter (Pashto)', headline: 'د سهار دوسیه، هره ورځ د سهار په ۷ بجو ستاسو برېښنالیک ته',
    body: 'هغه پنځه خبرونه چې د ورځې له پیل مخکې یې باید ولولئ، د خبر ورځپاڼې د مدیرانو په انتخاب. وړیا، په ټولو کاري ورځو.', linkUrl: '/ps/', weight: 2 },
  { slot: 'sidebar', language: 'ps', name: 'Tip line (Pashto)', headline: 'کوم خبر لرئ؟',
    body: 'که مو څه لیدلي چې باید راپور یې ورکړل شي، موږ ته یې په پښتو، دري یا انګلیسي واستوئ. موږ د خپلو سرچینو ساتنه کوو.', linkUrl: 'https://tips.khabar-daily.example/', weight: 1 },
] as const;
