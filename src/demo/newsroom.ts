// The fictional newsroom behind the demo: Khabar Daily's settings, reporters, syndication partners and house ads.
import type { SiteSettings } from '../content/settings.ts';
import { LOCALIZED } from './newsroom_local.ts';
import type { DemoPerson } from './types.ts';

export const SITE: Partial<SiteSettings> = {
  name: 'Khabar Daily',
  description: 'Khabar Daily is a Kabul-based independent news organization established in 2010.',
  language: 'en',
  timeZone: 'Asia/Kabul',
  // Dari and Pashto pages in Solar Hijri (the Gregorian date beside it in the date bar), English in Gregorian.
  calendars: { en: { calendar: 'gregorian', secondDate: false }, fa: { calendar: 'solar-hijri', secondDate: true }, ps: { calendar: 'solar-hijri', secondDate: true } },
  // Dari and Pashto fronts under /fa/ and /ps/, with the site's name, line and sections in each.
  languages: ['fa', 'ps'],
  localized: LOCALIZED,
  social: [
    // the newsroom's own sign-up page (seed.ts puts the site's address in front)
    { label: 'Newsletter', url: '/newsletters' },
    { label: 'Mastodon', url: 'https://social.khabar-daily.example/@khabardaily' },
    { label: 'Podcast', url: 'https://audio.khabar-daily.example/the-morning-file' },
  ],
};

export const PEOPLE: DemoPerson[] = [
  { key: 'mariam', name: 'Mariam Sadat', names: { fa: 'مریم سادات', ps: 'مریم سادات' }, role: 'Immigration Correspondent',
    bio: 'Mariam Sadat covers migration, asylum and return for Khabar Daily from Kabul and the border crossings at Torkham and Islam Qala. Before joining the newsroom in 2016 she worked as a caseworker for a legal aid clinic in Herat. She reads Dari, Pashto and Urdu and still keeps her notebooks in pencil.' },
  { key: 'daniel', name: 'Daniel Okafor', names: { fa: 'دانیل اوکافور', ps: 'ډانیل اوکافور' }, role: 'World News Editor',
    bio: 'Daniel Okafor edits Khabar Daily\'s world desk and writes about diplomacy, trade corridors and the regional powers that shape life in Afghanistan. He previously reported from Nairobi and Istanbul. He joined Khabar Daily in 2019.' },
  { key: 'farid', name: 'Farid Noorzai', names: { fa: 'فرید نورزی', ps: 'فرید نورزی' }, role: 'Political Reporter',
    bio: 'Farid Noorzai reports on provincial government, public budgets and the people who run them. He grew up in Kandahar and studied law in Kabul. His reporting on the provincial water councils won the newsroom\'s internal prize for accountability journalism in 2023.' },
  { key: 'laila', name: 'Laila Hamidi', names: { fa: 'لیلا حمیدی', ps: 'لیلا حمیدي' }, role: 'Economy and Business Reporter',
    bio: 'Laila Hamidi writes about prices, wages, farming and the small businesses that keep Kabul\'s markets running. She trained as an accountant before turning to journalism. She maintains the newsroom\'s monthly basket-of-goods price survey.' },
  { key: 'sami', name: 'Sami Rahimi', names: { fa: 'سمیع رحیمی', ps: 'سمیع رحیمي' }, role: 'Health Correspondent',
    bio: 'Sami Rahimi covers clinics, hospitals and public health across the country\'s central and northern provinces. A former pharmacist, he pays close attention to the supply of medicines and the people who deliver them. He has been with Khabar Daily since 2014.' },
  { key: 'nadia', name: 'Nadia Karimi', names: { fa: 'نادیه کریمی', ps: 'نادیه کریمي' }, role: 'Culture Writer',
    bio: 'Nadia Karimi writes about music, books, craft and the city\'s changing public life. She edits the newsroom\'s weekend culture pages. Her essays on Kabul\'s neighbourhood libraries have been translated into four languages.' },
  { key: 'parisa', name: 'Parisa Azimi', names: { fa: 'پریسا عظیمی', ps: 'پریسا عظیمي' }, role: 'Environment Correspondent',
    bio: 'Parisa Azimi reports on water, air, forests and wildlife, and on the people whose lives depend on them. She studied geology in Kabul and worked for a water survey in the northern provinces before joining Khabar Daily in 2018. She is happiest in hiking boots, a long way from the nearest road.' },
  { key: 'tariq', name: 'Tariq Mansoor', names: { fa: 'طارق منصور', ps: 'طارق منصور' }, role: 'Sport Reporter',
    bio: 'Tariq Mansoor covers cricket, football and the traditional sports of the north and east, from national tournaments to village leagues played on dirt. He played club cricket in Jalalabad until a knee injury ended his career, and joined Khabar Daily\'s sport desk in 2015.' },
];

export interface DemoSource {
  key: 'pamir' | 'harbour';
  name: string;
  description: string;
  siteUrl: string;
  colors: [string, string];
}

export const SOURCES: DemoSource[] = [
  { key: 'pamir', name: 'Pamir Wire', description: 'Pamir Wire is a Dushanbe-based independent news organization established in 2006.',
    siteUrl: 'https://www.pamir-wire.example/', colors: ['#1d3557', '#e9a23b'] },
  { key: 'harbour', name: 'Harbour Ledger', description: 'Harbour Ledger is a Karachi-based independent news organization established in 1998.',
    siteUrl: 'https://harbour-ledger.example/', colors: ['#0b3d2e', '#d1495b'] },
];

export const SLOTS = [
  { key: 'article-inline', name: 'In-article', description: 'Between paragraphs of a story' },
  { key: 'sidebar', name: 'Sidebar', description: 'Beside stories and section pages' },
];

/** English house ads; `days` places the start/end dates of a campaign relative to the day the demo is created. */
export const CREATIVES = [
  { slot: 'article-inline', name: 'Morning File newsletter', headline: 'The Morning File, in your inbox at 7am',
    body: 'Five stories you need before the day begins, chosen by Khabar Daily\'s editors. Free, every weekday.', linkUrl: '/section/world-news', weight: 3, language: 'en' },
  { slot: 'article-inline', name: 'Tip line', headline: 'Seen something we should report?',
    body: 'Send Khabar Daily a tip in Dari, Pashto or English. We protect our sources.', linkUrl: 'https://tips.khabar-daily.example/', weight: 1, language: 'en' },
  { slot: 'sidebar', name: 'Podcast', headline: 'Listen: The Border, Week by Week',
    body: 'Our immigration desk\'s weekly podcast on the people crossing and returning.', linkUrl: '/section/immigration-news', weight: 2, language: 'en' },
  { slot: 'sidebar', name: 'Reader survey', headline: 'Tell us what to cover next',
    body: 'Ten questions, three minutes. The reader survey closes at the end of the month.', linkUrl: 'https://survey.khabar-daily.example/2026',
    weight: 2, days: [-10, 30] as [number, number], language: 'en' },
  { slot: 'sidebar', name: 'Spring book fair', headline: 'Khabar Daily at the Kabul book fair',
    body: 'Meet our culture desk at stand 14.', linkUrl: '/section/culture', weight: 1, days: [-120, -90] as [number, number], language: 'en' },
];
