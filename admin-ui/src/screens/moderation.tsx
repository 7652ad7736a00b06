// The comment moderation queue: held, reported and spam tabs; each comment with its score and the reasons
// behind it; approve, spam or trash one or several. Keyboard: j/k move between comments, x picks one,
// a approves, s marks spam, t trashes (the picked ones, or the current one when none is picked). Each comment can
// also block its sender (email, address or network); the comment settings and blocks are a link away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import type { Answer } from '../api_types.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Heading, Tabs, when } from '../ui.tsx';
import { BlockSender } from './block_sender.tsx';

type Tab = 'all' | 'approved' | 'held' | 'reported' | 'spam' | 'trash';
const TABS: readonly Tab[] = ['all', 'approved', 'held', 'reported', 'spam', 'trash'];
type Action = 'approve' | 'spam' | 'trash';
type CommentList = Answer<'/api/admin/comments', 'get'>;
type Comment = CommentList['comments'][number];
const FILTER: Record<Tab, Record<string, string | boolean>> = {
  all: {}, approved: { status: 'approved' }, held: { status: 'pending' }, reported: { reported: true, status: 'approved' }, spam: { status: 'spam' }, trash: { status: 'trash' },
};
const ACTIONS: Record<Tab, Action[]> = {
  all: ['approve', 'spam', 'trash'], approved: ['spam', 'trash'], held: ['approve', 'spam', 'trash'], reported: ['approve', 'spam', 'trash'], spam: ['approve', 'trash'], trash: ['approve', 'spam'],
};
/** The queue's address for a tab and a search. */
const addressOf = (tab: Tab, q: string) => `/admin/comments${query({ tab: tab === 'held' ? undefined : tab, q: q || undefined })}`;
const KEYS: Record<string, Action> = { a: 'approve', s: 'spam', t: 'trash' };

export function Moderation({ params }: ScreenProps) {
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'held';
  const q = params.get('q') ?? '';
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [current, setCurrent] = useState(0);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const load = async () => {
    setError(null);
    try {
      const [r, c] = await Promise.all([
        api<CommentList>('GET', `/api/admin/comments${query({ ...FILTER[tab], q: q || undefined, limit: 100 })}`),
        api<{ counts: Record<string, number> }>('GET', '/api/admin/comments/counts'),
      ]);
      setComments(r.comments);
      setCounts(c.counts);
      setPicked(new Set());
      setCurrent((i) => Math.min(i, Math.max(r.comments.length - 1, 0)));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, [tab, q]);

  const act = async (action: Action, ids: number[]) => {
    if (!ids.length) return;
    setError(null);
    try {
      await api('POST', '/api/admin/comments/bulk', { ids, action });
      setNote(t(`moderation.done_${action}` as MessageKey, { count: ids.length }));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const targets = () => (picked.size ? [...picked] : comments?.[current] ? [comments[current].id] : []);
  const toggle = (id: number) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id); else next.add(id);
    setPicked(next);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable || !comments?.length) return;
      if (e.key === 'j' || e.key === 'k') {
        const next = Math.min(Math.max(current + (e.key === 'j' ? 1 : -1), 0), comments.length - 1);
        setCurrent(next);
        list.current?.querySelectorAll<HTMLElement>('article')[next]?.focus();
      } else if (e.key === 'x') {
        toggle(comments[current].id);
      } else if (KEYS[e.key]) {
        void act(KEYS[e.key], targets());
      } else {
        return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const tabs: { key: Tab; label: string; count?: number }[] = [
    { key: 'all', label: t('moderation.all'), count: (counts.pending ?? 0) + (counts.approved ?? 0) + (counts.spam ?? 0) + (counts.trash ?? 0) },
    { key: 'approved', label: t('moderation.approved'), count: counts.approved },
    { key: 'held', label: t('moderation.held'), count: counts.pending },
    { key: 'reported', label: t('moderation.reported'), count: counts.reported },
    { key: 'spam', label: t('moderation.spam'), count: counts.spam },
    { key: 'trash', label: t('moderation.trash_tab'), count: counts.trash },
  ];
  const actions = ACTIONS[tab];
  const search = (e: Event) => {
    e.preventDefault();
    navigate(addressOf(tab, String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim()));
  };
  return (
    <section>
      <Heading text="comments.title"><a href="/admin/comments/settings">{t('moderation.settings')}</a></Heading>
      <p class="meta">{t('moderation.keys')}</p>
      <Tabs label={t('moderation.tabs')} current={tab} onPick={(k) => navigate(addressOf(k, q))} tabs={tabs} />
      <search><form class="filters" onSubmit={search} key={q}>
        <label>{t('moderation.search')} <input type="search" name="q" defaultValue={q} aria-describedby="comment-search-hint" /></label>
        <button type="submit">{t('moderation.search_go')}</button>
        {q ? <button type="button" class="quiet" onClick={() => navigate(addressOf(tab, ''))}>{t('moderation.search_clear')}</button> : null}
        <small id="comment-search-hint" class="meta">{t('moderation.search_hint')}</small>
      </form></search>
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {comments?.length ? (
        <p class="buttons bulk">
          {actions.map((a) => (
            <button key={a} type="button" class="quiet" disabled={!picked.size} onClick={() => act(a, [...picked])}>{t(`moderation.bulk_${a}` as MessageKey, { count: picked.size })}</button>
          ))}
        </p>
      ) : null}
      {comments === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : comments.length === 0 ? <p>{q ? t('moderation.found_none', { q }) : t('moderation.empty')}</p> : (
        <ol class="queue" ref={list}>
          {comments.map((c, i) => (
            <li key={c.id}>
              <article tabIndex={i === current ? 0 : -1} class={i === current ? 'current' : ''} aria-labelledby={`c${c.id}-who`} onFocus={() => setCurrent(i)}>
                <header>
                  <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} aria-label={t('moderation.pick', { name: c.author_name })} />
                  <strong id={`c${c.id}-who`} dir="auto">{c.author_name}</strong> <span class="meta">{c.author_email ?? ''} · {c.network}</span>
                  <span class="meta"> · {t('moderation.on')} <span dir="auto">{c.article_headline}</span> · <time dateTime={c.created_at}>{when(c.created_at)}</time></span>
                </header>
                <p class="comment-body" dir="auto">{c.body}</p>
                <p class="meta">{t('moderation.score', { score: c.score.toFixed(2) })}{c.report_count ? ` · ${t('moderation.reports', { count: c.report_count })}` : ''}</p>
                {c.reasons.length ? <ul class="reasons">{c.reasons.map((r, j) => <li key={j}>{r.reason ?? r.phase}{r.delta ? ` (${r.delta > 0 ? '+' : ''}${r.delta})` : ''}</li>)}</ul> : null}
                <p class="buttons">
                  {actions.map((a) => <button key={a} type="button" class={a === 'approve' ? '' : 'quiet'} aria-keyshortcuts={a[0]} onClick={() => act(a, [c.id])}>{t(`moderation.${a}` as MessageKey)}</button>)}
                </p>
                <BlockSender comment={c} onDone={setNote} onError={setError} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
