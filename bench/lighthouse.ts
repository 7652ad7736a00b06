// Lighthouse 12 (the lighthouse devDependency, Debian's chromium) in its default mobile emulation (a mid-range
// phone, processor 4x slower and a throttled 4G link, simulated) on every public page type of the demo newsroom in
// English, Dari and Pashto, served by `khabar serve` as production serves it: home and language fronts, section,
// tag, author, article, search, the lite home and article, a static page and the 404 page. Each page is measured
// --runs times (default 3) and the medians printed: performance, accessibility, best practices, SEO, total blocking
// time and main-thread time, with the audits that cost points (a page not to be indexed shows the reason). It runs
// on demand and asserts nothing: scores move with the machine's load, printed before and after.
//   CHROME_PATH=/usr/bin/chromium node --import tsx bench/lighthouse.ts [--runs 3] [--entry built|tsx] [--only article,home] [--langs en,fa,ps]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { serveDemo } from './demo_served.ts';
import { fetchRaw } from './page_weight.ts';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

interface Category { score: number | null; auditRefs: { id: string; weight: number }[] }
interface Report {
  categories: Record<string, Category>;
  audits: Record<string, { title: string; score: number | null; numericValue?: number; displayValue?: string }>;
}

function lighthouse(url: string, out: string): Report {
  const r = spawnSync(process.execPath, [LIGHTHOUSE_CLI, url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
  { env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`lighthouse ${url} exited with ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** Lighthouse's trace is sometimes lost on a loaded machine (NO_NAVSTART): up to three tries. */
function measured(url: string, out: string): Report | string {
  let last: unknown;
  for (let i = 0; i < 3; i++) {
    try {
      return lighthouse(url, out);
    } catch (err) {
      last = err;
    }
  }
  return String(last).split('\n')[0].slice(0, 300);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The audits that cost points in a run ("SEO: Page is blocked from indexing"). */
function lost(rep: Report): string[] {
  return Object.entries(rep.categories).flatMap(([c, cat]) => cat.auditRefs.filter((a) => a.weight > 0)
    .map((a) => ({ c, ...rep.audits[a.id] })).filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${c}: ${a.title}`));
}

/** One table row: the medians of the runs, and every audit that cost points in any of them (named once). */
function row(label: string, reports: Report[]): string {
  const score = (c: string) => String(Math.round(median(reports.map((r) => (r.categories[c]?.score ?? 0) * 100))));
  const ms = (id: string) => `${Math.round(median(reports.map((r) => r.audits[id]?.numericValue ?? 0)))} ms`;
  const why = [...new Set(reports.flatMap(lost))];
  return `| ${label} | ${CATEGORIES.map(score).join(' | ')} | ${ms('total-blocking-time')} | ${ms('mainthread-work-breakdown')} | ${why.join('; ') || '—'} |`;
}

interface Target { type: string; lang: string; path: string }

/** Static pages the demo does not have, one per language, written into its database before it is served. */
const STATIC_PAGES: Record<string, { title: string; body: string }> = {
  en: { title: 'About us', body: '<p>Khabar Daily is an independent newsroom reporting from Kabul for readers at home and abroad.</p><p>Write to us at the address below.</p>' },
  fa: { title: 'دربارهٔ ما', body: '<p>خبر دیلی یک اتاق خبر مستقل است که از کابل برای خوانندگان در داخل و بیرون کشور گزارش می‌دهد.</p>' },
  ps: { title: 'زموږ په اړه', body: '<p>خبر ډیلي یوه خپلواکه خبرخونه ده چې له کابله د هېواد دننه او بهر لوستونکو ته راپور ورکوي.</p>' },
};

/** Adds the static pages and reads, per language, the addresses of each page type from the demo's database. */
function prepare(dir: string, langs: string[]): Target[] {
  const db = new Database(join(dir, 'khabar.sqlite'));
  try {
    const now = new Date().toISOString();
    for (const lang of langs) {
      const p = STATIC_PAGES[lang];
      if (p) db.prepare(`insert into static_pages (slug, title, body_html, language, status, created_at, updated_at, published_at) values (?, ?, ?, ?, 'published', ?, ?, ?)`)
        .run(`about-${lang}`, p.title, p.body, lang, now, now, now);
    }
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
    const defaultLang = (one<{ value: string }>(`select value from settings where key = 'language'`)?.value ?? '"en"').replace(/"/g, '');
    const out: Target[] = [];
    for (const lang of langs) {
      const front = lang === defaultLang ? '' : `/${lang}`;
      const article = one<{ id: number; slug: string; headline: string }>(`select id, slug, headline from articles where status = 'published' and language = ? and source_id is null order by published_at desc limit 1`, lang);
      if (!article) continue;
      const section = one<{ slug: string }>(`select s.slug from sections s join articles a on a.section_id = s.id where a.status = 'published' and a.language = ? group by s.slug order by count(*) desc limit 1`, lang);
      const tag = one<{ slug: string }>(`select t.slug from tags t join article_tags x on x.tag_id = t.id join articles a on a.id = x.article_id where a.status = 'published' and a.language = ? group by t.slug order by count(*) desc limit 1`, lang);
      const author = one<{ slug: string }>(`select p.slug from people p join article_authors x on x.person_id = p.id where x.article_id = ?`, article.id);
      const word = article.headline.split(/\s+/).find((w) => w.length > 3) ?? article.headline;
      const add = (type: string, path: string | null | undefined) => { if (path) out.push({ type, lang, path }); };
      add('home', `${front}/`);
      add('section', section && `${front}/section/${encodeURIComponent(section.slug)}`);
      add('tag', tag && `/tag/${encodeURIComponent(tag.slug)}`);
      add('author', author && `/author/${encodeURIComponent(author.slug)}`);
      add('article', `/articles/${encodeURIComponent(article.slug)}`);
      add('search', `/search?q=${encodeURIComponent(word)}`);
      add('lite home', `/lite/${lang}/`);
      add('lite article', `/lite/articles/${encodeURIComponent(article.slug)}`);
      add('static page', STATIC_PAGES[lang] ? `/pages/about-${lang}` : null);
      add('404', `${front}/section/no-such-section`);
    }
    return out;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entry: { type: 'string', default: 'built' }, runs: { type: 'string', default: '3' }, only: { type: 'string' }, langs: { type: 'string', default: 'en,fa,ps' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs is a whole number of at least 1');
  const langs = (values.langs ?? '').split(',').filter(Boolean);
  const only = values.only?.split(',');
  let targets: Target[] = [];
  const served = await serveDemo(values.entry, (dir) => { targets = prepare(dir, langs); });
  try {
    const base = served.base;
    targets = targets.filter((t) => !only || only.includes(t.type));
    // Once unmeasured, so that every picture variant is made and kept, as on a site that has been read before.
    for (const t of targets) {
      const html = (await fetchRaw(base + t.path)).body.toString('utf8');
      for (const m of new Set([...html.matchAll(/\/media\/[^"\s,]+/g)].map((x) => x[0]))) await fetchRaw(base + m);
    }
    console.log(`lighthouse ${runs} runs per page, medians; mobile emulation, simulated throttling; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (${new Date().toISOString()})`);
    console.log(`| page | ${CATEGORIES.join(' | ')} | TBT | main thread | what cost points |\n|---|---|---|---|---|---|---|---|`);
    for (const t of targets) {
      const reports: Report[] = [];
      let failure = '';
      for (let i = 0; i < runs; i++) {
        const r = measured(base + t.path, join(served.dir, `report-${i}.json`));
        if (typeof r === 'string') failure = r;
        else reports.push(r);
      }
      const label = `${t.type} ${t.lang} ${decodeURIComponent(t.path)}`;
      console.log(reports.length ? row(label, reports) : `| ${label} | no result: ${failure} |`);
    }
    console.log(`load average at the end: ${loadavg().map((n) => n.toFixed(1)).join(' ')} (${new Date().toISOString()})`);
  } finally {
    await served.stop();
  }
}

await main();
