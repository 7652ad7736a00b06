// The lists, grouped by the language their letters are written in, each with its readers by status, its digest
// schedule and a CSV export; a list is made or changed in the form below them.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { isRtl, t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, when } from '../ui.tsx';
import { NamesByLanguage } from './language_names.tsx';
import { download, LANGUAGES, languageName, ListName, num, type NewsletterList } from './newsletter_kit.tsx';

type Draft = Pick<NewsletterList, 'slug' | 'language' | 'names' | 'descriptions' | 'public' | 'digest' | 'digestTime' | 'digestWeekday'>;
const EMPTY: Draft = { slug: '', language: 'en', names: {}, descriptions: {}, public: true, digest: 'off', digestTime: '07:00', digestWeekday: 1 };
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export function ListsPanel({ lists, reload }: { lists: NewsletterList[]; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState<{ id: number | null; draft: Draft } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      if (editing.id === null) await api('POST', '/api/admin/newsletters/lists', editing.draft);
      else await api('PATCH', `/api/admin/newsletters/lists/${editing.id}`, editing.draft);
      setNote(t('newsletters.list_saved'));
      setEditing(null);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (list: NewsletterList) => {
    if (!confirm(t('newsletters.list_delete_confirm', { name: list.names[list.language] ?? list.slug, readers: list.readers.subscribed }))) return;
    try {
      await api('DELETE', `/api/admin/newsletters/lists/${list.id}`);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const set = (change: Partial<Draft>) => editing && setEditing({ ...editing, draft: { ...editing.draft, ...change } });
  const schedule = (l: NewsletterList) => l.digest === 'off' ? t('newsletters.digest_off')
    : l.digest === 'daily' ? t('newsletters.digest_daily_at', { time: l.digestTime })
    : t('newsletters.digest_weekly_at', { day: t(`newsletters.weekday.${l.digestWeekday}` as 'newsletters.weekday.0'), time: l.digestTime });

  return (
    <>
      {note ? <p class="ok" role="status">{note}</p> : null}
      {!editing ? <ErrorNote error={error} /> : null}
      {lists.length === 0 ? <p>{t('newsletters.no_lists')}</p> : null}
      {LANGUAGES.filter((lang) => lists.some((l) => l.language === lang)).map((lang) => (
        <section key={lang} class="nl-group">
          <h2>{languageName(lang)}</h2>
          <div class="nl-table"><table>
            <thead><tr><th scope="col">{t('newsletters.list')}</th><th scope="col">{t('newsletters.readers.subscribed')}</th><th scope="col">{t('newsletters.readers.pending')}</th>
              <th scope="col">{t('newsletters.readers.unsubscribed')}</th><th scope="col">{t('newsletters.digest')}</th><th scope="col"><span class="visually-hidden">{t('newsletters.actions')}</span></th></tr></thead>
            <tbody>
              {lists.filter((l) => l.language === lang).map((l) => (
                <tr key={l.id}>
                  <th scope="row"><ListName list={l} />{l.public ? null : <small> · {t('newsletters.not_public')}</small>}{l.descriptions[l.language] ? <><br /><small lang={l.language} dir={isRtl(l.language) ? 'rtl' : 'ltr'}>{l.descriptions[l.language]}</small></> : null}</th>
                  <td data-label={t('newsletters.readers.subscribed')}><strong>{num(l.readers.subscribed)}</strong></td>
                  <td data-label={t('newsletters.readers.pending')}>{num(l.readers.pending)}</td>
                  <td data-label={t('newsletters.readers.unsubscribed')}>{num(l.readers.unsubscribed)}</td>
                  <td data-label={t('newsletters.digest')}>{schedule(l)}{l.nextDigestAt ? <><br /><small>{t('newsletters.next_digest', { when: when(l.nextDigestAt) })}</small></> : null}</td>
                  <td class="nl-actions">
                    <button type="button" class="quiet" onClick={() => setEditing({ id: l.id, draft: { ...l } })}>{t('newsletters.edit')}</button>
                    <button type="button" class="quiet" onClick={() => void download(`/api/admin/newsletters/lists/${l.id}/export`, `${l.slug}.csv`, 'text/csv')}>{t('newsletters.export_csv')}</button>
                    <button type="button" class="quiet danger" onClick={() => void remove(l)}>{t('newsletters.delete')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        </section>
      ))}
      {editing ? (
        <form class="nl-form" onSubmit={save}>
          <h2>{editing.id === null ? t('newsletters.new_list') : t('newsletters.edit_list')}</h2>
          <ErrorNote error={error} />
          <NamesByLanguage id="nl-name" names={editing.draft.names} label={(l) => t('newsletters.name_in', { language: l })} error={error} field="names" onChange={(names) => set({ names })} />
          <NamesByLanguage id="nl-desc" names={editing.draft.descriptions} max={500} label={(l) => t('newsletters.description_in', { language: l })} error={error} field="descriptions" onChange={(descriptions) => set({ descriptions })} />
          <div class="grid">
            <Field id="nl-slug" label={t('newsletters.slug')} hint={t('newsletters.slug_hint')} error={fieldError(error, 'slug')}>
              <input id="nl-slug" required pattern="[a-z0-9][a-z0-9-]{0,59}" value={editing.draft.slug} onInput={(e) => set({ slug: (e.target as HTMLInputElement).value })} />
            </Field>
            <Field id="nl-lang" label={t('newsletters.language')} error={fieldError(error, 'language')}>
              <select id="nl-lang" value={editing.draft.language} onChange={(e) => set({ language: (e.target as HTMLSelectElement).value })}>
                {LANGUAGES.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
              </select>
            </Field>
            <Field id="nl-digest" label={t('newsletters.digest')} error={fieldError(error, 'digest')}>
              <select id="nl-digest" value={editing.draft.digest} onChange={(e) => set({ digest: (e.target as HTMLSelectElement).value as Draft['digest'] })}>
                <option value="off">{t('newsletters.digest_off')}</option><option value="daily">{t('newsletters.digest_daily')}</option><option value="weekly">{t('newsletters.digest_weekly')}</option>
              </select>
            </Field>
            {editing.draft.digest !== 'off' ? (
              <Field id="nl-time" label={t('newsletters.digest_time')} hint={t('newsletters.digest_time_hint')} error={fieldError(error, 'digestTime')}>
                <input id="nl-time" type="time" value={editing.draft.digestTime} onInput={(e) => set({ digestTime: (e.target as HTMLInputElement).value })} />
              </Field>
            ) : null}
            {editing.draft.digest === 'weekly' ? (
              <Field id="nl-day" label={t('newsletters.digest_day')} error={fieldError(error, 'digestWeekday')}>
                <select id="nl-day" value={String(editing.draft.digestWeekday)} onChange={(e) => set({ digestWeekday: Number((e.target as HTMLSelectElement).value) })}>
                  {WEEKDAYS.map((d) => <option key={d} value={String(d)}>{t(`newsletters.weekday.${d}` as 'newsletters.weekday.0')}</option>)}
                </select>
              </Field>
            ) : null}
          </div>
          <label class="check"><input type="checkbox" checked={editing.draft.public} onChange={(e) => set({ public: (e.target as HTMLInputElement).checked })} /> {t('newsletters.public')}</label>
          <div class="buttons">
            <button type="submit">{t('common.save')}</button>
            <button type="button" class="quiet" onClick={() => { setEditing(null); setError(null); }}>{t('common.cancel')}</button>
          </div>
        </form>
      ) : (
        <p><button type="button" onClick={() => { setNote(''); setEditing({ id: null, draft: EMPTY }); }}>{t('newsletters.new_list')}</button></p>
      )}
    </>
  );
}
