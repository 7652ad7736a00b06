// The audit log: who did what and when, newest first, filtered by person, action and a range of days, fifty to a
// page. The filters live in the address, so a view of the log can be bookmarked and sent to a colleague.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Heading, when } from '../ui.tsx';
import type { StaffMember } from './staff.tsx';
import { ActivitySentence, type ActivityEntry } from './activity.tsx';
import type { Answer } from '../api_types.ts';

type Entry = ActivityEntry;
const PAGE = 50;
const FILTERS = ['actor', 'action', 'from', 'to'] as const;

export function AuditLog({ me, params }: ScreenProps) {
  const page = Math.max(Number(params.get('page')) || 1, 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [people, setPeople] = useState<StaffMember[]>([]);
  const [error, setError] = useState<unknown>(null);
  const key = params.toString();

  const load = async () => {
    setError(null);
    try {
      const q = query({ actorId: filters.actor, action: filters.action, from: filters.from, to: filters.to, limit: PAGE, offset: (page - 1) * PAGE });
      setEntries((await api<Answer<'/api/admin/audit', 'get'>>('GET', `/api/admin/audit${q}`)).entries);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, [key]);
  useEffect(() => {
    if (me.capabilities.includes('users.manage')) void api<Answer<'/api/admin/users', 'get'>>('GET', '/api/admin/users').then((r) => setPeople(r.users), () => {});
  }, []);

  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    navigate(`/admin/audit${query(Object.fromEntries(FILTERS.map((f) => [f, String(form.get(f) ?? '')])))}`);
  };
  const go = (p: number) => navigate(`/admin/audit${query({ ...filters, page: p > 1 ? p : undefined })}`);

  return (
    <section class="people">
      <Heading text="audit.title" />
      <form class="filters" onSubmit={apply} key={key}>
        <label>{t('audit.person')}
          <select name="actor" value={filters.actor}>
            <option value="">{t('common.any')}</option>
            {people.map((p) => <option key={p.id} value={String(p.id)}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('audit.action')} <input name="action" defaultValue={filters.action} placeholder="article.publish" /></label>
        <label>{t('audit.from')} <input type="date" name="from" defaultValue={filters.from} /></label>
        <label>{t('audit.to')} <input type="date" name="to" defaultValue={filters.to} /></label>
        <button type="submit">{t('audit.apply')}</button>
      </form>
      <ErrorNote error={error} retry={load} />
      {entries === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : entries.length === 0 ? <p>{t('audit.none')}</p> : (
        <table class="list audit">
          <caption class="visually-hidden">{t('audit.title')}</caption>
          <thead><tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.details')}</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td><time dateTime={e.created_at}>{when(e.created_at)}</time></td>
                <td><ActivitySentence e={e} /></td>
                <td class="meta">{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t('articles.pages')}>
        <button type="button" class="quiet" disabled={page <= 1} onClick={() => go(page - 1)}>{t('articles.previous')}</button>
        <span>{t('audit.page', { page })}</span>
        <button type="button" class="quiet" disabled={(entries?.length ?? 0) < PAGE} onClick={() => go(page + 1)}>{t('articles.next')}</button>
      </nav>
    </section>
  );
}
