// What the content screens (sections, tags, people, house ads, site settings) share: a list loaded from the Admin
// API with its error and a reload, the value of an input, and a form's error shown at the top only when the API
// named no field of the form (a field's error sits beside the field).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';

export interface Loaded<T> { rows: T[] | null; error: unknown; reload: () => Promise<void> }

/** GET `path` and take the list under `key`. */
export function useList<T>(path: string, key: string): Loaded<T> {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = async () => {
    setError(null);
    try { setRows((await api<Record<string, T[]>>('GET', path))[key] ?? []); } catch (err) { setError(err); }
  };
  useEffect(() => { void reload(); }, [path]);
  return { rows, error, reload };
}

export const textOf = (e: Event) => (e.target as HTMLInputElement).value;

/** The error of a form, unless the API named one of its fields (then the field shows it). */
export function FormError({ error, fields, retry }: { error: unknown; fields: string[]; retry?: () => void }) {
  if (!error || (error instanceof ApiError && error.field && fields.includes(error.field))) return null;
  return <ErrorNote error={error} retry={retry} />;
}

/** A short confirmation read out by screen readers ("Saved."). */
export function Done({ text }: { text: string }) {
  return <p class="ok" role="status">{text}</p>;
}

/** A form's Save (submits) and Cancel. */
export function SaveOrCancel({ onCancel }: { onCancel: () => void }) {
  return <p class="buttons"><button type="submit">{t('common.save')}</button> <button type="button" class="quiet" onClick={onCancel}>{t('common.cancel')}</button></p>;
}
