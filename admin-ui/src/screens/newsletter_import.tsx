// Import from CSV: Mailchimp's audience export or Ghost's member export (or any CSV with an email column). The file
// is read in the browser and sent for a preview first: what kind of export it is, how many readers come in new or
// are already known, the first rows as they will be stored, and every line that cannot be, with why. Nothing is
// written until the import is confirmed.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, when } from '../ui.tsx';
import { listLabel, num, type NewsletterList } from './newsletter_kit.tsx';

interface Row { row: number; email: string; name: string; status: 'subscribed' | 'unsubscribed'; consentAt: string; confirmedAt: string | null }
interface Report { added: number; updated: number; skipped: { row: number; reason: string }[]; source: string; rows?: Row[] }
const MAX_BYTES = 50 * 1024 * 1024;

export function ImportPanel({ lists, reload }: { lists: NewsletterList[]; reload: () => Promise<void> }) {
  const [listId, setListId] = useState(lists[0]?.id ?? 0);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!lists.length) return <p>{t('newsletters.make_list_first')}</p>;
  const pick = async (input: HTMLInputElement) => {
    setPreview(null);
    setDone(null);
    setError(null);
    const f = input.files?.[0];
    if (!f) { setFile(null); return; }
    if (f.size > MAX_BYTES) { setError(new ApiError(413, t('newsletters.import_too_big'))); return; }
    setFile({ name: f.name, text: await f.text() });
  };
  const run = async (previewOnly: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<Report>('POST', `/api/admin/newsletters/lists/${listId}/import`, { csv: file.text, preview: previewOnly });
      if (previewOnly) setPreview(r);
      else { setDone(r); setPreview(null); setFile(null); await reload(); }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const list = lists.find((l) => l.id === listId) ?? lists[0];

  return (
    <div class="nl-import">
      <p>{t('newsletters.import_intro')}</p>
      <div class="grid">
        <Field id="ni-list" label={t('newsletters.import_into')}>
          <select id="ni-list" value={String(listId)} onChange={(e) => { setListId(Number((e.target as HTMLSelectElement).value)); setPreview(null); }}>
            {lists.map((l) => <option key={l.id} value={String(l.id)}>{listLabel(l)}</option>)}
          </select>
        </Field>
        <Field id="ni-file" label={t('newsletters.import_file')} hint={t('newsletters.import_file_hint')}>
          <input id="ni-file" type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target as HTMLInputElement)} />
        </Field>
      </div>
      <ErrorNote error={error} />
      {done ? <p class="ok" role="status">{t('newsletters.import_done', { added: num(done.added), updated: num(done.updated), skipped: num(done.skipped.length) })}</p> : null}
      {file && !preview ? <p><button type="button" disabled={busy} onClick={() => void run(true)}>{t('newsletters.import_check')}</button></p> : null}
      {preview && file ? (
        <section class="nl-import-preview" aria-live="polite">
          <h2>{t('newsletters.import_preview', { file: file.name })}</h2>
          <p>{t(`newsletters.import_kind.${preview.source.replace('import:', '')}` as 'newsletters.import_kind.csv')}</p>
          <ul class="cards">
            <li><span>{t('newsletters.import_new')}</span><strong>{num(preview.added)}</strong></li>
            <li><span>{t('newsletters.import_known')}</span><strong>{num(preview.updated)}</strong></li>
            <li class={preview.skipped.length ? 'warn' : undefined}><span>{t('newsletters.import_skipped')}</span><strong>{num(preview.skipped.length)}</strong></li>
          </ul>
          {preview.rows?.length ? (
            <div class="nl-table"><table>
              <caption>{t('newsletters.import_first_rows', { n: preview.rows.length })}</caption>
              <thead><tr><th scope="col">{t('newsletters.import_line')}</th><th scope="col">{t('newsletters.reader')}</th><th scope="col">{t('newsletters.import_status')}</th><th scope="col">{t('newsletters.import_consent')}</th></tr></thead>
              <tbody>{preview.rows.map((r) => (
                <tr key={r.row}><td data-label={t('newsletters.import_line')}>{r.row}</td><th scope="row"><bdi>{r.email}</bdi>{r.name ? <><br /><small dir="auto">{r.name}</small></> : null}</th>
                  <td data-label={t('newsletters.import_status')}>{t(`newsletters.readers.${r.status}`)}</td><td data-label={t('newsletters.import_consent')}>{when(r.consentAt)}</td></tr>
              ))}</tbody>
            </table></div>
          ) : null}
          {preview.skipped.length ? (
            <div class="nl-table"><table class="nl-skipped">
              <caption>{t('newsletters.import_problems')}</caption>
              <thead><tr><th scope="col">{t('newsletters.import_line')}</th><th scope="col">{t('newsletters.import_why')}</th></tr></thead>
              <tbody>{preview.skipped.slice(0, 200).map((s) => <tr key={s.row}><td data-label={t('newsletters.import_line')}>{s.row}</td><td data-label={t('newsletters.import_why')}>{s.reason}</td></tr>)}</tbody>
            </table></div>
          ) : null}
          <div class="buttons">
            <button type="button" disabled={busy || preview.added + preview.updated === 0} onClick={() => void run(false)}>
              {t('newsletters.import_go', { n: num(preview.added + preview.updated), list: listLabel(list) })}</button>
            <button type="button" class="quiet" onClick={() => { setPreview(null); setFile(null); }}>{t('common.cancel')}</button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
