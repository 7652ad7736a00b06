// Export and import speed on a generated newsroom: `node --import tsx bench/khabar_move.ts` writes MOVE_BENCH_ARTICLES
// articles (default 20,000), each with a revision, two comments (one a reply) and two tags, into a fresh SQLite
// database, then times `export json` and `import khabar` into another fresh one, with the process's peak memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../src/runtime.ts';
import { loadConfig } from '../src/config.ts';
import { exportKhabar } from '../src/export/khabar_export.ts';
import { importKhabar } from '../src/importers/khabar_import.ts';

const N = Number(process.env.MOVE_BENCH_ARTICLES ?? 20_000);
const root = mkdtempSync(join(tmpdir(), 'khabar-move-bench-'));
const config = (name: string) => loadConfig({ KHABAR_DATA_DIR: join(root, name), KHABAR_SECRET: 'bench-secret-0123456789', KHABAR_DEMO: '0' });
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

try {
  const from = await createRuntime(config('from'));
  const db = from.ctx.db;
  const now = '2026-11-25T09:00:00.000Z';
  const section = await db.insertInto('sections').values({ slug: 'news', name: 'News', description: '', position: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('tags').values(Array.from({ length: 200 }, (_, i) => ({ slug: `tag-${i}`, name: `Tag ${i}` }))).execute();
  const body = `<p>${'A paragraph of the story, long enough to weigh what a real one weighs. '.repeat(40)}</p>`;
  for (let start = 1; start <= N; start += 200) {
    await db.transaction().execute(async (trx) => {
      const ids = Array.from({ length: Math.min(200, N - start + 1) }, (_, i) => start + i);
      await trx.insertInto('articles').values(ids.map((id) => ({
        id, slug: `story-${id}`, headline: `Story ${id}`, standfirst: 'What happened', body_html: body, body_text: body, section_id: section.id, status: 'published',
        language: id % 3 ? 'en' : 'fa', created_at: now, updated_at: now, published_at: now,
      })) as never).execute();
      await trx.insertInto('article_revisions').values(ids.map((id) => ({ article_id: id, headline: `Story ${id}`, standfirst: '', body_html: body, fields: '{}', created_at: now, note: '' }))).execute();
      await trx.insertInto('article_tags').values(ids.flatMap((id) => [{ article_id: id, tag_id: 1 + (id % 200) }, { article_id: id, tag_id: 1 + ((id + 7) % 200) }])).execute();
      for (const parent of [null, 'reply'] as const) {
        await trx.insertInto('comments').values(ids.map((id) => ({
          id: parent ? 2 * id : 2 * id - 1, article_id: id, parent_id: parent ? 2 * id - 1 : null, depth: parent ? 1 : 0, author_name: 'Reader', author_email: null,
          ip: '192.0.2.1', network: '192.0.2.0/24', body: 'A comment.', body_hash: `h${id}`, status: 'approved', score: 0.1, reasons: '[]', report_count: 0, created_at: now, updated_at: now,
        })) as never).execute();
      }
    });
  }
  const exportDir = join(root, 'export');
  peak = 0;
  let t = performance.now();
  const out = await exportKhabar(from.ctx, exportDir);
  const exportMs = performance.now() - t;
  const exportPeak = peak;
  await from.close();
  const to = await createRuntime(config('to'));
  peak = 0;
  t = performance.now();
  await importKhabar(to.ctx, exportDir);
  const importMs = performance.now() - t;
  await to.close();
  const line = (what: string, ms: number, mem: number) => `${what.padEnd(7)} ${out.rows} rows in ${(ms / 1000).toFixed(1)} s: ${Math.round(out.rows / (ms / 1000))} rows/s, ${Math.round(N / (ms / 1000))} articles/s, peak RSS ${Math.round(mem / 1e6)} MB`;
  console.log(`${N} articles, ${out.tables} tables`);
  console.log(line('export', exportMs, exportPeak));
  console.log(line('import', importMs, peak));
} finally {
  clearInterval(sample);
  rmSync(root, { recursive: true, force: true });
}
