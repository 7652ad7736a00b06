// The demo newsroom's newsletters: a morning digest in each language and breaking alerts in English.
import type { AppContext } from '../context.ts';
import { createList } from '../newsletters/lists.ts';

export async function seedNewsletterLists(ctx: AppContext): Promise<void> {
  await createList(ctx, { slug: 'morning-file', language: 'en', digest: 'daily', digestTime: '07:00',
    names: { en: 'The Morning File', fa: 'پروندهٔ صبح (انگلیسی)', ps: 'د سهار دوسیه (انګلیسي)' },
    descriptions: { en: 'The day\'s stories at 7am Kabul time.' } });
  await createList(ctx, { slug: 'morning-file-dari', language: 'fa', digest: 'daily', digestTime: '07:00',
    names: { fa: 'پروندهٔ صبح', en: 'The Morning File in Dari' }, descriptions: { fa: 'گزارش‌های روز، هر صبح ساعت ۷ به وقت کابل.' } });
  await createList(ctx, { slug: 'morning-file-pashto', language: 'ps', digest: 'daily', digestTime: '07:00',
    names: { ps: 'د سهار دوسیه', en: 'The Morning File in Pashto' }, descriptions: { ps: 'د ورځې راپورونه، هر سهار د کابل په وخت ۷ بجې.' } });
  await createList(ctx, { slug: 'breaking', language: 'en', digest: 'off', names: { en: 'Breaking news alerts' },
    descriptions: { en: 'Only when something big happens.' } });
}
