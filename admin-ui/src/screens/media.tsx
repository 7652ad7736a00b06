// The media library: upload by picking or dropping several pictures (each with its progress; a file that is not a
// picture or is too large is refused before it is sent), the grid with a search over alt text, caption and credit,
// editing a picture's alt text, caption and credit, and deleting it (refused, saying where, while it is used).
import { useEffect, useState } from 'preact/hooks';
import { api, upload } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading } from '../ui.tsx';
import { matches, thumbnail, type MediaRow } from './media_picker.tsx';
import type { Answer } from '../api_types.ts';

/** What the server takes (src/media/images.ts). */
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'];
const MAX_BYTES = 20 * 1024 * 1024;

interface Sending { name: string; done: number; error?: string }

export function refusalOf(file: File): string | null {
  if (!TYPES.includes(file.type)) return t('media.not_picture', { name: file.name });
  if (file.size > MAX_BYTES) return t('media.too_big', { name: file.name, mb: 20 });
  return null;
}

export function MediaLibrary(_props: ScreenProps) {
  const [media, setMedia] = useState<MediaRow[] | null>(null);
  const [words, setWords] = useState('');
  const [sending, setSending] = useState<Sending[]>([]);
  const [editing, setEditing] = useState<MediaRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const load = async () => {
    setError(null);
    try { setMedia((await api<Answer<'/api/admin/media', 'get'>>('GET', '/api/admin/media?limit=200')).media); } catch (err) { setError(err); }
  };
  useEffect(() => { void load(); }, []);

  const send = async (files: File[]) => {
    const rows: Sending[] = files.map((f) => ({ name: f.name, done: 0, error: refusalOf(f) ?? undefined }));
    setSending(rows);
    const update = () => setSending([...rows]);
    for (const [i, file] of files.entries()) {
      if (rows[i].error) continue;
      const form = new FormData();
      form.append('file', file);
      try {
        await upload('/api/admin/media', form, (done) => { rows[i].done = done; update(); });
        rows[i].done = 1;
      } catch (err) {
        rows[i].error = `${file.name}: ${(err as Error).message}`;
      }
      update();
    }
    await load();
  };

  return (
    <section>
      <Heading text="media.title" />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a shortcut; the file input does the same */}
      <div class={over ? 'drop over' : 'drop'} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void send([...(e.dataTransfer?.files ?? [])]); }}>
        <label for="upload">{t('media.upload')}</label>
        <input id="upload" type="file" multiple accept={TYPES.join(',')} onChange={(e) => {
          const input = e.target as HTMLInputElement;
          void send([...(input.files ?? [])]);
          input.value = '';
        }} />
        <small>{t('media.drop_hint')}</small>
      </div>
      {sending.length ? (
        <ul class="sending">
          {sending.map((s, i) => (
            <li key={i}>
              {s.error ? <span class="field-error" role="alert">{s.error}</span> : (
                <><span>{s.name}</span> <progress max={1} value={s.done} aria-label={t('media.progress', { name: s.name })} /></>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p><label>{t('media.search')} <input type="search" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} /></label></p>
      <ErrorNote error={error} retry={load} />
      {editing ? <Describe media={editing} onDone={(m) => { setEditing(null); if (m) setMedia((list) => list?.map((x) => (x.id === m.id ? m : x)) ?? null); }}
        onDeleted={(id) => { setEditing(null); setMedia((list) => list?.filter((x) => x.id !== id) ?? null); }} /> : null}
      {media === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : media.length === 0 ? <p>{t('media.none')}</p> : (
        <ul class="grid">
          {media.filter((m) => matches(m, words)).map((m) => (
            <li key={m.id}>
              <button type="button" class="tile" onClick={() => setEditing(m)} aria-label={t('media.describe', { alt: m.alt || t('media.no_alt') })}>
                <img src={thumbnail(m)} alt="" width={160} height={Math.round((160 * m.height) / m.width)} loading="lazy" />
                <span dir="auto">{m.alt || t('media.no_alt')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Describe({ media, onDone, onDeleted }: { media: MediaRow; onDone: (m: MediaRow | null) => void; onDeleted: (id: number) => void }) {
  const [alt, setAlt] = useState(media.alt ?? '');
  const [caption, setCaption] = useState(media.caption ?? '');
  const [credit, setCredit] = useState(media.credit ?? '');
  const [error, setError] = useState<unknown>(null);
  const [usage, setUsage] = useState<{ id: number; headline: string }[] | null>(null);
  useEffect(() => {
    void api<{ articles: { id: number; headline: string }[] }>('GET', `/api/admin/media/${media.id}/usage`).then((r) => setUsage(r.articles), () => setUsage(null));
  }, [media.id]);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try { onDone((await api<Answer<'/api/admin/media/{id}', 'patch'>>('PATCH', `/api/admin/media/${media.id}`, { alt, caption, credit })).media); } catch (err) { setError(err); }
  };
  const remove = async () => {
    if (!confirm(t('media.delete_ask'))) return;
    setError(null);
    try {
      await api('DELETE', `/api/admin/media/${media.id}`);
      onDeleted(media.id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="describe" onSubmit={save} aria-labelledby="describe-title">
      <h2 id="describe-title">{t('media.describe_title')}</h2>
      <img src={thumbnail(media, 480)} alt={alt} width={240} height={Math.round((240 * media.height) / media.width)} />
      <ErrorNote error={error && !fieldError(error, 'alt') && !fieldError(error, 'caption') && !fieldError(error, 'credit') ? error : null} />
      <Field id="m-alt" label={t('media.alt')} error={fieldError(error, 'alt')}><input id="m-alt" dir="auto" value={alt} onInput={(e) => setAlt((e.target as HTMLInputElement).value)} /></Field>
      <Field id="m-caption" label={t('media.caption')} error={fieldError(error, 'caption')}><input id="m-caption" dir="auto" value={caption} onInput={(e) => setCaption((e.target as HTMLInputElement).value)} /></Field>
      <Field id="m-credit" label={t('media.credit')} error={fieldError(error, 'credit')}><input id="m-credit" dir="auto" value={credit} onInput={(e) => setCredit((e.target as HTMLInputElement).value)} /></Field>
      {usage ? (
        <div>
          <h3>{t('media.used_in')}</h3>
          {usage.length ? <ul>{usage.map((a) => <li key={a.id}><a href={`/admin/articles/${a.id}`} dir="auto">{a.headline}</a></li>)}</ul> : <p>{t('media.unused')}</p>}
        </div>
      ) : null}
      <p class="buttons"><button type="submit">{t('common.save')}</button> <button type="button" class="quiet" onClick={() => onDone(null)}>{t('common.cancel')}</button>
        <button type="button" class="quiet danger" onClick={remove}>{t('media.delete')}</button></p>
    </form>
  );
}
