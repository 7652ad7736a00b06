// What the editor says about saving: "Saved 10 s ago", "Saving…", "Offline: kept on this device", or a conflict
// with the choice between this person's text and the other change. Announced politely to screen readers.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { SaveState } from './saving.ts';

function ago(at: number): string {
  const s = Math.max(0, Math.round((Date.now() - at) / 1000));
  return s < 60 ? t('save.saved_seconds', { s }) : t('save.saved_minutes', { m: Math.round(s / 60) });
}

export function SaveStatus({ state, onKeepMine, onTakeTheirs, onRetry }: { state: SaveState; onKeepMine: () => void; onTakeTheirs: () => void; onRetry: () => void }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => tick((n) => n + 1), 5000);
    return () => window.clearInterval(timer);
  }, []);
  const text = state.kind === 'saved' ? ago(state.at) : state.kind === 'saving' ? t('save.saving') : state.kind === 'unsaved' ? t('save.unsaved')
    : state.kind === 'offline' ? t('save.offline') : state.kind === 'conflict' ? t('save.conflict') : t('save.refused');
  return (
    <div class={`save-status ${state.kind}`}>
      <p role="status" aria-live="polite">{text}</p>
      {state.kind === 'offline' ? <button type="button" class="quiet" onClick={onRetry}>{t('common.retry')}</button> : null}
      {state.kind === 'conflict' ? (
        <p>
          <button type="button" onClick={onKeepMine}>{t('save.keep_mine')}</button>{' '}
          <button type="button" class="quiet" onClick={onTakeTheirs}>{t('save.take_theirs')}</button>
        </p>
      ) : null}
    </div>
  );
}
