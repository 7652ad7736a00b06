// Pashto messages of the alerts opt-in, the alerts and the channel posts (the same keys as channels_en.ts).
import type { channelsEn } from './channels_en.ts';

export const channelsPs: Record<keyof typeof channelsEn, string> = {
  'channels.read_more': 'نور ولولئ',
  'alerts.heading': 'د بېړنیو خبرونو خبرتیاوې',
  'alerts.intro': 'کله چې مهم خبر پېښ شي، ستاسو په ټیلیفون یا کمپیوټر یوه لنډه خبرتیا. نه حساب ته اړتیا شته، نه برېښنالیک ته.',
  'alerts.button': 'د بېړنیو خبرونو خبرتیاوې ترلاسه کړئ',
  'alerts.section_only': 'یوازې د {section} خبرونه',
  'alerts.on': 'خبرتیاوې فعالې دي.',
  'alerts.off_button': 'خبرتیاوې بندې کړئ',
  'alerts.off': 'خبرتیاوې بندې شوې.',
  'alerts.denied': 'ستاسو براوزر د دې سایټ خبرتیاوې بندې کړې دي. د خبرتیاوو لپاره یې د براوزر په تنظیماتو کې اجازه ورکړئ.',
  'alerts.failed': 'خبرتیاوې فعالې نه شوې. مهرباني وکړئ بیا هڅه وکړئ.',
};
