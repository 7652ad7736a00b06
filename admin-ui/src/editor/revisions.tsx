// The article's revision history: who saved which version when, a word-level diff of headline, standfirst and
// body between a chosen version and the newest one, and restoring a version (itself saved as a new revision).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, when } from '../ui.tsx';
import type { ArticleRecord } from './saving.ts';

interface Revision { id: number; headline: string; created_at: string; note: string | null }
interface Part { value: string; added?: boolean; removed?: boolean }
interface Diff { headline: Part[]; standfirst: Part[]; body: Part[] }

function Parts({ parts }: { parts: Part[] }) {
  return <p dir="auto">{parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}</p>;
}

export function Revisions({ articleId, updatedAt, onRestored }: { articleId: number; updatedAt: string; onRestored: (a: ArticleRecord) => void }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Revision[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/admin/articles/${articleId}/revisions`;
  const load = async () => {
    setError(null);
    try { setList((await api<{ revisions: Revision[] }>('GET', base)).revisions); } catch (err) { setError(err); }
  };
  useEffect(() => { if (open) void load(); }, [open, updatedAt]);
  const compare = async (id: number) => {
    setChosen(id);
    setDiff(null);
    try { setDiff((await api<{ diff: Diff }>('GET', `${base}/diff?from=${id}&to=${list![0].id}`)).diff); } catch (err) { setError(err); }
  };
  const restore = async (id: number) => {
    setError(null);
    try {
      onRestored((await api<{ article: ArticleRecord }>('POST', `${base}/${id}/restore`)).article);
      setChosen(null);
      setDiff(null);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <details class="revisions" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('revisions.title')}</summary>
      <ErrorNote error={error} retry={load} />
      {list === null ? null : (
        <ol>
          {list.map((r, i) => (
            <li key={r.id}>
              <time dateTime={r.created_at}>{when(r.created_at)}</time> <span dir="auto">{r.headline}</span>
              {i > 0 ? (
                <span class="buttons">
                  <button type="button" class="quiet" aria-pressed={chosen === r.id} onClick={() => compare(r.id)}>{t('revisions.compare')}</button>
                  <button type="button" class="quiet" onClick={() => restore(r.id)}>{t('revisions.restore')}</button>
                </span>
              ) : <em> {t('revisions.current')}</em>}
            </li>
          ))}
        </ol>
      )}
      {diff ? (
        <section class="diff" aria-label={t('revisions.diff')}>
          <h3>{t('article.headline')}</h3><Parts parts={diff.headline} />
          <h3>{t('article.standfirst')}</h3><Parts parts={diff.standfirst} />
          <h3>{t('article.body')}</h3><Parts parts={diff.body} />
        </section>
      ) : null}
    </details>
  );
}
