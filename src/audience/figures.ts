// What the newsroom reads: views and readers over a period (today by hour; 7, 30 or 90 days by day), the top of any
// dimension (stories, sections, authors, languages, editions, referrer groups and sites, pages, kinds), the last 30
// minutes, and each story's own figures. Everything here reads the hourly and daily totals, except the last 30
// minutes, read from the raw views of those minutes.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { namesOf, storyLabels } from '../content/article_facts.ts';
import { ValidationError } from '../errors.ts';
import { dayBefore, dayStartOf, daysBetween, periodOf } from './periods.ts';
import type { Dimension } from './rollup.ts';
import { REFERRER_GROUPS } from './referrers.ts';

export const RANGES = ['today', '7d', '30d', '90d'] as const;
export type Range = (typeof RANGES)[number];
/** The dimensions a table can show (not the per-story referrer detail). */
export const TABLES = ['article', 'section', 'author', 'language', 'edition', 'ref_group', 'ref_host', 'page', 'kind', 'bot'] as const;
export type Table = (typeof TABLES)[number];

export interface Point { at: string; views: number; visitors: number }
export interface Row { key: string; label: string; views: number; visitors: number; slug?: string; language?: string }

interface Span { first: string; last: string; today: string; timeZone: string }

async function spanOf(ctx: AppContext, range: Range): Promise<Span> {
  if (!RANGES.includes(range)) throw new ValidationError('range', `Choose one of ${RANGES.join(', ')}.`);
  const { timeZone } = await getSettings(ctx.db);
  const today = periodOf(ctx.clock.now(), timeZone).day;
  const days = range === 'today' ? 1 : Number.parseInt(range, 10);
  return { first: dayBefore(today, days - 1), last: today, today, timeZone };
}

const n = (v: unknown) => Number(v ?? 0);

/** Sums of one dimension over the span's days, largest first. */
async function sums(ctx: AppContext, dim: Dimension, span: Span, limit: number, keys?: readonly string[]): Promise<{ key: string; views: number; visitors: number }[]> {
  let q = ctx.db.selectFrom('audience_daily').select((eb) => ['key', eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('visitors').as('visitors')])
    .where('dim', '=', dim).where('day', '>=', span.first).where('day', '<=', span.last);
  if (keys) q = q.where('key', 'in', keys.length ? [...keys] : ['']);
  const rows = await q.groupBy('key').orderBy(sql`sum(views)`, 'desc').orderBy('key').limit(limit).execute();
  return rows.map((r) => ({ key: r.key, views: n(r.views), visitors: n(r.visitors) }));
}

export interface Overview {
  range: Range;
  from: string;
  to: string;
  timeZone: string;
  totals: { views: number; visitors: number; bots: number; feedFetches: number };
  /** today: one point per hour so far; otherwise one per day */
  series: Point[];
  groups: { ref_group: Row[]; edition: Row[]; language: Row[]; kind: Row[] };
}

/** The period's totals, its chart, and the small breakdowns (referrer groups, editions, languages, kinds). */
export async function audienceOverview(ctx: AppContext, range: Range): Promise<Overview> {
  const span = await spanOf(ctx, range);
  const [all, bots, kinds, refGroups, editions, languages] = await Promise.all([
    sums(ctx, 'all', span, 1), sums(ctx, 'bot', span, 50), sums(ctx, 'kind', span, 50),
    sums(ctx, 'ref_group', span, 20), sums(ctx, 'edition', span, 5), sums(ctx, 'language', span, 20),
  ]);
  let series: Point[];
  if (range === 'today') {
    const start = dayStartOf(ctx.clock.now(), span.timeZone);
    const now = periodOf(ctx.clock.now(), span.timeZone).hour;
    const rows = await ctx.db.selectFrom('audience_hourly').select(['hour', 'views', 'visitors'])
      .where('dim', '=', 'all').where('key', '=', '').where('hour', '>=', start).where('hour', '<=', now).execute();
    const byHour = new Map(rows.map((r) => [n(r.hour), r]));
    series = [];
    for (let h = start; h <= now; h += 3600) {
      const r = byHour.get(h);
      series.push({ at: new Date(h * 1000).toISOString(), views: n(r?.views), visitors: n(r?.visitors) });
    }
  } else {
    const rows = await ctx.db.selectFrom('audience_daily').select(['day', 'views', 'visitors'])
      .where('dim', '=', 'all').where('key', '=', '').where('day', '>=', span.first).where('day', '<=', span.last).execute();
    const byDay = new Map(rows.map((r) => [r.day, r]));
    series = daysBetween(span.first, span.last).map((day) => ({ at: day, views: n(byDay.get(day)?.views), visitors: n(byDay.get(day)?.visitors) }));
  }
  const plain = (rows: { key: string; views: number; visitors: number }[]): Row[] => rows.map((r) => ({ ...r, label: r.key }));
  return {
    range, from: span.first, to: span.last, timeZone: span.timeZone,
    totals: {
      views: all[0]?.views ?? 0, visitors: all[0]?.visitors ?? 0,
      bots: bots.reduce((s, r) => s + r.views, 0), feedFetches: kinds.find((k) => k.key === 'feed')?.views ?? 0,
    },
    series,
    groups: { ref_group: plain(refGroups), edition: plain(editions), language: plain(languages), kind: plain(kinds.filter((k) => k.key !== 'feed')) },
  };
}

/** The top of one dimension over the period, with names for stories, sections and authors. */
export async function audienceTable(ctx: AppContext, table: Table, range: Range, limit = 10): Promise<Row[]> {
  if (!TABLES.includes(table)) throw new ValidationError('table', `Choose one of ${TABLES.join(', ')}.`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ValidationError('limit', 'Ask for 1 to 1000 rows.');
  const rows = await sums(ctx, table, await spanOf(ctx, range), limit);
  return label(ctx, table, rows);
}

async function label(ctx: AppContext, table: Dimension, rows: { key: string; views: number; visitors: number }[]): Promise<Row[]> {
  const ids = rows.map((r) => Number(r.key));
  if (table === 'article') {
    const stories = await storyLabels(ctx.db, ids);
    return rows.map((r) => {
      const s = stories.get(Number(r.key));
      return { ...r, label: s?.headline ?? `#${r.key}`, ...(s ? { slug: s.slug, language: s.language } : {}) };
    });
  }
  if (table === 'section' || table === 'author') {
    const names = await namesOf(ctx.db, table === 'section' ? 'sections' : 'people', ids);
    return rows.map((r) => ({ ...r, label: names.get(Number(r.key)) ?? `#${r.key}` }));
  }
  return rows.map((r) => ({ ...r, label: r.key }));
}

export interface Realtime {
  since: string;
  views: number;
  visitors: number;
  /** views per minute, oldest first, 30 of them */
  minutes: { at: string; views: number }[];
  stories: Row[];
}

/** The last 30 minutes, from the raw views (what has been written: up to a few seconds behind). */
export async function audienceRealtime(ctx: AppContext): Promise<Realtime> {
  const now = ctx.clock.now().getTime();
  const first = Math.floor(now / 60_000) * 60_000 - 29 * 60_000;
  const since = new Date(first).toISOString();
  const readers = ctx.db.selectFrom('audience_views').where('viewed_at', '>=', since).where('bot', '=', 0).where('kind', '<>', 'feed');
  const [perMinute, total, stories] = await Promise.all([
    readers.select([sql<string>`substr(viewed_at, 1, 16)`.as('minute'), (eb) => eb.fn.countAll<number>().as('views')]).groupBy(sql`substr(viewed_at, 1, 16)`).execute(),
    readers.select((eb) => [eb.fn.countAll<number>().as('views'), eb.fn.count<number>('visitor').distinct().as('visitors')]).executeTakeFirst(),
    readers.where('article_id', 'is not', null).select((eb) => [sql<string>`cast(article_id as text)`.as('key'), eb.fn.countAll<number>().as('views'), eb.fn.count<number>('visitor').distinct().as('visitors')])
      .groupBy('article_id').orderBy(sql`count(*)`, 'desc').orderBy('article_id').limit(10).execute(),
  ]);
  const byMinute = new Map(perMinute.map((m) => [m.minute, n(m.views)]));
  const minutes = Array.from({ length: 30 }, (_, i) => {
    const at = new Date(first + i * 60_000).toISOString();
    return { at, views: byMinute.get(at.slice(0, 16)) ?? 0 };
  });
  return {
    since, views: n(total?.views), visitors: n(total?.visitors), minutes,
    stories: await label(ctx, 'article', stories.map((s) => ({ key: s.key, views: n(s.views), visitors: n(s.visitors) }))),
  };
}

/** Views and readers of each story over the last `days` days (today included), for the article list. */
export async function storiesFigures(ctx: AppContext, ids: readonly number[], days: number): Promise<Record<number, { views: number; visitors: number }>> {
  const { timeZone } = await getSettings(ctx.db);
  const today = periodOf(ctx.clock.now(), timeZone).day;
  const span = { first: dayBefore(today, days - 1), last: today, today, timeZone };
  const rows = await sums(ctx, 'article', span, ids.length || 1, ids.map(String));
  return Object.fromEntries(ids.map((id) => {
    const r = rows.find((x) => x.key === String(id));
    return [id, { views: r?.views ?? 0, visitors: r?.visitors ?? 0 }];
  }));
}

export interface StoryFigures {
  articleId: number;
  total: { views: number; visitors: number };
  /** the last 30 days, one point a day */
  days: Point[];
  /** where its readers came from, over all its days */
  referrers: Row[];
}

/** One story's figures for the editor: its whole total, its last 30 days and its referrer groups. */
export async function storyFigures(ctx: AppContext, articleId: number): Promise<StoryFigures> {
  const key = String(articleId);
  const { timeZone } = await getSettings(ctx.db);
  const today = periodOf(ctx.clock.now(), timeZone).day;
  const first = dayBefore(today, 29);
  const [total, days, refs] = await Promise.all([
    ctx.db.selectFrom('audience_daily').select((eb) => [eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('visitors').as('visitors')])
      .where('dim', '=', 'article').where('key', '=', key).executeTakeFirst(),
    ctx.db.selectFrom('audience_daily').select(['day', 'views', 'visitors']).where('dim', '=', 'article').where('key', '=', key)
      .where('day', '>=', first).where('day', '<=', today).execute(),
    ctx.db.selectFrom('audience_daily').select((eb) => ['key', eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('visitors').as('visitors')])
      .where('dim', '=', 'article_ref').where('key', 'in', REFERRER_GROUPS.map((g) => `${key}:${g}`)).groupBy('key').orderBy(sql`sum(views)`, 'desc').execute(),
  ]);
  const byDay = new Map(days.map((d) => [d.day, d]));
  return {
    articleId,
    total: { views: n(total?.views), visitors: n(total?.visitors) },
    days: daysBetween(first, today).map((day) => ({ at: day, views: n(byDay.get(day)?.views), visitors: n(byDay.get(day)?.visitors) })),
    referrers: refs.map((r) => {
      const group = r.key.slice(key.length + 1);
      return { key: group, label: group, views: n(r.views), visitors: n(r.visitors) };
    }),
  };
}
