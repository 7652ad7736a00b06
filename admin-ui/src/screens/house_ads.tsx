// House ads: the slots on the site's pages ("article-inline", "sidebar") and the newsroom's own ads rotated through
// each: a headline, a line, a picture and a link, the dates it runs between, and its weight against the slot's
// others. A preview draws the ad the way the site does, under its "- Advertisement -" label.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading, when } from '../ui.tsx';
import { Done, FormError, SaveOrCancel, useList, textOf } from './content_kit.tsx';
import { AdForm, type Creative } from './house_ad_form.tsx';
import type { Answer, Item } from '../api_types.ts';

type Slot = Item<Answer<'/api/admin/ads/slots', 'get'>['slots']>;

export function HouseAds(_props: ScreenProps) {
  const slots = useList<Slot>('/api/admin/ads/slots', 'slots');
  const [slotId, setSlotId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const slot = slots.rows?.find((s) => s.id === slotId) ?? slots.rows?.[0] ?? null;
  const remove = async (s: Slot) => {
    if (!window.confirm(t('ads.delete_slot_confirm', { name: s.name }))) return;
    setError(null);
    try { await api('DELETE', `/api/admin/ads/slots/${s.id}`); setDone(t('ads.slot_deleted', { name: s.name })); await slots.reload(); } catch (err) { setError(err); }
  };
  return (
    <section>
      <Heading text="ads.title">
        <button type="button" onClick={() => { setDone(''); setAdding(true); }}>{t('ads.new_slot')}</button>
      </Heading>
      <ErrorNote error={slots.error ?? error} retry={slots.reload} />
      {done ? <Done text={done} /> : null}
      {adding ? <SlotForm onDone={async (name) => { setAdding(false); if (name) { setDone(t('common.saved_name', { name })); await slots.reload(); } }} /> : null}
      {slots.rows === null ? (slots.error ? null : <p role="status">{t('common.loading')}</p>) : slots.rows.length === 0 ? <p>{t('ads.no_slots')}</p> : (
        <>
          <h2>{t('ads.slots')}</h2>
          <ul class="slots">
            {slots.rows.map((s) => (
              <li key={s.id}>
                <button type="button" class={s.id === slot?.id ? 'current' : 'quiet'} aria-pressed={s.id === slot?.id} onClick={() => setSlotId(s.id)}>
                  {s.name} <span dir="ltr">({s.key})</span>
                </button>{' '}
                <button type="button" class="link" aria-label={t('ads.delete_slot', { name: s.name })} onClick={() => remove(s)}>{t('common.delete')}</button>
              </li>
            ))}
          </ul>
          {slot ? <SlotAds key={slot.id} slot={slot} /> : null}
        </>
      )}
    </section>
  );
}

function SlotForm({ onDone }: { onDone: (name: string | null) => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try { await api('POST', '/api/admin/ads/slots', { name, description, ...(key.trim() ? { key: key.trim() } : {}) }); onDone(name); } catch (err) { setError(err); }
  };
  return (
    <form class="describe" onSubmit={save} aria-labelledby="slot-form-title">
      <h2 id="slot-form-title">{t('ads.new_slot')}</h2>
      <FormError error={error} fields={['name', 'key', 'description']} />
      <Field id="slot-name" label={t('ads.slot_name')} error={fieldError(error, 'name')}>
        <input id="slot-name" dir="auto" required maxLength={80} value={name} onInput={(e) => setName(textOf(e))} />
      </Field>
      <Field id="slot-key" label={t('ads.slot_key')} hint={t('ads.slot_key_hint')} error={fieldError(error, 'key')}>
        <input id="slot-key" dir="ltr" maxLength={80} value={key} aria-describedby="slot-key-hint" onInput={(e) => setKey(textOf(e))} />
      </Field>
      <Field id="slot-description" label={t('ads.slot_description')} error={fieldError(error, 'description')}>
        <input id="slot-description" dir="auto" maxLength={300} value={description} onInput={(e) => setDescription(textOf(e))} />
      </Field>
      <SaveOrCancel onCancel={() => onDone(null)} />
    </form>
  );
}

function SlotAds({ slot }: { slot: Slot }) {
  const ads = useList<Creative>(`/api/admin/ads/creatives?slot=${slot.id}`, 'creatives');
  const [editing, setEditing] = useState<Creative | 'new' | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const remove = async (c: Creative) => {
    if (!window.confirm(t('ads.delete_confirm', { name: c.name }))) return;
    setError(null);
    try { await api('DELETE', `/api/admin/ads/creatives/${c.id}`); setDone(t('ads.deleted', { name: c.name })); await ads.reload(); } catch (err) { setError(err); }
  };
  const running = (c: Creative) => t(c.active ? (c.weight ? 'ads.runs' : 'ads.weight_zero') : 'ads.paused', {
    from: c.starts_at ? when(c.starts_at) : t('ads.now'), until: c.ends_at ? when(c.ends_at) : t('ads.never'), weight: c.weight,
  });
  return (
    <section aria-labelledby="slot-ads-title">
      <div class="heading">
        <h2 id="slot-ads-title">{t('ads.in_slot', { name: slot.name })}</h2>
        <button type="button" onClick={() => { setDone(''); setEditing('new'); }}>{t('ads.new')}</button>
      </div>
      <ErrorNote error={ads.error ?? error} retry={ads.reload} />
      {done ? <Done text={done} /> : null}
      {editing ? (
        <AdForm key={editing === 'new' ? 'new' : editing.id} slotId={slot.id} slotKey={slot.key} ad={editing === 'new' ? null : editing} onDone={async (name) => {
          setEditing(null);
          if (name) { setDone(t('common.saved_name', { name })); await ads.reload(); }
        }} />
      ) : null}
      {ads.rows === null ? (ads.error ? null : <p role="status">{t('common.loading')}</p>) : ads.rows.length === 0 ? <p>{t('ads.none')}</p> : (
        <table class="list">
          <caption class="visually-hidden">{t('ads.in_slot', { name: slot.name })}</caption>
          <thead><tr><th scope="col">{t('ads.name')}</th><th scope="col">{t('ads.headline')}</th><th scope="col">{t('ads.running')}</th></tr></thead>
          <tbody>
            {ads.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <span dir="auto">{c.name}</span>{' '}
                  <button type="button" class="link" aria-label={t('ads.edit', { name: c.name })} onClick={() => { setDone(''); setEditing(c); }}>{t('common.edit')}</button>{' '}
                  <button type="button" class="link" aria-label={t('ads.delete', { name: c.name })} onClick={() => remove(c)}>{t('common.delete')}</button>
                </td>
                <td dir="auto">{c.headline}</td>
                <td>{running(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
