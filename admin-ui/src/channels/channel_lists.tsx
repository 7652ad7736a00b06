// The alerts sent with their figures (sent, failed, removed: the push service said the reader's subscription is
// gone; waiting: still to send or to retry) and the channel posts with their state, newest first.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

type Alert = Item<Answer<'/api/admin/channels/alerts', 'get'>['alerts']>;
type Post = Item<Answer<'/api/admin/channels/posts', 'get'>['posts']>;

function useList<T>(path: string, key: string): { items: T[] | null; error: unknown } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { void api<Record<string, T[]>>('GET', path).then((r) => setItems(r[key]), setError); }, [path]);
  return { items, error };
}

export function AlertFigures({ when }: { when: (iso: string) => string }) {
  const { items, error } = useList<Alert>('/api/admin/channels/alerts', 'alerts');
  return (
    <section aria-labelledby="alerts-sent">
      <h2 id="alerts-sent">{t('channels.alerts')}</h2>
      {error ? <ErrorNote error={error} /> : null}
      {items && !items.length ? <p>{t('channels.no_alerts')}</p> : null}
      {items?.length ? (
        <table class="figures">
          <thead><tr>
            <th scope="col">{t('channels.alert_when')}</th><th scope="col">{t('channels.alert_language')}</th><th scope="col">{t('channels.alert_text')}</th>
            <th scope="col">{t('channels.alert_sent')}</th><th scope="col">{t('channels.alert_failed')}</th><th scope="col">{t('channels.alert_removed')}</th><th scope="col">{t('channels.alert_pending')}</th>
          </tr></thead>
          <tbody>{items.map((a) => (
            <tr><td>{when(a.createdAt)}</td><td>{a.language}</td><td dir="auto"><a href={a.url}>{a.text}</a></td><td>{a.sent}</td><td>{a.failed}</td><td>{a.removed}</td><td>{a.pending}</td></tr>
          ))}</tbody>
        </table>
      ) : null}
    </section>
  );
}

export function ChannelPosts({ when }: { when: (iso: string) => string }) {
  const { items, error } = useList<Post>('/api/admin/channels/posts', 'posts');
  return (
    <section aria-labelledby="channel-posts">
      <h2 id="channel-posts">{t('channels.posts')}</h2>
      {error ? <ErrorNote error={error} /> : null}
      {items && !items.length ? <p>{t('channels.no_posts')}</p> : null}
      {items?.length ? (
        <table class="figures">
          <thead><tr>
            <th scope="col">{t('channels.alert_when')}</th><th scope="col">{t('channels.post_channel')}</th><th scope="col">{t('channels.post_subject')}</th>
            <th scope="col">{t('channels.post_status')}</th><th scope="col">{t('channels.post_error')}</th>
          </tr></thead>
          <tbody>{items.map((p) => (
            <tr><td>{when(p.postedAt ?? p.createdAt)}</td><td>{p.channel}</td><td>{p.subject}</td><td>{p.status}</td><td>{p.error}</td></tr>
          ))}</tbody>
        </table>
      ) : null}
    </section>
  );
}
