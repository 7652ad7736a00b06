// The article's revision history beside the editor: who saved which version when (a save, a checkpoint of the
// typing, a publication, an Update), a link to compare any version with the newest on a full-width screen, and
// restoring a version into the text being edited.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { listRevisions, restoreRevision, type Revision } from './editorial_api.ts';
import type { ArticleRecord } from './saving.ts';
import { whenIn } from './site_time.ts';

const NOTES = new Set(['created', 'autosave', 'edited', 'published', 'updated', 'scheduled']);

/** A revision's note in words ("checkpoint", "updated", "restored from revision 12"). */
export function noteOf(note: string | null): string {
  if (!note) return '';
  return NOTES.has(note) ? t(`revisions.note.${note}` as MessageKey) : note;
}

export function Revisions({ articleId, updatedAt, timeZone, onRestored }: { articleId: number; updatedAt: string; timeZone?: string; onRestored: (a: ArticleRecord) => void }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Revision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setError(null);
    try { setList(await listRevisions(articleId)); } catch (err) { setError(err); }
  };
  useEffect(() => { if (open) void load(); }, [open, updatedAt]);
  const restore = async (id: number) => {
    setError(null);
    try { onRestored(await restoreRevision(articleId, id)); } catch (err) { setError(err); }
  };

  return (
    <details class="revisions" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('revisions.title')}</summary>
      <ErrorNote error={error} retry={load} />
      {list === null ? null : (
        <ol>
          {list.map((r, i) => (
            <li key={r.id}>
              <time dateTime={r.created_at}>{whenIn(r.created_at, timeZone)}</time> <em>{noteOf(r.note)}</em> <span dir="auto">{r.headline}</span>
              {i > 0 ? (
                <span class="buttons">
                  <a class="button quiet" href={`/admin/articles/${articleId}/compare?from=${r.id}&to=${list[0].id}`}>{t('revisions.open_compare')}</a>
                  <button type="button" class="quiet" onClick={() => restore(r.id)}>{t('revisions.restore')}</button>
                </span>
              ) : <em> {t('revisions.current')}</em>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
