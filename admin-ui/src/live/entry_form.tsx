// The live desk's entry form: one box and Post, with Key, Send alert and Post to channels (off unless ticked), and
// pictures from the media library. Ctrl+Enter (or Cmd+Enter) posts; the box empties and keeps the focus.
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { ErrorNote, fieldError } from '../ui.tsx';
import { postEntry, recentPictures, thumbOf, type Entry, type Picture } from './live_api.ts';

export function EntryForm({ articleId, dir, onPosted }: { articleId: number; dir: 'rtl' | 'auto'; onPosted: (e: Entry) => void }) {
  const [text, setText] = useState('');
  const [key, setKey] = useState(false);
  const [alert, setAlert] = useState(false);
  const [channels, setChannels] = useState(false);
  const [pictures, setPictures] = useState<Picture[]>([]);
  const [library, setLibrary] = useState<Picture[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  const post = async (ev?: Event) => {
    ev?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const r = await postEntry(articleId, { text, key, alert, channels, mediaIds: pictures.map((p) => p.id) });
      setText('');
      setKey(false);
      setAlert(false);
      setChannels(false);
      setPictures([]);
      setDone(true);
      onPosted(r.entry);
    } catch (err) { setError(err); }
    setBusy(false);
    box.current?.focus();
  };
  const pickFrom = async () => {
    try { setLibrary(library ? null : await recentPictures()); } catch (err) { setError(err); }
  };
  const textError = fieldError(error, 'text') ?? fieldError(error, 'links');

  return (
    <form class="live-form" onSubmit={post}>
      <label for="live-text" class="label">{t('live.entry')}</label>
      <textarea id="live-text" ref={box} dir={dir} rows={4} value={text} maxLength={10000} aria-describedby="live-text-hint"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void post(e); }} />
      <small id="live-text-hint" class="meta">{t('live.entry_hint')}</small>
      {textError ? <small class="field-error" role="alert">{textError}</small> : null}
      {pictures.length ? (
        <ul class="live-pictures">
          {pictures.map((p) => (
            <li><img src={thumbOf(p)} alt={p.alt} width={80} />
              <button type="button" class="quiet" aria-label={t('live.remove_picture', { name: p.alt || String(p.id) })}
                onClick={() => setPictures(pictures.filter((x) => x.id !== p.id))}>×</button></li>
          ))}
        </ul>
      ) : null}
      {library ? (
        <ul class="live-library">
          {library.map((p) => (
            <li><button type="button" class="tile" onClick={() => { if (!pictures.some((x) => x.id === p.id) && pictures.length < 4) setPictures([...pictures, p]); setLibrary(null); }}>
              <img src={thumbOf(p)} alt={p.alt} width={120} />
            </button></li>
          ))}
        </ul>
      ) : null}
      <div class="live-checks">
        <label><input type="checkbox" name="key" checked={key} onChange={(e) => setKey((e.target as HTMLInputElement).checked)} /> {t('live.key')}</label>
        <label><input type="checkbox" name="alert" checked={alert} onChange={(e) => setAlert((e.target as HTMLInputElement).checked)} /> {t('live.alert')}</label>
        <label><input type="checkbox" name="channels" checked={channels} onChange={(e) => setChannels((e.target as HTMLInputElement).checked)} /> {t('live.channels')}</label>
      </div>
      <div class="buttons">
        <button type="submit" disabled={busy}>{busy ? t('live.posting') : t('live.post')}</button>
        <button type="button" class="quiet" onClick={() => { void pickFrom(); }}>{t('live.add_picture')}</button>
        {done ? <span role="status" class="meta">{t('live.posted')}</span> : null}
      </div>
      {error && !textError ? <ErrorNote error={error} /> : null}
    </form>
  );
}
