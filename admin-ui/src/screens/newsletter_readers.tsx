// Readers: the counts of every list together, a search by address or name, and for each reader their lists with
// their status and consent date, a download of everything kept about them (a data request) and deletion.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, when } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';
import { download, languageName, ListName, num, type NewsletterList } from './newsletter_kit.tsx';

type Readers = Answer<'/api/admin/newsletters/readers', 'get'>;
type Reader = Item<Readers['readers']>;

const SOURCES = ['form', 'staff', 'import:mailchimp', 'import:ghost', 'import:csv'];
const sourceLabel = (s: string) => (SOURCES.includes(s) ? t(`newsletters.source.${s.replace('import:', 'import_')}` as 'newsletters.source.form') : s);

export function ReadersPanel({ lists }: { lists: NewsletterList[] }) {
  const [q, setQ] = useState('');
  const [readers, setReaders] = useState<Reader[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const totals = lists.reduce((s, l) => ({ subscribed: s.subscribed + l.readers.subscribed, pending: s.pending + l.readers.pending, unsubscribed: s.unsubscribed + l.readers.unsubscribed }),
    { subscribed: 0, pending: 0, unsubscribed: 0 });

  const search = async () => {
    setError(null);
    try {
      setReaders((await api<Readers>('GET', `/api/admin/newsletters/readers${query({ q: q.trim() })}`)).readers);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => {
    const timer = setTimeout(() => void search(), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const remove = async (r: Reader) => {
    if (!confirm(t('newsletters.reader_delete_confirm', { email: r.email }))) return;
    try {
      await api('DELETE', `/api/admin/newsletters/readers/${r.id}`);
      setNote(t('newsletters.reader_deleted', { email: r.email }));
      await search();
    } catch (err) {
      setError(err);
    }
  };
  const listOf = (id: number) => lists.find((l) => l.id === id);

  return (
    <>
      <ul class="cards nl-totals">
        <li><span>{t('newsletters.readers.subscribed')}</span><strong>{num(totals.subscribed)}</strong></li>
        <li><span>{t('newsletters.readers.pending')}</span><strong>{num(totals.pending)}</strong></li>
        <li><span>{t('newsletters.readers.unsubscribed')}</span><strong>{num(totals.unsubscribed)}</strong></li>
      </ul>
      <p><small>{t('newsletters.totals_note')}</small></p>
      <search><form onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <Field id="nr-q" label={t('newsletters.find_reader')} hint={t('newsletters.find_reader_hint')}>
          <input id="nr-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </Field>
      </form></search>
      <ErrorNote error={error} retry={search} />
      {note ? <p class="ok" role="status">{note}</p> : null}
      {readers === null ? <p role="status">{t('common.loading')}</p> : readers.length === 0 ? <p>{q.trim() ? t('newsletters.no_readers_found') : t('newsletters.no_readers')}</p> : (
        <>
          <p role="status"><small>{readers.length >= 50 ? t('newsletters.readers_first', { n: readers.length }) : t('newsletters.readers_found', { n: readers.length })}</small></p>
          <div class="nl-table"><table class="nl-readers">
            <thead><tr><th scope="col">{t('newsletters.reader')}</th><th scope="col">{t('newsletters.reader_lists')}</th><th scope="col">{t('newsletters.reader_since')}</th><th scope="col"><span class="visually-hidden">{t('newsletters.actions')}</span></th></tr></thead>
            <tbody>
              {readers.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><bdi>{r.email}</bdi>{r.name ? <><br /><small dir="auto">{r.name}</small></> : null}<br /><small>{languageName(r.language)} · {sourceLabel(r.source)}</small></th>
                  <td data-label={t('newsletters.reader_lists')}>
                    <ul class="nl-memberships">
                      {r.lists.map((m) => {
                        const l = listOf(m.listId);
                        return <li key={m.listId}>{l ? <ListName list={l} /> : `#${m.listId}`} <span class={`label ${m.status}`}>{t(`newsletters.readers.${m.status}`)}</span></li>;
                      })}
                    </ul>
                  </td>
                  <td data-label={t('newsletters.reader_since')}>{when(r.lists[0]?.consentAt ?? r.createdAt)}</td>
                  <td class="nl-actions">
                    <button type="button" class="quiet" onClick={() => void download(`/api/admin/newsletters/readers/${r.id}/export`, `reader-${r.id}.json`, 'application/json').catch(setError)}>{t('newsletters.reader_export')}</button>
                    <button type="button" class="quiet danger" onClick={() => void remove(r)}>{t('newsletters.delete')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        </>
      )}
    </>
  );
}
