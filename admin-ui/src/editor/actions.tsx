// The moves the server says this person may make now (article.moves): a writer submits for review; whoever may
// publish publishes, schedules (in the site's time zone), presses Update on a published story's unpublished changes,
// unpublishes and archives; an editor sends a story in review back with a note. Pending typing is saved first, and
// each move names the version the person saw, so a change made meanwhile is refused rather than published unseen.
// On a phone the bar stays at the bottom of the screen, in reach without scrolling past the form.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { moveArticle, type Move } from './editorial_api.ts';
import type { ArticleRecord } from './saving.ts';
import { isoToSiteTime, siteTimeToIso, whenIn } from './site_time.ts';

/** The buttons of the bar, most important first; Archive and Unpublish are quiet (never styled as the main action). */
const BAR: Move[] = ['update', 'publish', 'submit', 'send_back', 'unpublish', 'archive'];
const QUIET = new Set<Move>(['unpublish', 'archive', 'send_back']);

function SiteClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return <small class="site-time">{t('editor.site_time', { time: whenIn(now, timeZone) })}</small>;
}

export function ArticleActions({ article, base, beforeMove, onMoved }: {
  article: ArticleRecord; base: () => string | null; beforeMove: () => Promise<void>; onMoved: (a: ArticleRecord) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const zone = article.time_zone ?? 'UTC';
  const [at, setAt] = useState(article.scheduled_at ? isoToSiteTime(article.scheduled_at, zone) : '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [correction, setCorrection] = useState('');
  const [corrected, setCorrected] = useState(false);
  const moves = article.moves ?? [];
  const s = article.status;
  // A correction is a publishing act on this story: offered only to whoever may publish it now (an author whose
  // stories go through review may not, whatever her role's capabilities say).
  const corrects = s === 'published' && moves.includes('unpublish');

  const run = async (move: Exclude<Move, 'discard'>, body?: unknown) => {
    setError(null);
    setBusy(true);
    try {
      await beforeMove();
      onMoved(await moveArticle(article.id, move, base(), body));
      if (move === 'send_back') setNote(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const schedule = () => {
    const iso = siteTimeToIso(at, zone);
    if (iso) void run('schedule', { at: iso });
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
  const bar = BAR.filter((m) => moves.includes(m));

  return (
    <div class="actions">
      <p>{t('editor.status')} <strong>{t(`state.${s}` as MessageKey)}</strong>
        {s === 'scheduled' && article.scheduled_at ? <> {t('editor.scheduled_for', { when: whenIn(article.scheduled_at, zone) })}</> : null}</p>
      <ErrorNote error={error} />
      <fieldset class="action-bar" aria-label={t('editor.actions')}>
        {bar.map((m) => (
          <button key={m} type="button" class={QUIET.has(m) ? 'quiet' : undefined} disabled={busy}
            onClick={() => (m === 'send_back' ? setNote(note ?? '') : run(m as Exclude<Move, 'discard'>))}>{t(`move.${m}` as MessageKey)}</button>
        ))}
        <button type="button" class="quiet" onClick={preview}>{t('move.preview')}</button>
      </fieldset>
      {note !== null ? (
        <div class="field send-back">
          <label for="send-back-note">{t('review.note_label')}</label>
          <textarea id="send-back-note" dir="auto" rows={3} maxLength={2000} value={note} aria-describedby="send-back-hint"
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          <small id="send-back-hint">{t('review.note_hint')}</small>
          <p class="buttons">
            <button type="button" disabled={busy || !note.trim()} onClick={() => run('send_back', { note })}>{t('review.send')}</button>
            <button type="button" class="quiet" onClick={() => setNote(null)}>{t('review.cancel')}</button>
          </p>
        </div>
      ) : null}
      {moves.includes('schedule') ? (
        <div class="schedule">
          <label for="schedule-at">{t('editor.schedule_zone', { zone })}</label>
          <input id="schedule-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
          <SiteClock timeZone={zone} />
          <button type="button" class="quiet" disabled={!at || busy} onClick={schedule}>{t('move.schedule')}</button>
        </div>
      ) : null}
      {corrects ? (
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
