// What the Newsletters screen's tabs share: the shapes the Admin API answers, a list's name in the interface, the
// language names, numbers and a file download.
import { api } from '../api.ts';
import type { Answer, Item } from '../api_types.ts';
import { isRtl, t, type MessageKey } from '../i18n/index.ts';
import { SITE_LANGUAGES } from './language_names.tsx';

export type NewsletterList = Item<Answer<'/api/admin/newsletters/lists', 'get'>['lists']>;
export type SendFigures = Answer<'/api/admin/newsletters/sends/{id}', 'get'>;

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
