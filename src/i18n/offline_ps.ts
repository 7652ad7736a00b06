// Pashto messages of the offline edition and its page on the site (the same keys as offline_en.ts).
import type { offlineEn } from './offline_en.ts';

export const offlinePs: Record<keyof typeof offlineEn, string> = {
  'offline.title': '{name}: د {date} آفلاین بڼه',
  'offline.name': 'آفلاین بڼه',
  'offline.contents': 'لړلیک',
  'offline.day': '{count, plural, one {# راپور چې په {date} خپور شوی} other {# راپورونه چې په {date} خپاره شوي}}',
  'offline.latest': '{count, plural, one {تر {date} پورې وروستی راپور} other {تر {date} پورې وروستي # راپورونه}}',
  'offline.no_connection': 'دا فایل انټرنېټ ته اړتیا نه لري: په خپل تلیفون کې یې وساتئ او نورو ته یې ورکړئ.',
  'offline.to_contents': 'لړلیک ته ستنېدل',
  'offline.read_online': 'دا راپور په سایټ کې',
  'offline.made': 'په {date} جوړ شوی.',
  'offline.key': 'د خبرخونې عامه کیلي، د دې ازموینې لپاره چې دا فایل رښتیا زموږ دی:',
  'offline.onion': 'د تور پیاز پته:',
  'offline.link': 'آفلاین بڼه: د ورځې راپورونه په یوه فایل کې',
  'offline.page_title': 'آفلاین بڼې',
  'offline.page_intro': 'د هرې ورځې راپورونه په یوه فایل کې چې له انټرنېټ پرته پرانیستل کېږي: د هر تلیفون براوزر لپاره یوه وېب پاڼه، یا یو برېښنايي کتاب (EPUB). ویې ساتئ او د بلوتوث، حافظې کارت یا پیغام رسوونکي له لارې یې له نورو سره شریک کړئ.',
  'offline.html': 'وېب پاڼه ({size})',
  'offline.epub': 'برېښنايي کتاب، EPUB ({size})',
  'offline.none': 'تر اوسه هېڅ آفلاین بڼه نه ده جوړه شوې.',
  'offline.signed': 'هر فایل په یوه لړلیک کې راغلی چې د خبرخونې په کیلي لاسلیک شوی دی:',
  'offline.kb': '{size} کیلوبایټه',
  'offline.mb': '{size} مېګابایټه',
};
