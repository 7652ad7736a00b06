// The audience figures' charts and tables, drawn by hand as SVG: bars for views, a line for readers. A few dozen
// points need no charting library; SVG's presentation attributes pass the app's CSP (no inline styles), it scales
// to a phone through its viewBox, mirrors for Dari and Pashto, and every bar carries its figures for screen readers.
// The labels (the highest figure, the times) are HTML beside the SVG, so a phone's narrow chart never squeezes them.
import { formatNumber, interfaceLanguage, t, type MessageKey } from '../i18n/index.ts';
import { siteClock } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

/** A point of a chart (the realtime minutes have no readers). */
export type Point = Omit<Item<Answer<'/api/admin/audience', 'get'>['series']>, 'visitors'> & { visitors?: number };
/** A row of a figures table. */
export type FigureRow = Item<Answer<'/api/admin/audience/tables/{table}', 'get'>['rows']>;

export const num = (n: number) => formatNumber(n);

/** How a point's time reads on the axis: an hour, a minute or a day, in the app's language. */
function tick(at: string, unit: 'hour' | 'minute' | 'day'): string {
  const lang = interfaceLanguage();
  if (unit === 'day') return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${at}T00:00:00Z`));
  return siteClock(at);
}

const W = 640;
const H = 200;
const PAD = { top: 12, bottom: 26, side: 44 };

/** A bar chart of views with readers as a line; `label` names it for assistive technology. */
export function Chart({ points, unit, label }: { points: Point[]; unit: 'hour' | 'minute' | 'day'; label: string }) {
  const max = Math.max(1, ...points.map((p) => p.views));
  const inner = W - 2 * PAD.side;
  const step = inner / Math.max(points.length, 1);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const rtl = document.documentElement.dir === 'rtl';
  const x = (i: number) => (rtl ? W - PAD.side - (i + 1) * step : PAD.side + i * step);
  const labelled = points.length <= 8 ? points.map((_, i) => i) : [0, Math.floor(points.length / 2), points.length - 1];
  const line = points.every((p) => p.visitors !== undefined)
    ? points.map((p, i) => `${(x(i) + step / 2).toFixed(1)},${y(p.visitors ?? 0).toFixed(1)}`).join(' ')
    : null;
  return (
    <figure class="chart">
      <figcaption>{label}</figcaption>
      <p class="tick-max" aria-hidden="true">{num(max)}</p>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1={PAD.side} x2={W - PAD.side} y1={y(0)} y2={y(0)} class="axis" />
        {points.map((p, i) => (
          <rect key={p.at} x={x(i) + step * 0.12} width={step * 0.76} y={y(p.views)} height={Math.max(0, y(0) - y(p.views))} class="bar">
            <title>{`${tick(p.at, unit)}: ${num(p.views)} ${t('audience.views')}${p.visitors !== undefined ? `, ${num(p.visitors)} ${t('audience.visitors')}` : ''}`}</title>
          </rect>
        ))}
        {line ? <polyline points={line} class="readers" fill="none" /> : null}
      </svg>
      <p class={`ticks${labelled.length === points.length ? ' ticks-each' : ''}`} aria-hidden="true">
        {labelled.map((i) => <span key={i}>{points[i] ? tick(points[i].at, unit) : ''}</span>)}
      </p>
      <p class="legend"><span class="key-views" aria-hidden="true" /> {t('audience.views')}{line ? <> <span class="key-readers" aria-hidden="true" /> {t('audience.visitors')}</> : null}</p>
    </figure>
  );
}

/** Quotes a CSV field (RFC 4180), and keeps a spreadsheet from reading a leading =, +, - or @ as a formula. */
function field(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Downloads rows as a CSV file. */
export function downloadCsv(name: string, rows: FigureRow[]): void {
  const lines = [['key', 'name', 'views', 'readers'].join(','), ...rows.map((r) => [r.key, r.label, r.views, r.visitors].map(field).join(','))];
  const url = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.setAttribute('data-native', '');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The name a key is shown under: referrer groups and editions in words, stories linked to their editor. */
export function rowName(table: string, r: FigureRow) {
  if (table === 'ref_group') return t(`audience.group.${r.key}` as MessageKey);
  if (table === 'edition') return t(`audience.edition.${r.key}` as MessageKey);
  if (table === 'article') return <a href={`/admin/articles/${r.key}`} dir="auto">{r.label}</a>;
  return <span dir="auto">{r.label}</span>;
}

/** A table of figures with a CSV button; `onCsv` fetches the whole table (up to 1000 rows) for the file. */
export function FigureTable({ table, title, rows, onCsv }: { table: string; title: string; rows: FigureRow[]; onCsv?: () => void }) {
  return (
    <section class="figures">
      <div class="heading">
        <h2>{title}</h2>
        {onCsv ? <button type="button" class="quiet" aria-label={t('audience.csv_label', { table: title })} onClick={onCsv}>{t('audience.csv')}</button> : null}
      </div>
      {rows.length ? (
        <table class="figures-table">
          <thead><tr><th scope="col">{t('audience.name')}</th><th scope="col" class="n">{t('audience.views')}</th><th scope="col" class="n">{t('audience.visitors')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><td>{rowName(table, r)}</td><td class="n">{num(r.views)}</td><td class="n">{num(r.visitors)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p>{t('audience.none')}</p>}
    </section>
  );
}
