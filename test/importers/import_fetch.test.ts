// `khabar import wordpress` as the command line runs it: attachments not in --uploads are fetched over http with the
// partner fetcher's rules (a loopback server reachable only because KHABAR_FETCH_ALLOW names it; a missing file is a
// warning with its item), and a permalink structure given with --permalinks answers 301 too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { importCommand } from '../../src/cli/import.ts';
import { postPaths, structureProblem } from '../../src/importers/wp_addresses.ts';
import { createRuntime } from '../../src/runtime.ts';
import { testConfig } from '../helpers/context.ts';

function wxr(base: string): string {
  const attachment = (id: number, file: string) => `<item><title>Photo ${id}</title><link>https://old.example/?attachment_id=${id}</link>
    <wp:post_id>${id}</wp:post_id><wp:post_date>2020-05-03 10:00:00</wp:post_date><wp:post_name>photo-${id}</wp:post_name>
    <wp:status>inherit</wp:status><wp:post_parent>11</wp:post_parent><wp:post_type>attachment</wp:post_type>
    <wp:attachment_url>${base}/wp-content/uploads/${file}</wp:attachment_url></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><language>en</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>amina</wp:author_login><wp:author_display_name>Amina</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name></wp:category>
${attachment(10, 'here.jpg')}
${attachment(20, 'gone.jpg')}
<item><title>Council votes</title><link>https://old.example/world/council-votes.html</link><dc:creator>amina</dc:creator>
<content:encoded><![CDATA[<p>The council voted.</p>]]></content:encoded><wp:post_id>11</wp:post_id>
<wp:post_date>2020-05-03 10:00:00</wp:post_date><wp:post_date_gmt>2020-05-03 05:30:00</wp:post_date_gmt><wp:post_name>council-votes</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="world">World</category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>10</wp:meta_value></wp:postmeta></item>
</channel></rss>`;
}

test('khabar import wordpress: remote attachments fetched from an allowed server, a missing one warned; --permalinks', async () => {
  const jpeg = await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer();
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/wp-content/uploads/here.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else res.writeHead(404).end('not here');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-import-fetch-'));
  const file = join(dir, 'export.xml');
  writeFileSync(file, wxr(`http://127.0.0.1:${port}`));
  const out: string[] = [];
  const err: string[] = [];
  const saved = { log: console.log, error: console.error, write: process.stderr.write };
  console.log = (line: string) => out.push(line);
  console.error = (line: string) => err.push(line);
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  const config = { ...testConfig(dir, join(dir, 'khabar.sqlite')), fetchAllow: ['127.0.0.1/32'] };
  const run = async (...args: string[]) => {
    out.length = 0;
    err.length = 0;
    process.exitCode = undefined;
    await importCommand(args, createRuntime, () => config);
    const status = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { status, stdout: out.join('\n'), stderr: err.join('') };
  };
  try {
    const wrong = await run('wordpress', file, '--permalinks', '/%slug%/');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--permalinks: %slug% is not a permalink tag this import knows/);
    const r = await run('wordpress', file, '--permalinks', '/%category%/%postname%.html');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /media +1 added/);
    assert.match(r.stdout, new RegExp(`attachment 20 "Photo 20": http://127\\.0\\.0\\.1:${port}/wp-content/uploads/gone\\.jpg could not be fetched: the server answered 404`));
    assert.deepEqual(asked.filter((u) => u.startsWith('/wp-content/')).sort(), ['/wp-content/uploads/gone.jpg', '/wp-content/uploads/here.jpg']);
    const runtime = await createRuntime(config);
    try {
      const article = await runtime.ctx.db.selectFrom('articles').select(['slug', 'hero_media_id']).executeTakeFirstOrThrow();
      assert.ok(article.hero_media_id, 'the fetched attachment is the hero');
      const to = await runtime.ctx.db.selectFrom('redirects').select('to_path').where('from_path', '=', '/world/council-votes.html').executeTakeFirst();
      assert.equal(to?.to_path, `/articles/${article.slug}`);
    } finally {
      await runtime.close();
    }
  } finally {
    console.log = saved.log;
    console.error = saved.error;
    process.stderr.write = saved.write;
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a permalink structure gives each post its old address; a structure without a post name or id is refused', () => {
  const post = { link: '', postId: '7', slugs: ['vote'], date: '2021-03-04 05:06:07', kind: 'post' as const, category: 'world', author: 'amina' };
  const paths = postPaths(post, [], '/news', '/%author%/%year%/%post_id%-%postname%/');
  assert.ok(paths.includes('/news/amina/2021/7-vote/'), paths.join(' '));
  assert.ok(!postPaths({ ...post, category: '' }, [], '', '/%category%/%postname%/').some((p) => p.startsWith('//')), 'a missing category adds no address');
  assert.match(structureProblem('/%year%/%monthnum%/') ?? '', /needs %postname% or %post_id%/);
  assert.match(structureProblem('archives/%post_id%') ?? '', /must start with \//);
  assert.equal(structureProblem('/%category%/%postname%.html'), null);
});
