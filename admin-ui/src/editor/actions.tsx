// The moves an article can make, as the person's role allows: a contributor submits for review; an author
// publishes their own; an editor schedules, publishes, unpublishes and archives anyone's (the server checks
// ownership). Pending changes are saved first. Preview opens the site's real layout through a preview link.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Me } from '../app.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, when } from '../ui.tsx';
import type { ArticleRecord } from './saving.ts';

type Move = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive';

export function ArticleActions({ me, article, beforeMove, onMoved }: {
  me: Me; article: ArticleRecord; beforeMove: () => Promise<void>; onMoved: (a: ArticleRecord) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [correction, setCorrection] = useState('');
  const [corrected, setCorrected] = useState(false);
  const can = (c: string) => me.capabilities.includes(c);
  const publisher = can('articles.publish_own') || can('articles.publish_any');
  const s = article.status;
  const moves: Move[] = [];
  if ((s === 'draft') && !publisher) moves.push('submit');
  if (publisher && (s === 'draft' || s === 'review' || s === 'scheduled')) moves.push('publish');
  if (publisher && s === 'published') moves.push('unpublish');
  if (publisher && s !== 'archived') moves.push('archive');

  const run = async (move: Move) => {
    setError(null);
    setBusy(true);
    try {
      await beforeMove();
      const body = move === 'schedule' ? { at: new Date(at).toISOString() } : undefined;
      onMoved((await api<{ article: ArticleRecord }>('POST', `/api/admin/articles/${article.id}/${move}`, body)).article);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const addCorrection = async () => {
    setError(null);
    try {
      await api('POST', `/api/admin/articles/${article.id}/corrections`, { body: correction });
      setCorrection('');
      setCorrected(true);
    } catch (err) {
      setError(err);
    }
  };
  const preview = async () => {
    setError(null);
    try {
      await beforeMove();
      const r = await api<{ url: string }>('POST', `/api/admin/articles/${article.id}/preview`, {});
      // The preview link names the site's public address; opened on this origin when the app runs elsewhere.
      const u = new URL(r.url);
      window.open(location.origin + u.pathname, '_blank', 'noopener');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div class="actions">
      <p>{t('editor.status')} <strong>{t(`state.${s}` as MessageKey)}</strong>
        {s === 'scheduled' && article.scheduled_at ? <> {t('editor.scheduled_for', { when: when(article.scheduled_at) })}</> : null}</p>
      <ErrorNote error={error} />
      <p class="buttons">
        {moves.map((m) => <button key={m} type="button" disabled={busy} onClick={() => run(m)}>{t(`move.${m}` as MessageKey)}</button>)}
        <button type="button" class="quiet" onClick={preview}>{t('move.preview')}</button>
      </p>
      {publisher && (s === 'draft' || s === 'review' || s === 'scheduled') ? (
        <div class="schedule">
          <label for="schedule-at">{t('editor.schedule_at')}</label>
          <input id="schedule-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
          <button type="button" disabled={!at || busy} onClick={() => run('schedule')}>{t('move.schedule')}</button>
        </div>
      ) : null}
      {publisher && s === 'published' ? (
        <div class="field">
          <label for="correction">{t('editor.correction')}</label>
          <textarea id="correction" dir="auto" rows={2} maxLength={2000} value={correction} onInput={(e) => { setCorrection((e.target as HTMLTextAreaElement).value); setCorrected(false); }} />
          <p class="buttons"><button type="button" class="quiet" disabled={!correction.trim()} onClick={addCorrection}>{t('editor.add_correction')}</button></p>
          {corrected ? <p role="status" class="ok">{t('editor.correction_added')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
