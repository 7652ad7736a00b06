// Above a published story's text: "Unpublished changes" (readers still see the published version) with the words
// changed and a way to discard them; and above a story sent back from review, the editor's note.
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { DiffView } from './diff_view.tsx';
import { discardChanges, unpublishedChanges, type UnpublishedChanges } from './editorial_api.ts';
import type { ArticleRecord } from './saving.ts';
import { whenIn } from './site_time.ts';

export function UnpublishedChangesNote({ article, mayUpdate, beforeLook, base, onDiscarded }: {
  article: ArticleRecord; mayUpdate: boolean; beforeLook: () => Promise<void>; base: () => string | null; onDiscarded: (a: ArticleRecord) => void;
}) {
  const [diff, setDiff] = useState<UnpublishedChanges | null>(null);
  const [error, setError] = useState<unknown>(null);
  const see = async () => {
    setError(null);
    if (diff) { setDiff(null); return; }
    try {
      await beforeLook();
      setDiff(await unpublishedChanges(article.id));
    } catch (err) {
      setError(err);
    }
  };
  const discard = async () => {
    if (!window.confirm(t('changes.confirm_discard'))) return;
    setError(null);
    try {
      onDiscarded(await discardChanges(article.id, base()));
      setDiff(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="changes-note" role="status">
      <p>
        <strong>{t('changes.title')}</strong> {article.changes ? t('changes.since', { when: whenIn(article.changes.since, article.time_zone) }) : null}.{' '}
        {mayUpdate ? t('changes.explain') : t('changes.explain_writer')}
      </p>
      <p class="buttons">
        <button type="button" class="quiet" aria-expanded={diff !== null} onClick={see}>{diff ? t('changes.hide') : t('changes.see')}</button>
        {article.moves?.includes('discard') ? <button type="button" class="quiet danger" onClick={discard}>{t('move.discard')}</button> : null}
      </p>
      <ErrorNote error={error} />
      {diff ? (
        <>
          <DiffView diff={diff} label={t('changes.title')} />
          {diff.fields.length ? <p>{t('changes.other_fields', { fields: diff.fields.join(', ') })}</p> : null}
        </>
      ) : null}
    </div>
  );
}

export function ReviewNote({ review, status, timeZone }: { review: NonNullable<ArticleRecord['review']>; status: ArticleRecord['status']; timeZone?: string }) {
  if (status === 'draft' && review.sent_back_at && review.note) {
    return (
      <div class="review-note" role="note">
        <p><strong>{t('review.sent_back', { name: review.sent_back_by_name ?? t('review.someone'), when: whenIn(review.sent_back_at, timeZone) })}</strong></p>
        <blockquote dir="auto">{review.note}</blockquote>
      </div>
    );
  }
  if (status === 'review' && review.submitted_at) {
    return <p class="review-note">{t('review.submitted', { name: review.submitted_by_name ?? t('review.someone'), when: whenIn(review.submitted_at, timeZone) })}</p>;
  }
  return null;
}
