// The article list: status tabs with counts, words to search for, filters (section, author, language, date),
// paging, and archiving several articles at once. Filters live in the address, so a list can be bookmarked.
import { useEffect, useState } from 'preact/hooks';
import { StoryViews, StoryViewsHeading, useStoryViews } from './story_figures.tsx';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Heading, Tabs, when } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

export const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type Status = (typeof STATUSES)[number];
/** An article as the list answers it (GET /api/admin/articles). */
export type ArticleRow = Item<Answer<'/api/admin/articles', 'get'>['articles']>;
type Section = Item<Answer<'/api/admin/sections', 'get'>['sections']>;
type Person = Item<Answer<'/api/admin/people', 'get'>['people']>;
const PAGE = 25;
const FILTERS = ['q', 'section', 'author', 'language', 'from', 'to'] as const;

export function ArticleList({ me, params }: ScreenProps) {
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status') as Status : 'draft';
  const page = Math.max(Number(params.get('page')) || 1, 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [rows, setRows] = useState<ArticleRow[] | null>(null);
  const views = useStoryViews(me, rows);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [sections, setSections] = useState<Section[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const key = params.toString();

  const go = (change: Record<string, string | number | undefined>) => {
    const next = { status, ...filters, page: String(page), ...change };
    navigate(`/admin/articles${query(next)}`);
  };
  const load = async () => {
    setError(null);
    try {
      const f = { section: filters.section, author: filters.author, language: filters.language, q: filters.q, from: filters.from, to: filters.to };
      const [list, c] = await Promise.all([
        api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ ...f, status, limit: PAGE, offset: (page - 1) * PAGE })}`),
        api<Answer<'/api/admin/articles/counts', 'get'>>('GET', `/api/admin/articles/counts${query(f)}`),
      ]);
      setRows(list.articles);
      setTotal(list.total);
      setCounts(c.counts);
      setPicked(new Set());
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, [key]);
  useEffect(() => {
    void api<Answer<'/api/admin/sections', 'get'>>('GET', '/api/admin/sections').then((r) => setSections(r.sections)).catch(() => {});
    void api<Answer<'/api/admin/people', 'get'>>('GET', '/api/admin/people').then((r) => setPeople(r.people)).catch(() => {});
  }, []);

  const archive = async () => {
    setError(null);
    try {
      const r = await api<{ archived: number[] }>('POST', '/api/admin/articles/archive', { ids: [...picked] });
      setNote(t('articles.archived', { count: r.archived.length }));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const toggle = (id: number) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id); else next.add(id);
    setPicked(next);
  };
  const onSearch = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go({ ...Object.fromEntries(FILTERS.map((f) => [f, String(form.get(f) ?? '')])), page: 1 });
  };
  const sectionName = (id: number | null) => sections.find((s) => s.id === id)?.name ?? '';
  const pages = Math.max(Math.ceil(total / PAGE), 1);
  const canArchive = me.capabilities.includes('articles.publish_own') && status !== 'archived';

  return (
    <section>
      <Heading text="articles.title">
        {me.capabilities.includes('articles.create') ? <a class="button" href="/admin/articles/new">{t('articles.new')}</a> : null}
      </Heading>
      <Tabs label={t('articles.status_tabs')} current={status} onPick={(s) => go({ status: s, page: 1 })}
        tabs={STATUSES.map((s) => ({ key: s, label: t(`status.${s}` as MessageKey), count: counts[s] }))} />
      <search><form class="filters" onSubmit={onSearch} key={key}>
        <label>{t('articles.search')} <input type="search" name="q" defaultValue={filters.q} /></label>
        <label>{t('article.section')}
          <select name="section" defaultValue={filters.section}>
            <option value="">{t('common.any')}</option>
            {sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>{t('articles.author')}
          <select name="author" defaultValue={filters.author}>
            <option value="">{t('common.any')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('article.language')}
          <select name="language" defaultValue={filters.language}>
            <option value="">{t('common.any')}</option>
            {['en', 'fa', 'ps'].map((l) => <option key={l} value={l}>{t(`lang.${l}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>{t('articles.from')} <input type="date" name="from" defaultValue={filters.from} /></label>
        <label>{t('articles.to')} <input type="date" name="to" defaultValue={filters.to} /></label>
        <button type="submit">{t('articles.apply')}</button>
      </form></search>
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {canArchive && rows?.length ? (
        <p class="bulk"><button type="button" disabled={!picked.size} onClick={archive}>{t('articles.archive_picked', { count: picked.size })}</button></p>
      ) : null}
      {rows === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : rows.length === 0 ? <p>{t('articles.none')}</p> : (
        <table class="list">
          <thead>
            <tr>
              {canArchive ? <th scope="col"><span class="visually-hidden">{t('articles.pick')}</span></th> : null}
              <th scope="col">{t('article.headline')}</th><th scope="col">{t('article.section')}</th><th scope="col">{t('articles.updated')}</th><StoryViewsHeading figures={views} />
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                {canArchive ? (
                  <td><input type="checkbox" aria-label={t('articles.pick_one', { headline: a.headline })} checked={picked.has(a.id)} onChange={() => toggle(a.id)} /></td>
                ) : null}
                <td><a href={`/admin/articles/${a.id}`} dir="auto">{a.headline}</a></td>
                <td>{sectionName(a.section_id)}</td>
                <td><time dateTime={a.updated_at}>{when(a.scheduled_at && status === 'scheduled' ? a.scheduled_at : a.updated_at)}</time></td>
                <StoryViews figures={views} id={a.id} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t('articles.pages')}>
          <button type="button" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>{t('articles.previous')}</button>
          <span>{t('articles.page_of', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>{t('articles.next')}</button>
        </nav>
      ) : null}
    </section>
  );
}
