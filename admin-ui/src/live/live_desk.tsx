// The live desk of a story (/admin/articles/:id/live): start and end its live coverage, post entries quickly (one
// box and Post, also on a phone), and keep the entries right: mark one key, correct it, delete it. Newest first;
// entries posted by colleagues come in every 20 seconds.
import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from '../session.ts';
import { isRtl, t } from '../i18n/index.ts';
import { ErrorNote, when } from '../ui.tsx';
import { EntryForm } from './entry_form.tsx';
import { changeEntry, deleteEntry, endLive, liveOf, startLive, storyOf, type Coverage, type Entry, type Story } from './live_api.ts';
import './live.css';

/** How often the desk takes in entries posted by others. */
const REFRESH_MS = 20_000;

function EntryItem({ e, dir, onChanged }: { e: Entry; dir: 'rtl' | 'auto'; onChanged: (e: Entry | null) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (f: () => Promise<Entry | null>) => {
    setError(null);
    try { onChanged(await f()); setEditing(null); } catch (err) { setError(err); }
  };
  return (
    <li class={`live-item${e.key ? ' key' : ''}${e.deletedAt ? ' removed' : ''}`} id={`entry-${e.id}`}>
      <p class="meta">
        <time datetime={e.postedAt}>{when(e.postedAt)}</time>
        {e.authorName ? <> · {t('live.by', { name: e.authorName })}</> : null}
        {e.key ? <> · <strong>{t('live.key_mark')}</strong></> : null}
        {e.correctedAt ? <> · {t('live.updated', { time: when(e.correctedAt) })}</> : null}
        {e.deletedAt ? <> · {t('live.deleted', { time: when(e.deletedAt) })}</> : null}
      </p>
      {e.deletedAt ? null : editing !== null ? (
        <form onSubmit={(ev) => { ev.preventDefault(); void act(async () => (await changeEntry(e.id, { text: editing })).entry); }}>
          <textarea dir={dir} rows={3} value={editing} aria-label={t('live.correct')} onInput={(ev) => setEditing((ev.target as HTMLTextAreaElement).value)} />
          <div class="buttons">
            <button type="submit">{t('live.save')}</button>
            <button type="button" class="quiet" onClick={() => setEditing(null)}>{t('live.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <div class="live-text" dir={dir} dangerouslySetInnerHTML={{ __html: e.html }} />
          {e.links.length ? <ul class="meta">{e.links.map((l) => <li><a href={l} rel="noopener noreferrer">{l}</a></li>)}</ul> : null}
          <div class="buttons">
            <button type="button" class="quiet" onClick={() => { void act(async () => (await changeEntry(e.id, { key: !e.key })).entry); }}>{e.key ? t('live.unmark_key') : t('live.mark_key')}</button>
            <button type="button" class="quiet" onClick={() => setEditing(e.text)}>{t('live.correct')}</button>
            <button type="button" class="quiet" onClick={() => { if (confirm(t('live.delete_confirm'))) void act(async () => { await deleteEntry(e.id); return { ...e, deletedAt: new Date().toISOString(), key: false }; }); }}>{t('live.delete')}</button>
          </div>
        </>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </li>
  );
}

export function LiveDesk({ id }: ScreenProps) {
  const [story, setStory] = useState<Story | null>(null);
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setError(null);
    try {
      const [s, l] = await Promise.all([storyOf(id!), liveOf(id!)]);
      setStory(s);
      setCoverage(l.coverage);
      setEntries(l.entries);
    } catch (err) { setError(err); }
  };
  useEffect(() => { void load(); }, [id]);
  // Colleagues post too: their entries come in while the desk is open (the entries only; a correction being written stays).
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.hidden) return;
      void liveOf(id!).then((l) => { setCoverage(l.coverage); setEntries(l.entries); }, () => {});
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [id]);
  if (error && !story) return <ErrorNote error={error} retry={load} />;
  if (!story) return <p role="status">{t('common.loading')}</p>;
  const dir = isRtl(story.language) ? 'rtl' as const : 'auto' as const;
  const run = async (f: () => Promise<{ coverage: Coverage }>) => {
    setError(null);
    try { setCoverage((await f()).coverage); } catch (err) { setError(err); }
  };
  const replace = (e: Entry | null, old: Entry) => e && setEntries(entries.map((x) => (x.id === old.id ? e : x)));

  return (
    <section class="live-desk">
      <p class="meta"><a href={`/admin/articles/${story.id}`}>{t('live.back')}</a>{story.status === 'published' ? <> · <a href={`/articles/${encodeURIComponent(story.slug)}`} target="_blank" rel="noopener">{t('live.see')}</a></> : null}</p>
      <h1>{t('live.title')}</h1>
      <p class="live-headline" dir={dir}>{story.headline}</p>
      <p role="status" class={coverage?.live ? 'live-on' : 'meta'}>
        {coverage?.live ? t('live.status_live', { time: when(coverage.startedAt) }) : coverage ? t('live.status_ended', { time: when(coverage.endedAt) }) : t('live.status_none')}
      </p>
      <div class="buttons">
        {coverage?.live
          ? <button type="button" class="quiet" onClick={() => { if (confirm(t('live.end_confirm'))) void run(() => endLive(story.id)); }}>{t('live.end')}</button>
          : <button type="button" onClick={() => { void run(() => startLive(story.id)); }}>{t('live.start')}</button>}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {coverage?.live ? (story.status === 'published'
        ? <EntryForm articleId={story.id} dir={dir} onPosted={(e) => setEntries([e, ...entries])} />
        : <p role="note">{t('live.not_published')}</p>) : null}
      <h2>{t('live.entries', { count: entries.length })}</h2>
      {entries.length ? (
        <ol class="live-items">{entries.map((e) => <EntryItem key={e.id} e={e} dir={dir} onChanged={(n) => replace(n, e)} />)}</ol>
      ) : <p class="meta">{t('live.none')}</p>}
    </section>
  );
}
