// Site search over 100,000 generated stories (bench/search_corpus.ts), on SQLite and, when a PostgreSQL address
// is given, on PostgreSQL in a schema of its own. The stories are written once and kept (SQLite under
// .tmp/bench-search/, PostgreSQL in the schema khabar_bench_search_v1) for later runs. Each query is asked once
// (no repeat of the same words and page: what a page cache would miss), through the same SearchIndex the site's
// /search uses (count, ranked page, snippets), and p50/p95/p99 are printed per kind of query. No assertions.
//   node --import tsx bench/search.ts [--pg postgres://...] [--no-sqlite]      (also part of `npm run bench`)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { searchIndexFor } from '../src/search/search_index.ts';
import type { SearchQuery } from '../src/search/types.ts';
import { ROOT } from './khabar_process.ts';
import { SECTIONS, STORIES, WORDS, publishedAt, stories } from './search_corpus.ts';

const VERSION = 'v1';
const SCHEMA = `khabar_bench_search_${VERSION}`;
const PER_KIND = 60;

interface Kind { name: string; queries: SearchQuery[] }

/** The queries, PER_KIND of each kind, all different. */
function kinds(): Kind[] {
  const page = (i: number) => ({ limit: 10, offset: (i % 3) * 10 });
  const list = (f: (i: number) => SearchQuery) => Array.from({ length: PER_KIND }, (_, i) => f(i));
  const year = (i: number) => ({ from: publishedAt(i * 1500), to: publishedAt(i * 1500 + 20_000) });
  return [
    // ranks 12,000 and beyond: each word in a few dozen stories
    { name: 'rare word', queries: list((i) => ({ q: WORDS[i % 2 ? 'fa' : 'en'][12_000 + i * 7], ...page(0) })) },
    // the 20 most frequent English words ("the" is in every English story), pages 1-3
    { name: 'common English word', queries: list((i) => ({ q: WORDS.en[i % 20], ...page(Math.floor(i / 20)) })) },
    { name: 'common Dari word', queries: list((i) => ({ q: WORDS.fa[i % 20], ...page(Math.floor(i / 20)) })) },
    { name: 'Dari word, middling', queries: list((i) => ({ q: WORDS.fa[100 + i * 3], ...page(0) })) },
    { name: 'two words', queries: list((i) => ({ q: `${WORDS.en[5 + i]} ${WORDS.en[8 + (i * 7) % 30]}`, ...page(0) })) },
    { name: 'three Dari words', queries: list((i) => ({ q: `${WORDS.fa[i % 30]} ${WORDS.fa[10 + i]} ${WORDS.fa[3 + (i * 5) % 40]}`, ...page(0) })) },
    { name: 'common word, filtered', queries: list((i) => ({
      q: WORDS.en[i % 20], language: 'en', sectionId: 1 + (i % SECTIONS), ...(i % 2 ? year(i) : {}), ...page(0) })) },
  ];
}

/** Writes the stories unless a finished copy is already there. */
async function ensureStories(open: OpenDatabase, log: (s: string) => void): Promise<void> {
  const { db, dialect } = open;
  const table = dialect === 'postgres' ? 'search_documents' : 'search_fts';
  const have = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
  if (have === STORIES) return;
  log(`writing ${STORIES.toLocaleString('en')} stories on ${dialect} (once; kept for later runs)...`);
  const started = performance.now();
  const index = searchIndexFor(open);
  await index.clear();
  if (dialect === 'postgres') await sql`delete from articles`.execute(db);
  for (let from = 1; from <= STORIES; from += 1000) {
    const docs = [...stories(from, Math.min(from + 1000, STORIES + 1))];
    // PostgreSQL's index rows point at articles; SQLite's FTS table stands alone.
    if (dialect === 'postgres') {
      await sql`insert into articles (id, slug, headline, status, language, created_at, updated_at, published_at)
        values ${sql.join(docs.map((d) => sql`(${d.articleId}, ${`story-${d.articleId}`}, ${d.headline}, 'published', ${d.language}, ${d.publishedAt}, ${d.publishedAt}, ${d.publishedAt})`))}`.execute(db);
    }
    await index.indexMany(docs);
  }
  if (dialect === 'postgres') await sql`vacuum analyze search_documents`.execute(db);
  else await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
  log(`  written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface SearchFigures { dialect: string; rows: { kind: string; p50: number; p95: number; p99: number; max: number; matches: string }[]; first: number }

async function measure(open: OpenDatabase): Promise<SearchFigures> {
  const index = searchIndexFor(open);
  const t0 = performance.now();
  await index.query({ q: 'warm', limit: 10, offset: 0 });
  const first = performance.now() - t0;
  const rows: SearchFigures['rows'] = [];
  for (const kind of kinds()) {
    const times: number[] = [];
    const totals: number[] = [];
    for (const q of kind.queries) {
      const start = performance.now();
      const r = await index.query(q);
      times.push(performance.now() - start);
      totals.push(r.total);
    }
    times.sort((a, b) => a - b);
    totals.sort((a, b) => a - b);
    rows.push({ kind: kind.name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1) ?? 0,
      matches: `${totals[0]}-${totals.at(-1)}` });
  }
  return { dialect: open.dialect, rows, first };
}

/** Runs the bench on SQLite and, given an address, PostgreSQL. */
export async function searchBench(pgUrl: string | undefined, log: (s: string) => void = console.log, sqlite = true): Promise<SearchFigures[]> {
  const out: SearchFigures[] = [];
  const dir = join(ROOT, '.tmp', 'bench-search');
  mkdirSync(dir, { recursive: true });
  const targets: (() => Promise<OpenDatabase>)[] = sqlite ? [async () => openDatabase(join(dir, `stories-${VERSION}.sqlite`))] : [];
  if (pgUrl) {
    targets.push(async () => {
      const admin = openDatabase(pgUrl);
      await sql`create schema if not exists ${sql.id(SCHEMA)}`.execute(admin.db);
      await admin.close();
      return openDatabase(pgUrl, { schema: SCHEMA });
    });
  }
  for (const target of targets) {
    const open = await target();
    try {
      await migrateToLatest(open.db, open.dialect === 'postgres' ? { schema: SCHEMA } : {});
      await ensureStories(open, log);
      out.push(await measure(open));
    } finally {
      await open.close();
    }
  }
  return out;
}

export function describeSearch(figures: SearchFigures[]): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const lines = [`site search over ${STORIES.toLocaleString('en')} stories (half English, half Dari, 300-word bodies), ${PER_KIND} different queries a kind, each asked once:`];
  for (const f of figures) {
    lines.push(`  ${f.dialect} (first query on a fresh connection ${ms(f.first)})`);
    const head = ['query', 'p50', 'p95', 'p99', 'max', 'matches'];
    const cells = f.rows.map((r) => [r.kind, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), r.matches]);
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    for (const c of [head, ...cells]) lines.push(`    ${c.map((x, i) => (i ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { pg: { type: 'string' }, 'no-sqlite': { type: 'boolean' } } });
  const pg = values.pg ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  console.log(describeSearch(await searchBench(pg, console.log, !values['no-sqlite'])));
}
