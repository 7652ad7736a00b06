// The dashboard: what needs attention now (comments held, articles in review, articles going out today) and
// the newsroom's recent activity.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { count, t } from '../i18n/index.ts';
import { ErrorNote, Heading, siteInput, siteMoment, when } from '../ui.tsx';
import type { ArticleRow } from './articles.tsx';
import { ReviewLists } from './review_lists.tsx';
import { ActivitySentence, type ActivityEntry } from './activity.tsx';
import type { Answer } from '../api_types.ts';

interface Attention { held?: number; reported?: number; review?: number; today: ArticleRow[] }

export function Dashboard({ me }: ScreenProps) {
  const [data, setData] = useState<Attention | null>(null);
  const [activity, setActivity] = useState<ActivityEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const can = (c: string) => me.capabilities.includes(c);

  const load = async () => {
    setError(null);
    try {
      const [comments, articles, scheduled] = await Promise.all([
        can('comments.moderate') ? api<{ counts: Record<string, number> }>('GET', '/api/admin/comments/counts') : null,
        can('articles.read') ? api<Answer<'/api/admin/articles/counts', 'get'>>('GET', '/api/admin/articles/counts') : null,
        can('articles.read') ? api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ status: 'scheduled', limit: 100 })}`) : null,
      ]);
      // "Today" ends at midnight on the site's clock, not the computer's.
      const lastMinute = siteMoment(`${siteInput(new Date().toISOString()).slice(0, 10)}T23:59`);
      const end = new Date(lastMinute ? Date.parse(lastMinute) + 59_999 : Date.now());
      setData({
        held: comments?.counts.pending, reported: comments?.counts.reported, review: articles?.counts.review,
        today: (scheduled?.articles ?? []).filter((a) => a.scheduled_at && new Date(a.scheduled_at) <= end),
      });
      if (can('audit.read')) setActivity((await api<Answer<'/api/admin/audit', 'get'>>('GET', '/api/admin/audit?limit=15')).entries);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);

  return (
    <section>
      <Heading text="dashboard.title" />
      <p>{t('dashboard.hello', { name: me.user.name })}</p>
      <ErrorNote error={error} retry={load} />
      {data ? (
        <ul class="cards">
          {data.held !== undefined ? <li><a href="/admin/comments"><strong>{count(data.held)}</strong> {t('dashboard.held')}</a></li> : null}
          {data.reported !== undefined ? <li><a href="/admin/comments?tab=reported"><strong>{count(data.reported)}</strong> {t('dashboard.reported')}</a></li> : null}
          {data.review !== undefined ? <li><a href="/admin/articles?status=review"><strong>{count(data.review)}</strong> {t('dashboard.review')}</a></li> : null}
          <li><a href="/admin/articles?status=scheduled"><strong>{count(data.today.length)}</strong> {t('dashboard.today')}</a></li>
        </ul>
      ) : error ? null : <p role="status">{t('common.loading')}</p>}
      {can('articles.create') ? <p><a class="button" href="/admin/articles/new">{t('articles.new')}</a></p> : null}
      {can('articles.read') ? <ReviewLists /> : null}
      {activity ? (
        <>
          <h2>{t('dashboard.activity')}</h2>
          <ul class="activity">
            {activity.map((a) => (
              <li key={a.id}><ActivitySentence e={a} /> <time class="meta" dateTime={a.created_at}>{when(a.created_at)}</time></li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
