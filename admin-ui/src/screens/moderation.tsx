// The comment moderation queue: held, reported and spam tabs; each comment with its score and the reasons
// behind it; approve, spam or trash one or several. Keyboard: j/k move between comments, x picks one,
// a approves, s marks spam, t trashes (the picked ones, or the current one when none is picked). Each comment can
// also block its sender (email, address or network); the comment settings and blocks are a link away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../app.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Heading, Tabs, when } from '../ui.tsx';
import { BlockSender } from './block_sender.tsx';

type Tab = 'held' | 'reported' | 'spam';
type Action = 'approve' | 'spam' | 'trash';
interface Comment {
  id: number; author_name: string; author_email: string | null; body: string; score: number; status: string; report_count: number;
  reasons: { phase?: string; reason?: string; delta?: number }[]; article_headline: string; created_at: string; network: string;
}
const FILTER: Record<Tab, Record<string, string | boolean>> = { held: { status: 'pending' }, reported: { reported: true, status: 'approved' }, spam: { status: 'spam' } };
const KEYS: Record<string, Action> = { a: 'approve', s: 'spam', t: 'trash' };

export function Moderation({ params }: ScreenProps) {
  const tab: Tab = (['held', 'reported', 'spam'] as const).find((x) => x === params.get('tab')) ?? 'held';
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
        api<{ comments: Comment[] }>('GET', `/api/admin/comments${query({ ...FILTER[tab], limit: 100 })}`),
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
  useEffect(() => { void load(); }, [tab]);

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

  const tabs = [
    { key: 'held' as const, label: t('moderation.held'), count: counts.pending },
    { key: 'reported' as const, label: t('moderation.reported'), count: counts.reported },
    { key: 'spam' as const, label: t('moderation.spam'), count: counts.spam },
  ];
  const actions: Action[] = tab === 'spam' ? ['approve', 'trash'] : ['approve', 'spam', 'trash'];
  return (
    <section>
      <Heading text="comments.title"><a href="/admin/comments/settings">{t('moderation.settings')}</a></Heading>
      <p class="meta">{t('moderation.keys')}</p>
      <Tabs label={t('moderation.tabs')} current={tab} onPick={(k) => navigate(`/admin/comments${k === 'held' ? '' : `?tab=${k}`}`)} tabs={tabs} />
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {comments?.length ? (
        <p class="buttons bulk">
          {actions.map((a) => (
            <button key={a} type="button" class="quiet" disabled={!picked.size} onClick={() => act(a, [...picked])}>{t(`moderation.bulk_${a}` as MessageKey, { count: picked.size })}</button>
          ))}
        </p>
      ) : null}
      {comments === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : comments.length === 0 ? <p>{t('moderation.empty')}</p> : (
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
