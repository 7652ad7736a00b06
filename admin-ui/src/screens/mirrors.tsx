// Mirrors: the newsroom's public key and how anyone checks a copy with it, each mirror with its status in a word and
// a colour (and what the last push or check found), "Check now", "Remove", "Push now", and the form to add one.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Answer, Item } from '../api_types.ts';
import { CopyField } from '../copy_field.tsx';
import { count, t } from '../i18n/index.ts';
import type { ScreenProps } from '../session.ts';
import { ErrorNote, Heading, when } from '../ui.tsx';
import { useActing } from './acting.ts';
import { AddMirror } from './mirrors_form.tsx';
import { Announce } from './mirrors_announce.tsx';
import './mirrors.css';

type Loaded = Answer<'/api/admin/mirrors', 'get'>;
type Mirror = Item<Loaded['mirrors']>;

function Status({ m }: { m: Mirror }) {
  return (
    <span class={`mirror-status mirror-${m.status}`} data-status={m.status}>
      <span aria-hidden="true" class="dot" />
      {t(`mirrors.status_${m.status}`)}
    </span>
  );
}

export function MirrorsScreen(_: ScreenProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const load = async () => {
    try {
      setLoaded(await api<Loaded>('GET', '/api/admin/mirrors'));
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  };
  const { error, note, setNote, act } = useActing(load);
  useEffect(() => { void load(); }, []);

  if (!loaded) return <section><Heading text="mirrors.title" />{loadError ? <ErrorNote error={loadError} retry={load} /> : <p role="status">{t('common.loading')}</p>}</section>;
  const command = `npx khabar verify-mirror URL --key ${loaded.publicKey}`;

  return (
    <section class="mirrors">
      <Heading text="mirrors.title">
        <button type="button" onClick={() => void act(() => api('POST', '/api/admin/mirrors/push'), t('mirrors.push_requested'))}>{t('mirrors.push_now')}</button>
      </Heading>
      <p>{t('mirrors.intro')}</p>
      <p><small>{loaded.lastExportAt ? t('mirrors.last_export', { time: when(loaded.lastExportAt) }) : t('mirrors.never_exported')}</small></p>
      <CopyField id="mirror-key" label={t('mirrors.key')} value={loaded.publicKey} />
      <p>{t('mirrors.key_hint')}</p>
      <CopyField id="mirror-verify" label={t('mirrors.verify_command')} value={command} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      <ErrorNote error={error} />
      {loaded.mirrors.length === 0 ? <p>{t('mirrors.none')}</p> : (
        <div class="table-scroll">
          <table class="list">
            <thead>
              <tr>
                <th>{t('mirrors.name')}</th><th>{t('mirrors.status')}</th><th>{t('mirrors.files')}</th>
                <th>{t('mirrors.last_push')}</th><th>{t('mirrors.last_check')}</th><th>{t('mirrors.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.mirrors.map((m) => (
                <tr key={m.id} data-mirror={m.id}>
                  <td>
                    <strong>{m.name}</strong><br />
                    <a href={m.publicUrl} dir="ltr" data-native rel="noopener noreferrer" target="_blank">{m.publicUrl}</a><br />
                    <small>{t(`mirrors.kind_${m.kind}`)} · <span dir="ltr">{m.place}</span></small>
                  </td>
                  <td data-label={t('mirrors.status')}><Status m={m} />{m.detail ? <><br /><small class="mirror-detail" dir="auto">{m.detail}</small></> : null}</td>
                  <td data-label={t('mirrors.files')}>{count(m.files)}</td>
                  <td data-label={t('mirrors.last_push')}>{m.lastPushAt ? when(m.lastPushAt) : t('mirrors.never')}</td>
                  <td data-label={t('mirrors.last_check')}>{m.lastCheckAt ? when(m.lastCheckAt) : t('mirrors.never')}</td>
                  <td class="actions">
                    <button type="button" class="quiet" onClick={() => void act(() => api('POST', `/api/admin/mirrors/${m.id}/check`), t('mirrors.checked', { name: m.name }))}>
                      {t('mirrors.check')}<span class="visually-hidden"> {m.name}</span>
                    </button>{' '}
                    <button type="button" class="quiet danger" onClick={() => void act(() => api('DELETE', `/api/admin/mirrors/${m.id}`), t('mirrors.removed', { name: m.name }), t('mirrors.remove_confirm', { name: m.name }))}>
                      {t('mirrors.remove')}<span class="visually-hidden"> {m.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Announce />
      <AddMirror onAdded={async (name) => { setNote(t('mirrors.added', { name })); await load(); }} />
    </section>
  );
}
