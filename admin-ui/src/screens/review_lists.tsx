// The dashboard's review lists: what waits for an editor's review (who submitted it, when) and what was sent back to
// its writer with a note. Editors see the whole newsroom's; writers their own.
import { useEffect, useState } from 'preact/hooks';
import { reviewQueue, type ReviewRow } from '../editor/editorial_api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, when } from '../ui.tsx';

export function ReviewLists() {
  const [q, setQ] = useState<{ waiting: ReviewRow[]; sentBack: ReviewRow[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => { setError(null); reviewQueue().then(setQ, setError); };
  useEffect(load, []);
  if (error) return <ErrorNote error={error} retry={load} />;
  if (!q) return null;
  return (
    <div class="review-lists">
      <h2>{t('review.waiting')}</h2>
      {q.waiting.length ? (
        <ul class="review-waiting">
          {q.waiting.map((r) => (
            <li key={r.id}><a href={`/admin/articles/${r.id}`} dir="auto">{r.headline}</a>{' '}
              <small>{t('review.by_on', { name: r.submitted_by_name ?? t('review.someone'), when: when(r.submitted_at) })}</small></li>
          ))}
        </ul>
      ) : <p>{t('review.nothing_waiting')}</p>}
      {q.sentBack.length ? (
        <>
          <h2>{t('review.sent_back_list')}</h2>
          <ul class="review-sent-back">
            {q.sentBack.map((r) => (
              <li key={r.id}><a href={`/admin/articles/${r.id}`} dir="auto">{r.headline}</a>{' '}
                <small>{t('review.by_on', { name: r.sent_back_by_name ?? t('review.someone'), when: when(r.sent_back_at) })}</small>
                <blockquote dir="auto">{r.note}</blockquote></li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
