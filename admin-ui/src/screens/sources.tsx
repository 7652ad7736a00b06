// Syndication sources: each partner with how its feed's last poll went (when, the outcome, how many stories were
// new, why it failed), "Poll now", and links to edit a source, add one, and the review queue of partner stories.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Heading, when } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

/** A poll of a source's feed (GET /api/admin/sources/{id}/polls). */
export type Poll = Item<Answer<'/api/admin/sources/{id}/polls', 'get'>['polls']>;
/** A source as GET /api/admin/sources lists it. */
export type SourceRow = Item<Answer<'/api/admin/sources', 'get'>['sources']>;

/** One poll in words: "ok, 3 new of 10" or "failed: the reason". */
export function pollLine(p: Pick<Poll, 'items_new' | 'items_seen' | 'reason'> & { outcome: string }): string {
  const outcome = t(`sources.outcome_${p.outcome}` as MessageKey);
  if (p.outcome === 'ok') return `${outcome}, ${t('sources.new_of', { n: p.items_new, seen: p.items_seen })}`;
  return p.reason ? `${outcome}: ${p.reason}` : outcome;
}

export function Sources(_props: ScreenProps) {
  const [sources, setSources] = useState<SourceRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<number | null>(null);
  const load = async () => {
    try { setSources((await api<Answer<'/api/admin/sources', 'get'>>('GET', '/api/admin/sources')).sources); } catch (err) { setError(err); }
  };
  useEffect(() => { void load(); }, []);

  const poll = async (s: SourceRow) => {
    setError(null);
    setNote('');
    setBusy(s.id);
    try {
      const r = await api<{ poll: { outcome: string; imported: number; seen: number; reason: string } }>('POST', `/api/admin/sources/${s.id}/poll`);
      setNote(`${s.name}: ${pollLine({ outcome: r.poll.outcome, items_seen: r.poll.seen, items_new: r.poll.imported, reason: r.poll.reason })}`);
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="people">
      <Heading text="sources.title">
        <p class="buttons"><a class="button" href="/admin/sources/new">{t('sources.new')}</a> <a class="button quiet" href="/admin/sources/queue">{t('sources.queue')}</a></p>
      </Heading>
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {sources === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : sources.length === 0 ? <p>{t('sources.none')}</p> : (
        <ul class="rows">
          {sources.map((s) => (
            <li key={s.id} class="row">
              <div class="who-is">
                <a href={`/admin/sources/${s.id}`}><strong dir="auto">{s.name}</strong></a>
                <span class="meta">{s.feed_url ?? t('sources.no_feed')} · {s.auto_publish ? t('sources.publishes_at_once') : t('sources.for_review')}</span>
                <span class="meta">{s.lastPoll ? `${t('sources.last_poll', { when: when(s.lastPoll.started_at) })}: ${pollLine(s.lastPoll)}` : t('sources.never_polled')}</span>
              </div>
              {s.feed_url ? (
                <p class="buttons">
                  <button type="button" class="quiet" disabled={busy === s.id} onClick={() => poll(s)}>{t('sources.poll_now')}<span class="visually-hidden"> {s.name}</span></button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
