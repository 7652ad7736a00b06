// What the Newsletters screen's tabs share: the shapes the Admin API answers, a list's name in the interface, the
// language names, numbers and a file download.
import { api } from '../api.ts';
import { isRtl, t, type MessageKey } from '../i18n/index.ts';
import { SITE_LANGUAGES } from './language_names.tsx';

export interface NewsletterList {
  id: number; slug: string; language: string; names: Record<string, string>; descriptions: Record<string, string>;
  sectionIds: number[]; public: boolean; digest: 'off' | 'daily' | 'weekly'; digestTime: string; digestWeekday: number;
  lastDigestAt: string | null; nextDigestAt: string | null;
  readers: { pending: number; subscribed: number; unsubscribed: number };
}

export interface SendFigures {
  id: number; listId: number; kind: 'digest' | 'story' | 'alert'; subject: string; status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
  scheduledAt: string | null; startedAt: string | null; finishedAt: string | null; createdAt: string; recipients: number;
  sent: number; failed: number; skipped: number; left: number; bounced: number; complained: number; unsubscribed: number; clicks: number;
}

export const LANGUAGES = SITE_LANGUAGES;

/** A list's name, in its own language (with lang and dir on the element that shows it). */
export function ListName({ list }: { list: Pick<NewsletterList, 'names' | 'language' | 'slug'> }) {
  const name = list.names[list.language] || Object.values(list.names)[0] || list.slug;
  return <span lang={list.language} dir={isRtl(list.language) ? 'rtl' : 'ltr'}>{name}</span>;
}

export function listLabel(list: Pick<NewsletterList, 'names' | 'language' | 'slug'>): string {
  return `${list.names[list.language] || Object.values(list.names)[0] || list.slug} (${languageName(list.language)})`;
}

export function languageName(code: string): string {
  return (LANGUAGES as readonly string[]).includes(code) ? t(`lang.${code}` as MessageKey) : code;
}

const numbers = new Intl.NumberFormat();
export const num = (n: number) => numbers.format(n);

/** Fetches a text answer of the API (a CSV, JSON) and saves it as a file. */
export async function download(path: string, filename: string, type: string): Promise<void> {
  const body = type === 'application/json' ? JSON.stringify(await api('GET', path), null, 2) : await (await fetch(path, { credentials: 'same-origin' })).text();
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.setAttribute('data-native', '');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function statusLabel(s: SendFigures['status']): string {
  return t(`newsletters.send_status.${s}`);
}
