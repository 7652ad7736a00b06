// The Audience screen over 10 million generated page views, on SQLite and (given an address) PostgreSQL: 90 days of
// hourly and daily totals written straight into the roll-up tables (as the roll-up job leaves them), the last 7 days
// also as raw views (as KHABAR_AUDIENCE_RAW_DAYS=7 keeps them), 2,000 stories in three languages. Then each query
// the screen, the article list, the editor's panel and the readers' Most read list ask is timed (5 runs: median and
// slowest), with the roll-up of one day's raw views. The data is made once per run in a fresh database. No asserts.
//   node --import tsx bench/analytics.ts [--pg postgres://...] [--no-sqlite] [--views 10000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createRuntime } from '../src/runtime.ts';
import type { AppContext } from '../src/context.ts';
import { audienceOverview, audienceRealtime, audienceTable, storiesFigures, storyFigures } from '../src/audience/figures.ts';
import { refreshMostRead } from '../src/audience/most_read.ts';
import { updateAudienceSettings } from '../src/audience/audience_settings.ts';
import { rollUp } from '../src/audience/rollup.ts';
import { dayBefore, periodOf } from '../src/audience/periods.ts';

const DAYS = 90;
const RAW_DAYS = 7;
const STORIES = 2000;
const LANGS = ['en', 'fa', 'ps'];
const GROUPS = ['direct', 'search', 'social', 'telegram', 'whatsapp', 'email', 'partner', 'internal', 'other'];
const KINDS = ['article', 'front', 'section', 'tag', 'author', 'search', 'page', 'archive'];

/** A small deterministic random source. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Splits `total` over weights, whole numbers summing to exactly `total`. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

type Insert = (table: string, rows: Record<string, unknown>[]) => Promise<void>;

async function generate(ctx: AppContext, views: number, log: (s: string) => void): Promise<void> {
  const db = ctx.db;
  const rnd = random(7);
  const started = performance.now();
  const insert: Insert = async (table, rows) => {
    const per = Math.floor(30_000 / Object.keys(rows[0] ?? { a: 1 }).length);
    for (let i = 0; i < rows.length; i += per) await db.insertInto(table as 'audience_daily').values(rows.slice(i, i + per) as never).execute();
  };
  const now = ctx.clock.now();
  const today = periodOf(now, 'UTC').day;
  // stories, one published every ~1.1 hours over the 90 days; a story is read mostly in its first days
  const stories = Array.from({ length: STORIES }, (_, i) => {
    const at = new Date(now.getTime() - (STORIES - i) * (DAYS * 86_400_000) / STORIES);
    return { id: i + 1, slug: `story-${i + 1}`, headline: `Story ${i + 1} about the valley`, status: 'published', language: LANGS[i % 3],
      section_id: null, created_at: at.toISOString(), updated_at: at.toISOString(), published_at: at.toISOString() };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < stories.length; i += 500) await trx.insertInto('articles').values(stories.slice(i, i + 500) as never).execute();
  });
  const perDay = split(views, Array.from({ length: DAYS }, (_, d) => 0.8 + 0.4 * rnd() + (d % 7 === 5 ? -0.2 : 0)));
  let daily: Record<string, unknown>[] = [];
  let hourly: Record<string, unknown>[] = [];
  let raw: Record<string, unknown>[] = [];
  const flush = async (force = false) => {
    if (force || daily.length > 50_000) { await insert('audience_daily', daily); daily = []; }
    if (force || hourly.length > 50_000) { await insert('audience_hourly', hourly); hourly = []; }
    if (force || raw.length > 20_000) { await insert('audience_views', raw); raw = []; }
  };
  for (let d = 0; d < DAYS; d++) {
    const day = dayBefore(today, DAYS - 1 - d);
    const dayStart = Date.parse(`${day}T00:00:00Z`) / 1000;
    const total = perDay[d];
    // the stories read this day: published in the 10 days before it, newest read most
    const live = stories.filter((s) => s.published_at.slice(0, 10) <= day && s.published_at.slice(0, 10) > dayBefore(day, 10));
    const weights = live.map((s) => 1 / (1 + (Date.parse(`${day}T12:00:00Z`) - Date.parse(s.published_at)) / 86_400_000) * (0.5 + rnd()));
    const articleViews = split(Math.floor(total * 0.7), weights.length ? weights : [1]);
    const add = (dim: string, key: string, v: number) => { if (v > 0) daily.push({ dim, day, key, views: v, visitors: Math.ceil(v * 0.62) }); };
    add('all', '', total);
    split(total, [70, 12, 8, 3, 2, 3, 1, 1]).forEach((v, i) => { add('kind', KINDS[i], v); });
    add('kind', 'feed', Math.floor(total * 0.05));
    add('bot', 'article', Math.floor(total * 0.3));
    split(total, [55, 30, 15]).forEach((v, i) => { add('language', LANGS[i], v); });
    split(total, [85, 15]).forEach((v, i) => { add('edition', ['full', 'lite'][i], v); });
    split(total, [30, 25, 12, 14, 8, 4, 2, 3, 2]).forEach((v, i) => { add('ref_group', GROUPS[i], v); });
    split(Math.floor(total * 0.5), Array.from({ length: 150 }, (_, i) => 1 / (i + 1))).forEach((v, i) => { add('ref_host', `site${i}.example`, v); });
    split(Math.floor(total * 0.3), Array.from({ length: 300 }, (_, i) => 1 / (i + 1))).forEach((v, i) => { add('page', `/section/s${i}`, v); });
    split(Math.floor(total * 0.7), Array.from({ length: 12 }, (_, i) => 1 / (i + 1))).forEach((v, i) => { add('section', String(i + 1), v); });
    split(Math.floor(total * 0.7), Array.from({ length: 40 }, (_, i) => 1 / (i + 1))).forEach((v, i) => { add('author', String(i + 1), v); });
    live.forEach((s, i) => {
      add('article', String(s.id), articleViews[i]);
      split(articleViews[i], [30, 25, 12, 14, 8, 4, 2, 3, 2]).forEach((v, g) => { add('article_ref', `${s.id}:${GROUPS[g]}`, v); });
    });
    // hourly: the day's views over 24 hours, each story's too
    const hours = split(total, Array.from({ length: 24 }, (_, h) => 0.3 + Math.sin((Math.PI * h) / 24)));
    const nowHour = Math.floor(now.getTime() / 3_600_000) * 3600;
    for (let h = 0; h < 24; h++) {
      const hour = dayStart + h * 3600;
      if (hour > nowHour) break;
      hourly.push({ dim: 'all', hour, key: '', views: hours[h], visitors: Math.ceil(hours[h] * 0.7) });
      live.forEach((s, i) => {
        const v = Math.round((articleViews[i] * hours[h]) / total);
        if (v > 0) hourly.push({ dim: 'article', hour, key: String(s.id), views: v, visitors: Math.ceil(v * 0.7) });
      });
      // the last days also as raw views, spread over the hour (a sample of the day's shape at full count)
      if (d >= DAYS - RAW_DAYS) {
        for (let k = 0; k < hours[h]; k++) {
          const at = hour * 1000 + Math.floor(rnd() * 3_600_000);
          if (at > now.getTime()) continue;
          const s = live.length ? live[Math.floor(rnd() ** 2 * live.length)] : null;
          raw.push({ viewed_at: new Date(at).toISOString(), hour, day, visitor: Math.floor(rnd() * 2 ** 40).toString(16), kind: s ? 'article' : 'front', bot: 0,
            path: s ? `/articles/${s.slug}` : '/', article_id: s?.id ?? null, section_id: null, language: s?.language ?? 'en', edition: 'full',
            ref_group: GROUPS[Math.floor(rnd() * 9)], ref_host: '' });
          if (raw.length > 20_000) await flush();
        }
      }
    }
    await flush();
  }
  await flush(true);
  if (ctx.dialect === 'postgres') await sql`analyze`.execute(db);
  else await sql`analyze`.execute(db);
  const count = async (t: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0].n);
  log(`  ${ctx.dialect}: ${views.toLocaleString('en')} views made in ${((performance.now() - started) / 1000).toFixed(0)} s: daily rows ${(await count('audience_daily')).toLocaleString('en')}, hourly ${(await count('audience_hourly')).toLocaleString('en')}, raw ${(await count('audience_views')).toLocaleString('en')}`);
}

export interface AnalyticsFigures { dialect: string; rows: { query: string; median: number; max: number }[] }

async function measure(ctx: AppContext): Promise<AnalyticsFigures> {
  const ids = Array.from({ length: 50 }, (_, i) => STORIES - i);
  const queries: [string, () => Promise<unknown>][] = [
    ['overview today (by hour)', () => audienceOverview(ctx, 'today')],
    ['overview 7 days', () => audienceOverview(ctx, '7d')],
    ['overview 30 days', () => audienceOverview(ctx, '30d')],
    ['overview 90 days', () => audienceOverview(ctx, '90d')],
    ['top stories 90 days', () => audienceTable(ctx, 'article', '90d', 10)],
    ['top stories 7 days, 1000 rows (CSV)', () => audienceTable(ctx, 'article', '7d', 1000)],
    ['top sections 90 days', () => audienceTable(ctx, 'section', '90d', 10)],
    ['top authors 90 days', () => audienceTable(ctx, 'author', '90d', 10)],
    ['top referring sites 90 days', () => audienceTable(ctx, 'ref_host', '90d', 10)],
    ['top pages 30 days', () => audienceTable(ctx, 'page', '30d', 10)],
    ['realtime (30 minutes of raw views)', () => audienceRealtime(ctx)],
    ['article list: 50 stories, 7 days', () => storiesFigures(ctx, ids, 7)],
    ['editor: one story', () => storyFigures(ctx, STORIES - 3)],
    ['most read, 24 hours', async () => { await updateAudienceSettings(ctx, { mostRead: '24h' }); return refreshMostRead(ctx); }],
    ['most read, 7 days', async () => { await updateAudienceSettings(ctx, { mostRead: '7d' }); return refreshMostRead(ctx); }],
  ];
  const rows: AnalyticsFigures['rows'] = [];
  for (const [query, run] of queries) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ query, median: times[2], max: times[4] });
  }
  // the roll-up job's share: today's hour and today (all of today's raw views, every dimension) recomputed
  const { hour, day } = periodOf(ctx.clock.now(), 'UTC');
  await ctx.db.insertInto('audience_stale_hours').values({ hour, day, version: 1 }).execute();
  await ctx.db.insertInto('audience_stale_days').values({ day, version: 1 }).execute();
  const t0 = performance.now();
  await rollUp(ctx);
  rows.push({ query: 'roll-up: this hour and today from raw views', median: performance.now() - t0, max: performance.now() - t0 });
  return { dialect: ctx.dialect, rows };
}

export async function analyticsBench(pgUrl: string | undefined, views: number, log: (s: string) => void = console.log, sqlite = true): Promise<AnalyticsFigures[]> {
  const out: AnalyticsFigures[] = [];
  const targets: ('sqlite' | 'postgres')[] = [...(sqlite ? ['sqlite' as const] : []), ...(pgUrl ? ['postgres' as const] : [])];
  for (const target of targets) {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-analytics-'));
    const schema = `khabar_bench_audience_${process.pid}`;
    let url = join(dir, 'bench.sqlite');
    if (target === 'postgres' && pgUrl) {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      url = pgUrl;
    }
    const config = loadConfig({ KHABAR_DATA_DIR: dir, DATABASE_URL: url, KHABAR_SECRET: 'bench-secret-0123456789abcdef', KHABAR_DEMO: '0' });
    const runtime = await createRuntime(config, target === 'postgres' ? { dbOptions: { schema } } : {});
    try {
      await generate(runtime.ctx, views, log);
      out.push(await measure(runtime.ctx));
    } finally {
      await runtime.close();
      if (target === 'postgres' && pgUrl) {
        const pg = (await import('pg')).default;
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

export function describeAnalytics(figures: AnalyticsFigures[], views: number): string {
  const lines = [`Audience screen queries over ${views.toLocaleString('en')} generated views (90 days of totals, 7 days of raw views), 5 runs each:`];
  for (const f of figures) {
    lines.push(`  ${f.dialect}`);
    for (const r of f.rows) lines.push(`    ${r.query.padEnd(46)} median ${r.median.toFixed(1).padStart(7)} ms   slowest ${r.max.toFixed(1).padStart(7)} ms`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { pg: { type: 'string' }, 'no-sqlite': { type: 'boolean' }, views: { type: 'string', default: '10000000' } } });
  const pg = values.pg ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const views = Number(values.views);
  console.log(describeAnalytics(await analyticsBench(pg, views, console.log, !values['no-sqlite']), views));
}
