// "Tell readers where to find us": one button that sends the current addresses and the public key to every
// newsletter list's subscribers and each language's channels, then says what went out and what could not (no lists,
// no relay, a language without a channel) in plain words.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Answer } from '../api_types.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';

type Announced = Answer<'/api/admin/mirrors/announce', 'post'>;

export function Announce() {
  const [done, setDone] = useState<Announced | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!confirm(t('mirrors.announce_confirm'))) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await api<Announced>('POST', '/api/admin/mirrors/announce'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const posts = done ? done.posts.reduce((n, p) => n + p.queued, 0) : 0;
  return (
    <div class="mirror-announce">
      <p>{t('mirrors.announce_hint')}</p>
      <button type="button" disabled={busy} onClick={() => void send()}>{t('mirrors.announce')}</button>
      <div role="status">
        {done ? <p class="ok">{t('mirrors.announced', { letters: done.letters.length, posts })}</p> : null}
        {done?.skipped.length ? (
          <>
            <p>{t('mirrors.announce_skipped')}</p>
            <ul>{done.skipped.map((s) => <li key={`${s.reason}${s.language}`}>{t(`mirrors.skip_${s.reason}`, { language: s.language ?? '' })}</li>)}</ul>
          </>
        ) : null}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
