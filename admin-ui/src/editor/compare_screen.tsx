// Two revisions of a story side by side in time, compared word by word across the whole width of the screen:
// headline, standfirst and body, any two versions chosen from the history, and the older one restored into the
// text being edited (for a published story: its working copy, public on Update).
import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote } from '../ui.tsx';
import { DiffView } from './diff_view.tsx';
import { compareRevisions, listRevisions, restoreRevision, type Revision, type TextDiff } from './editorial_api.ts';
import { noteOf } from './revisions.tsx';
import './editorial.css';

export function CompareScreen({ id, params }: ScreenProps) {
  const articleId = id!;
  const [list, setList] = useState<Revision[] | null>(null);
  const [from, setFrom] = useState<number | null>(Number(params.get('from')) || null);
  const [to, setTo] = useState<number | null>(Number(params.get('to')) || null);
  const [diff, setDiff] = useState<TextDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [restored, setRestored] = useState<string | null>(null);

  useEffect(() => {
    listRevisions(articleId).then((l) => {
      setList(l);
      setTo((x) => x ?? l[0]?.id ?? null);
      setFrom((x) => x ?? l.at(-1)?.id ?? null);
    }, setError);
  }, [articleId]);
  useEffect(() => {
    if (!from || !to) return;
    setDiff(null);
    compareRevisions(articleId, from, to).then(setDiff, setError);
    navigate(`/admin/articles/${articleId}/compare?from=${from}&to=${to}`, true);
  }, [from, to]);

  const restore = async () => {
    setError(null);
    try {
      const a = await restoreRevision(articleId, from!);
      setRestored(t('compare.restored', { hint: a.changes ? t('compare.restored_live') : t('compare.restored_draft') }));
    } catch (err) {
      setError(err);
    }
  };
  const pick = (label: string, value: number | null, set: (n: number) => void, idName: string) => (
    <div class="field">
      <label for={idName}>{label}</label>
      <select id={idName} value={value ?? ''} onChange={(e) => set(Number((e.target as HTMLSelectElement).value))}>
        {(list ?? []).map((r) => <option key={r.id} value={r.id}>{`${new Date(r.created_at).toLocaleString()} · ${noteOf(r.note)} · ${r.headline}`}</option>)}
      </select>
    </div>
  );

  return (
    <section class="compare-screen">
      <div class="heading">
        <h1>{t('compare.title')}</h1>
        <a href={`/admin/articles/${articleId}`}>{t('compare.back')}</a>
      </div>
      <ErrorNote error={error} />
      <div class="compare-pickers">
        {pick(t('compare.from'), from, setFrom, 'compare-from')}
        {pick(t('compare.to'), to, setTo, 'compare-to')}
      </div>
      <p class="buttons"><button type="button" class="quiet" disabled={!from} onClick={restore}>{t('compare.restore')}</button></p>
      {restored ? <p role="status" class="ok">{restored}</p> : null}
      {diff ? <DiffView diff={diff} label={t('compare.title')} /> : <p role="status">{t('common.loading')}</p>}
    </section>
  );
}
