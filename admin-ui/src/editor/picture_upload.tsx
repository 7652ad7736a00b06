// Pictures sent to the media library from inside the editor (the body and the hero): each file is checked before it
// is sent (a picture the site can use, at most 20 MB, as the media library says), its progress is shown, and a
// refusal says why in plain words. Typing goes on meanwhile: nothing waits for the upload.
import { useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';
import type { MediaRow } from '../screens/media_picker.tsx';
import { refusalOf } from '../screens/media.tsx';
import { uploadPicture } from './editorial_api.ts';

export interface Sending { id: number; name: string; done: number; error?: string; sent?: MediaRow }

let counter = 0;

/** The files of a paste or a drop, or none when it carries text (a paste from Word brings both: its text wins; a
 * picture copied from a web page brings only an <img> besides the file: the file is taken). */
export function picturesIn(data: DataTransfer | null): File[] {
  if (!data?.files?.length) return [];
  if (data.getData('text/plain').trim()) return [];
  return [...data.files];
}

/** Uploads in turn; `send` answers each file's picture in the library (null when it was refused). */
export function usePictureUpload() {
  const [sending, setSending] = useState<Sending[]>([]);
  const set = (id: number, patch: Partial<Sending>) => setSending((rows) => rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const send = async (files: File[]): Promise<(MediaRow | null)[]> => {
    const out: (MediaRow | null)[] = [];
    for (const file of files) {
      out.push(null);
      const id = ++counter;
      const refused = refusalOf(file);
      setSending((rows) => [...rows.filter((r) => !r.sent && !r.error), { id, name: file.name, done: 0, error: refused ?? undefined }]);
      if (refused) continue;
      try {
        const m = await uploadPicture(file, '', (done) => set(id, { done }));
        set(id, { done: 1, sent: m });
        out[out.length - 1] = m;
      } catch (err) {
        const message = err instanceof ApiError ? err.message : t('error.unknown');
        set(id, { error: t('picture.failed', { message }) });
      }
    }
    return out;
  };
  const dismiss = (id: number) => setSending((rows) => rows.filter((r) => r.id !== id));
  return { sending, send, dismiss };
}

/** The uploads under way and the refusals, each with a way to put the note away. */
export function SendingList({ sending, dismiss }: { sending: Sending[]; dismiss: (id: number) => void }) {
  const shown = sending.filter((s) => !s.sent);
  if (!shown.length) return null;
  return (
    <ul class="sending">
      {shown.map((s) => (
        <li key={s.id}>
          {s.error ? (
            <span class="error" role="alert">
              <span>{s.error}</span>
              <button type="button" class="quiet" onClick={() => dismiss(s.id)}>{t('common.close')}</button>
            </span>
          ) : (
            <span role="status">{t('picture.uploading')} <span dir="auto">{s.name}</span>{' '}
              <progress max={1} value={s.done} aria-label={t('media.progress', { name: s.name })} /></span>
          )}
        </li>
      ))}
    </ul>
  );
}
