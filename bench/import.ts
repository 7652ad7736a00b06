// WordPress import at archive scale: generates an export of IMPORT_BENCH_POSTS posts (default 50,000, each with a
// category, two tags, a classic-editor body and two comments), imports it into a fresh SQLite newsroom, and prints
// the rate and the peak resident memory. The reference is reading the same file without writing anything (the
// streaming parser alone), in the same process. Figures only, no assertions.
//   node --import tsx bench/import.ts
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createRuntime } from '../src/runtime.ts';
import { importWordPress } from '../src/importers/wordpress.ts';
import { readWxr } from '../src/importers/wxr_reader.ts';

const POSTS = Number(process.env.IMPORT_BENCH_POSTS ?? 50_000);

async function writeExport(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel><title>Bench</title><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>News Desk</wp:author_display_name></wp:author>\n`);
  for (let s = 0; s < 20; s++) await write(`<wp:category><wp:term_id>${s + 1}</wp:term_id><wp:category_nicename>section-${s}</wp:category_nicename><wp:cat_name>Section ${s}</wp:cat_name></wp:category>\n`);
  const para = 'The council met on Sunday and voted late into the night on the budget for the coming year.\n';
  for (let i = 1; i <= POSTS; i++) {
    const d = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    await write(`<item><title>Story number ${i}</title><link>https://bench.example/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/story-${i}/</link>
<dc:creator>desk</dc:creator><content:encoded><![CDATA[${para.repeat(4)}\n${para.repeat(3)}\n${para.repeat(3)}]]></content:encoded>
<excerpt:encoded><![CDATA[Summary of story ${i}.]]></excerpt:encoded><wp:post_id>${i}</wp:post_id><wp:post_date>${d}</wp:post_date><wp:post_date_gmt>${d}</wp:post_date_gmt>
<wp:post_name>story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="section-${i % 20}">Section ${i % 20}</category><category domain="post_tag" nicename="tag-${i % 500}">Tag ${i % 500}</category><category domain="post_tag" nicename="topic-${i % 37}">Topic ${i % 37}</category>
<wp:comment><wp:comment_id>${i * 2}</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_date_gmt>${d}</wp:comment_date_gmt><wp:comment_content>Thank you.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>${i * 2 + 1}</wp:comment_id><wp:comment_author>Other</wp:comment_author><wp:comment_date_gmt>${d}</wp:comment_date_gmt><wp:comment_content>Agreed.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${i * 2}</wp:comment_parent></wp:comment>
</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

function peakMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'khabar-import-bench-'));
try {
  const file = join(dir, 'export.xml');
  await writeExport(file);
  const mb = statSync(file).size / 1024 / 1024;
  console.log(`Export: ${POSTS} posts, ${mb.toFixed(1)} MB`);

  let t = performance.now();
  let items = 0;
  for await (const e of readWxr(file)) if (e.kind === 'item') items++;
  const readSeconds = (performance.now() - t) / 1000;
  console.log(`Reading only (reference): ${items} items in ${readSeconds.toFixed(1)} s, ${(mb / readSeconds).toFixed(1)} MB/s`);

  const runtime = await createRuntime(loadConfig({ KHABAR_DATA_DIR: dir, KHABAR_DEMO: '0', KHABAR_SECRET: 'bench-secret-0123456789' }));
  const memory = peakMemory();
  t = performance.now();
  const report = await importWordPress(runtime.ctx, [file]);
  const seconds = (performance.now() - t) / 1000;
  const peak = memory.stop();
  await runtime.close();
  console.log(`Import: ${report.counts.articles?.added ?? 0} articles, ${report.counts.comments?.added ?? 0} comments in ${seconds.toFixed(1)} s: `
    + `${(POSTS / seconds).toFixed(0)} posts/s, ${(mb / seconds).toFixed(2)} MB/s, ${(seconds / readSeconds).toFixed(1)}x the reading time`);
  console.log(`Peak resident memory during the import: ${(peak / 1024 / 1024).toFixed(0)} MB (the file is ${mb.toFixed(0)} MB)`);
  if (report.warnings.length || report.errors.length) console.log(`Warnings: ${report.warnings.length}, errors: ${report.errors.length}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
