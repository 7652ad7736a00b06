// People: the names in bylines and the author bio boxes. Each has a name in any script, a line on what they do, a
// short bio, and a photo: picked from the library or uploaded, then cropped to a square (square_crop.tsx).
import { useEffect, useState } from 'preact/hooks';
import { api, upload } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading } from '../ui.tsx';
import { Done, FormError, SaveOrCancel, useList, textOf } from './content_kit.tsx';
import { refusalOf } from './media.tsx';
import { MediaPicker, thumbnail, type MediaRow } from './media_picker.tsx';
import { SquareCrop } from './square_crop.tsx';
import { NamesByLanguage } from './language_names.tsx';
import type { Answer, Item } from '../api_types.ts';

type Person = Item<Answer<'/api/admin/people', 'get'>['people']>;

export function People(_props: ScreenProps) {
  const list = useList<Person>('/api/admin/people', 'people');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [done, setDone] = useState('');
  return (
    <section>
      <Heading text="people.title">
        <button type="button" onClick={() => { setDone(''); setEditing('new'); }}>{t('people.new')}</button>
      </Heading>
      <ErrorNote error={list.error} retry={list.reload} />
      {done ? <Done text={done} /> : null}
      {editing ? (
        <PersonForm key={editing === 'new' ? 'new' : editing.id} person={editing === 'new' ? null : editing} onDone={async (name) => {
          setEditing(null);
          if (name) { setDone(t('common.saved_name', { name })); await list.reload(); }
        }} />
      ) : null}
      {list.rows === null ? (list.error ? null : <p role="status">{t('common.loading')}</p>) : list.rows.length === 0 ? <p>{t('people.none')}</p> : (
        <ul class="people">
          {list.rows.map((p) => (
            <li key={p.id}>
              <PhotoOf id={p.photo_media_id} size={48} />
              <span><strong dir="auto">{p.name}</strong>{p.role_label ? <><br /><small dir="auto">{p.role_label}</small></> : null}</span>
              <button type="button" class="link" aria-label={t('people.edit', { name: p.name })} onClick={() => { setDone(''); setEditing(p); }}>{t('common.edit')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A person's square photo, or nothing. */
function PhotoOf({ id, size, media }: { id: number | null; size: number; media?: MediaRow | null }) {
  const [m, setM] = useState<MediaRow | null>(media ?? null);
  useEffect(() => {
    if (media) { setM(media); return; }
    if (id) void api<Answer<'/api/admin/media/{id}', 'get'>>('GET', `/api/admin/media/${id}`).then((r) => setM(r.media), () => setM(null));
    else setM(null);
  }, [id, media]);
  return m && id ? <img class="portrait" src={thumbnail(m, size * 2)} alt="" width={size} height={Math.round((size * m.height) / m.width)} /> : null;
}

function PersonForm({ person, onDone }: { person: Person | null; onDone: (savedName: string | null) => void }) {
  const [name, setName] = useState(person?.name ?? '');
  const [names, setNames] = useState<Record<string, string>>(person?.names ?? {});
  const [roleLabel, setRoleLabel] = useState(person?.role_label ?? '');
  const [bio, setBio] = useState(person?.bio ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [photoId, setPhotoId] = useState<number | null>(person?.photo_media_id ?? null);
  const [photo, setPhoto] = useState<MediaRow | null>(null);
  const [cropping, setCropping] = useState<MediaRow | null>(null);
  const [picking, setPicking] = useState(false);
  const [sending, setSending] = useState<number | null>(null);
  const [photoError, setPhotoError] = useState<unknown>(null);
  const [refused, setRefused] = useState('');
  const [error, setError] = useState<unknown>(null);

  const send = async (file: File) => {
    setRefused(refusalOf(file) ?? '');
    if (refusalOf(file)) return;
    setPhotoError(null);
    const form = new FormData();
    form.append('file', file);
    form.append('alt', name);
    try {
      setSending(0);
      setCropping((await upload<{ media: MediaRow }>('/api/admin/media', form, setSending)).media);
    } catch (err) { setPhotoError(err); }
    setSending(null);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const body = { name, names, roleLabel, bio, email: email.trim() || null, photoMediaId: photoId };
    try {
      if (person) await api('PATCH', `/api/admin/people/${person.id}`, body);
      else await api('POST', '/api/admin/people', body);
      onDone(name);
    } catch (err) { setError(err); }
  };
  return (
    <form class="describe" onSubmit={save} aria-labelledby="person-form-title">
      <h2 id="person-form-title">{person ? t('people.edit', { name: person.name }) : t('people.new')}</h2>
      <FormError error={error} fields={['name', 'names', 'roleLabel', 'bio', 'email', 'photoMediaId']} />
      <Field id="p-name" label={t('people.name')} hint={t('people.name_hint')} error={fieldError(error, 'name')}>
        <input id="p-name" dir="auto" required maxLength={100} value={name} aria-describedby="p-name-hint" onInput={(e) => setName(textOf(e))} />
      </Field>
      <NamesByLanguage id="p-name-in" names={names} label={(language) => t('languages.person_name', { language })} error={error} field="names" onChange={setNames} />
      <Field id="p-role" label={t('people.role_label')} error={fieldError(error, 'roleLabel')}>
        <input id="p-role" dir="auto" maxLength={100} value={roleLabel} onInput={(e) => setRoleLabel(textOf(e))} />
      </Field>
      <Field id="p-bio" label={t('people.bio')} error={fieldError(error, 'bio')}>
        <textarea id="p-bio" dir="auto" rows={4} maxLength={2000} value={bio} onInput={(e) => setBio((e.target as HTMLTextAreaElement).value)} />
      </Field>
      <Field id="p-email" label={t('people.email')} hint={t('people.email_hint')} error={fieldError(error, 'email')}>
        <input id="p-email" type="email" dir="ltr" maxLength={254} value={email} aria-describedby="p-email-hint" onInput={(e) => setEmail(textOf(e))} />
      </Field>
      <fieldset class="photo">
        <legend>{t('people.photo')}</legend>
        <PhotoOf id={photoId} size={96} media={photo} />
        {fieldError(error, 'photoMediaId') ? <p class="field-error" role="alert">{fieldError(error, 'photoMediaId')}</p> : null}
        <p class="buttons">
          <button type="button" class="quiet" onClick={() => setPicking(true)}>{t('people.photo_pick')}</button>
          <label for="p-upload">{t('people.photo_upload')}</label>
          <input id="p-upload" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            onChange={(e) => { const input = e.target as HTMLInputElement; const f = input.files?.[0]; input.value = ''; if (f) void send(f); }} />
          {photoId ? <button type="button" class="quiet" onClick={() => { setPhotoId(null); setPhoto(null); }}>{t('people.photo_remove')}</button> : null}
        </p>
        {refused ? <p class="field-error" role="alert">{refused}</p> : null}
        {sending !== null ? <progress max={1} value={sending} aria-label={t('people.photo_sending')} /> : null}
        <ErrorNote error={photoError} />
        {cropping ? (
          <SquareCrop media={cropping} onCancel={() => setCropping(null)} onCut={(m) => { setCropping(null); setPhoto(m); setPhotoId(m.id); }} />
        ) : null}
      </fieldset>
      <SaveOrCancel onCancel={() => onDone(null)} />
      {picking ? <MediaPicker onClose={() => setPicking(false)} onPick={(m) => { setPicking(false); setCropping(m); }} /> : null}
    </form>
  );
}
