// Above a published story's text: "Unpublished changes" (readers still see the published version) with the words
// changed and a way to discard them; and above a story sent back from review, the editor's note. What changed is
// named the way the editor's fields are labelled (Headline, Body, Section), never by the API's field names.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { DiffView } from './diff_view.tsx';
import { discardChanges, type Part, unpublishedChanges, type UnpublishedChanges } from './editorial_api.ts';
import type { ArticleRecord } from './saving.ts';
import { whenIn } from './site_time.ts';

/** The field's name as the editor labels it; a field this app does not know yet is left out rather than shown raw. */
const FIELD_NAMES: Record<string, MessageKey> = {
  headline: 'article.headline', standfirst: 'article.standfirst', body: 'article.body', slug: 'changes.field.slug', sectionId: 'article.section',
  tags: 'article.tags', authorIds: 'changes.field.byline', heroMediaId: 'article.hero', heroAlt: 'changes.field.hero_alt',
  heroCaption: 'changes.field.hero_caption', heroCredit: 'changes.field.hero_credit', language: 'article.language',
  commentsOpen: 'changes.field.comments', noSyndication: 'changes.field.syndication', sourceId: 'article.source', sourceUrl: 'article.source_url',
  seoTitle: 'seo.title', seoDescription: 'seo.description',
};

const differs = (parts: Part[]) => parts.some((p) => p.added || p.removed);

/** What differs from the live version, in the editor's words: the texts first, then the other fields. */
export function changedNames(c: UnpublishedChanges): string[] {
  const keys = [...(['headline', 'standfirst', 'body'] as const).filter((k) => differs(c[k])), ...c.fields];
  return keys.filter((k) => FIELD_NAMES[k]).map((k) => t(FIELD_NAMES[k]));
}

export function UnpublishedChangesNote({ article, mayUpdate, beforeLook, base, onDiscarded }: {
  article: ArticleRecord; mayUpdate: boolean; beforeLook: () => Promise<void>; base: () => string | null; onDiscarded: (a: ArticleRecord) => void;
}) {
  const [diff, setDiff] = useState<UnpublishedChanges | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // What changed, asked again after each save (each answers the article anew).
  useEffect(() => {
    let current = true;
    unpublishedChanges(article.id).then((c) => { if (current) setDiff(c); }, () => {});
    return () => { current = false; };
  }, [article]);
  const see = async () => {
    setError(null);
    if (shown) { setShown(false); return; }
    try {
      await beforeLook();
      setDiff(await unpublishedChanges(article.id));
      setShown(true);
    } catch (err) {
      setError(err);
    }
  };
  const names = diff ? changedNames(diff) : [];
  const discard = async () => {
    if (!window.confirm(t('changes.confirm_discard'))) return;
    setError(null);
    try {
      onDiscarded(await discardChanges(article.id, base()));
      setShown(false);
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
      {names.length ? <p class="changed-fields">{t('changes.what', { fields: names.join(', ') })}</p> : null}
      <p class="buttons">
        <button type="button" class="quiet" aria-expanded={shown} onClick={see}>{shown ? t('changes.hide') : t('changes.see')}</button>
        {article.moves?.includes('discard') ? <button type="button" class="quiet danger" onClick={discard}>{t('move.discard')}</button> : null}
      </p>
      <ErrorNote error={error} />
      {shown && diff ? <DiffView diff={diff} label={t('changes.title')} /> : null}
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
