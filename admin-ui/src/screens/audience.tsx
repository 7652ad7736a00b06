// The Audience screen: views and readers over a period (today by hour; 7, 30 or 90 days by day), the last 30
// minutes (refreshed every 15 seconds), the top stories, sections, authors, languages, editions, referrer groups,
// referring sites and pages, each table downloadable as CSV; and, for editors, the readers' Most read list and the
// partner sites. On the Admin API's /api/admin/audience.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, Heading, siteClock, Tabs } from '../ui.tsx';
import { Chart, downloadCsv, FigureTable, num, type FigureRow } from './audience_chart.tsx';
import './audience.css';
import type { Answer } from '../api_types.ts';

const RANGES = ['today', '7d', '30d', '90d'] as const;
type Range = (typeof RANGES)[number];
const TABLES = ['article', 'section', 'author', 'ref_host', 'page'] as const;
const REALTIME_EVERY_MS = 15_000;

type Overview = Answer<'/api/admin/audience', 'get'>;
type TableAnswer = Answer<'/api/admin/audience/tables/{table}', 'get'>;
type Realtime = Answer<'/api/admin/audience/realtime', 'get'>;
type Settings = Answer<'/api/admin/audience/settings', 'get'>;

const tableUrl = (table: string, range: Range, limit: number) => `/api/admin/audience/tables/${table}?range=${range}&limit=${limit}`;

export function Audience({ me, params }: ScreenProps) {
  const range = (RANGES as readonly string[]).includes(params.get('range') ?? '') ? params.get('range') as Range : '7d';
  const [pick, setPick] = useState<Range>(range);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [tables, setTables] = useState<Record<string, FigureRow[]>>({});
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    setError(null);
    try {
      const [o, ...rows] = await Promise.all([
        api<Overview>('GET', `/api/admin/audience?range=${pick}`),
        ...TABLES.map((table) => api<TableAnswer>('GET', tableUrl(table, pick, 10))),
      ]);
      setOverview(o);
      setTables(Object.fromEntries(TABLES.map((table, i) => [table, rows[i].rows])));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, [pick]);

  const csv = (table: string) => async () => {
    try {
      const { rows } = await api<TableAnswer>('GET', tableUrl(table, pick, 1000));
      downloadCsv(`audience-${table}-${pick}`, rows);
    } catch (err) {
      setError(err);
    }
  };
  const title = (table: string) => t(`audience.table.${table}` as MessageKey);

  return (
    <section class="audience">
      <Heading text="audience.title" />
      <p>{t('audience.intro')}</p>
      <ErrorNote error={error} retry={load} />
      <Tabs label={t('audience.ranges')} current={pick} onPick={setPick} tabs={RANGES.map((r) => ({ key: r, label: t(`audience.range.${r}`) }))} />
      {overview ? (
        <>
          <ul class="cards totals">
            <li><span>{t('audience.views')}</span><strong>{num(overview.totals.views)}</strong></li>
            <li><span>{t('audience.visitors')}</span><strong>{num(overview.totals.visitors)}</strong></li>
            <li><span>{t('audience.bots')}</span><strong>{num(overview.totals.bots)}</strong></li>
            <li><span>{t('audience.feeds')}</span><strong>{num(overview.totals.feedFetches)}</strong></li>
          </ul>
          <Chart points={overview.series} unit={overview.range === 'today' ? 'hour' : 'day'}
            label={overview.range === 'today' ? t('audience.chart_today') : t('audience.chart', { from: overview.from, to: overview.to })} />
        </>
      ) : error ? null : <p role="status">{t('common.loading')}</p>}
      <RealtimePanel />
      {overview ? (
        <div class="figure-grid">
          <FigureTable table="article" title={title('article')} rows={tables.article ?? []} onCsv={csv('article')} />
          <FigureTable table="ref_group" title={title('ref_group')} rows={overview.groups.ref_group} onCsv={() => downloadCsv(`audience-ref_group-${pick}`, overview.groups.ref_group)} />
          <FigureTable table="ref_host" title={title('ref_host')} rows={tables.ref_host ?? []} onCsv={csv('ref_host')} />
          <FigureTable table="section" title={title('section')} rows={tables.section ?? []} onCsv={csv('section')} />
          <FigureTable table="author" title={title('author')} rows={tables.author ?? []} onCsv={csv('author')} />
          <FigureTable table="language" title={title('language')} rows={overview.groups.language} onCsv={() => downloadCsv(`audience-language-${pick}`, overview.groups.language)} />
          <FigureTable table="edition" title={title('edition')} rows={overview.groups.edition} onCsv={() => downloadCsv(`audience-edition-${pick}`, overview.groups.edition)} />
          <FigureTable table="kind" title={title('kind')} rows={overview.groups.kind} onCsv={() => downloadCsv(`audience-kind-${pick}`, overview.groups.kind)} />
          <FigureTable table="page" title={title('page')} rows={tables.page ?? []} onCsv={csv('page')} />
        </div>
      ) : null}
      {me.capabilities.includes('audience.manage') ? <AudienceSettings /> : null}
    </section>
  );
}

/** The last 30 minutes, asked again every 15 seconds while the screen is open. */
function RealtimePanel() {
  const [now, setNow] = useState<Realtime | null>(null);
  const [at, setAt] = useState<Date | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () => api<Realtime>('GET', '/api/admin/audience/realtime').then((r) => { if (live) { setNow(r); setAt(new Date()); } }, () => undefined);
    void ask();
    const timer = setInterval(ask, REALTIME_EVERY_MS);
    return () => { live = false; clearInterval(timer); };
  }, []);
  if (!now) return null;
  return (
    <section class="realtime" aria-live="polite" aria-atomic="false">
      <h2>{t('audience.realtime')}</h2>
      <p><strong>{t('audience.realtime_line', { views: num(now.views), visitors: num(now.visitors) })}</strong>{at ? <small> · {t('audience.updated', { time: siteClock(at) })}</small> : null}</p>
      <Chart points={now.minutes} unit="minute" label={t('audience.chart_minutes')} />
      <FigureTable table="article" title={t('audience.realtime_stories')} rows={now.stories} />
    </section>
  );
}

function AudienceSettings() {
  const [s, setS] = useState<Settings | null>(null);
  const [partners, setPartners] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api<Settings>('GET', '/api/admin/audience/settings').then((r) => { setS(r); setPartners(r.partners.join('\n')); }, setError);
  }, []);
  if (!s) return <ErrorNote error={error} />;
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const r = await api<Settings>('PATCH', '/api/admin/audience/settings', { mostRead: s.mostRead, mostReadCount: s.mostReadCount, partners: partners.split(/\s+/).filter(Boolean) });
      setS(r);
      setPartners(r.partners.join('\n'));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="audience-settings" onSubmit={save}>
      <h2>{t('audience.settings')}</h2>
      <ErrorNote error={error} />
      <Field id="aud-most-read" label={t('audience.most_read')}>
        <select id="aud-most-read" value={s.mostRead} onChange={(e) => setS({ ...s, mostRead: (e.target as HTMLSelectElement).value as Settings['mostRead'] })}>
          {(['off', '24h', '7d'] as const).map((p) => <option key={p} value={p}>{t(`audience.most_read.${p}`)}</option>)}
        </select>
      </Field>
      <Field id="aud-count" label={t('audience.most_read_count')}>
        <input id="aud-count" type="number" min={3} max={10} value={s.mostReadCount} onInput={(e) => setS({ ...s, mostReadCount: Number((e.target as HTMLInputElement).value) })} />
      </Field>
      <Field id="aud-partners" label={t('audience.partners')} hint={t('audience.partners_hint')}>
        <textarea id="aud-partners" rows={3} dir="ltr" aria-describedby="aud-partners-hint" value={partners} onInput={(e) => setPartners((e.target as HTMLTextAreaElement).value)} />
      </Field>
      <button type="submit">{t('audience.save')}</button> {saved ? <span class="ok" role="status">{t('audience.saved')}</span> : null}
    </form>
  );
}
