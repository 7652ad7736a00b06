// Choosing a picture from the media library (for the article body and the hero image): a dialog with the
// newest pictures and a search over their alt text, caption and credit.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

/** An image as the media library answers it (GET /api/admin/media). */
export type MediaRow = Item<Answer<'/api/admin/media', 'get'>['media']>;

/** The smallest JPEG variant at least `width` wide (a grid thumbnail), else the original. */
export function thumbnail(m: Pick<MediaRow, 'variants' | 'storage_key'>, width = 240): string {
  const variants = m.variants ?? [];
  const jpegs = variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const v = jpegs.find((x) => x.width >= width) ?? jpegs.at(-1);
  return `/media/${v ? v.key : m.storage_key}`;
}

export function matches(m: MediaRow, words: string): boolean {
  const w = words.trim().toLowerCase();
  // The API answers no file name (the media schema leaves it out), so the words are looked for in what it answers.
  return !w || [m.alt, m.caption, m.credit].some((x) => x.toLowerCase().includes(w));
}

export function MediaPicker({ onPick, onClose }: { onPick: (m: MediaRow) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [media, setMedia] = useState<MediaRow[] | null>(null);
  const [words, setWords] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = () => api<Answer<'/api/admin/media', 'get'>>('GET', '/api/admin/media?limit=200').then((r) => setMedia(r.media), setError);
  useEffect(() => {
    dialog.current?.showModal();
    void load();
  }, []);
  return (
    <dialog ref={dialog} class="picker" aria-labelledby="picker-title" onClose={onClose}>
      <h2 id="picker-title">{t('picker.title')}</h2>
      <label>{t('media.search')} <input type="search" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} /></label>
      <ErrorNote error={error} retry={load} />
      {media === null ? <p role="status">{t('common.loading')}</p> : media.length === 0 ? <p>{t('media.none')}</p> : (
        <ul class="grid">
          {media.filter((m) => matches(m, words)).map((m) => (
            <li key={m.id}>
              <button type="button" class="tile" onClick={() => onPick(m)}>
                <img src={thumbnail(m)} alt="" width={160} height={Math.round((160 * m.height) / m.width)} loading="lazy" />
                <span>{m.alt || t('media.no_alt')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p><button type="button" class="quiet" onClick={() => dialog.current?.close()}>{t('common.close')}</button></p>
    </dialog>
  );
}
