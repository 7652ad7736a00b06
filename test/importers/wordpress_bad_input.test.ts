import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { importWordPress } from '../../src/importers/wordpress.ts';
import { autop, convertWordPressBody } from '../../src/importers/wp_body.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/wordpress.xml');

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>https://t.example</wp:base_site_url><wp:base_blog_url>https://t.example</wp:base_blog_url>`;
const TAIL = '</channel></rss>';

function post(id: number, slug: string, body: string, comments = ''): string {
  return `<item><title>Post ${id}</title><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${id}</wp:post_id>
<wp:post_date>2020-01-01 00:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${comments}</item>`;
}

function chain(n: number): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(`<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author>R${i}</wp:comment_author><wp:comment_date_gmt>2020-01-02 00:00:00</wp:comment_date_gmt><wp:comment_content>Reply ${i}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${i - 1}</wp:comment_parent></wp:comment>`);
  }
  return out.join('');
}

test('WordPress bodies: wpautop rules, shortcodes, block comments', () => {
  assert.equal(autop('One\ntwo\n\nThree'), '<p>One<br />\ntwo</p>\n<p>Three</p>');
  assert.equal(autop('<ul>\n<li>a</li>\n</ul>\n\nAfter'), '<ul>\n<li>a</li>\n</ul>\n<p>After</p>');
  assert.equal(autop('<pre>a\n\nb</pre>'), '<pre>a\n\nb</pre>');
  const warnings: string[] = [];
  const html = convertWordPressBody('<!-- wp:paragraph --><p>x [[gallery]] [1] [Editor\'s note]</p><!-- /wp:paragraph -->\n[embed]javascript:alert(1)[/embed]', {
    galleryImage: () => null, warn: (m) => warnings.push(m),
  });
  assert.equal(html, '<p>x [gallery] [1] [Editor\'s note]</p>', 'escaped shortcodes and bracketed text stay; an unsafe embed goes');
  assert.deepEqual(warnings, []);
});

for (const dialect of testDialects()) {
  test(`WordPress import: bad input is named and the rest goes on (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const file = (name: string, text: string) => {
        const p = join(t.dir, name);
        writeFileSync(p, text);
        return p;
      };
      const notExport = await importWordPress(ctx, [file('page.html', '<html><body>Hello</body></html>')]);
      assert.match(notExport.errors[0], /not a WordPress export/);
      const json = await importWordPress(ctx, [file('ghost.json', '{"db": []}')]);
      assert.match(json.errors[0], /malformed or cut short/);
      const empty = await importWordPress(ctx, [join(t.dir, 'missing.xml')]);
      assert.match(empty.errors[0], /missing or empty/);

      // Cut short in the middle of the third item: what came before it is imported, whole.
      const full = readFileSync(FIXTURE, 'utf8');
      const cut = await importWordPress(ctx, [file('cut.xml', full.slice(0, full.indexOf('شورای شهر')))]);
      assert.match(cut.errors[0], /malformed or cut short \(line \d+:\d+: /);
      assert.deepEqual(cut.counts.articles, { added: 1, unchanged: 0, skipped: 0 });
      assert.equal((await ctx.db.selectFrom('articles').select('slug').execute()).map((a) => a.slug).join(), 'first-story');

      const big = `<p>${'word '.repeat(200_000)}</p>`;
      // Ten thousand levels on SQLite; PostgreSQL's round trips make a tenth of them prove the same walk there.
      const deep = dialect === 'sqlite' ? 10_000 : 1_000;
      const r = await importWordPress(ctx, [file('bad.xml', `${HEAD}
        ${post(1, 'deep-thread', 'Deep.', chain(deep))}
        ${post(2, 'big-body', big)}
        ${post(2, 'same-id', 'Twice.')}
        ${post(3, 'deep-thread', 'A duplicate slug &amp; an entity &hellip; and &unknown; one.')}
        <item><title>Odd &unknown; entity</title><wp:post_id>4</wp:post_id><wp:post_type>wpcf7_contact_form</wp:post_type></item>
        ${TAIL}`)]);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.counts.articles, { added: 3, unchanged: 0, skipped: 0 });
      assert.ok(r.warnings.some((w) => w.startsWith('post 2 "Post 2": appears twice in the export')), r.warnings.join('\n'));
      assert.ok(r.warnings.some((w) => w.includes('unknown post type "wpcf7_contact_form"')));
      assert.ok(r.warnings.some((w) => /unknown entity/.test(w)));
      assert.ok(r.warnings.some((w) => w.includes('/articles/deep-thread is taken; it is /articles/deep-thread-2')));
      const bigRow = await ctx.db.selectFrom('articles').select(['word_count', 'body_html']).where('slug', '=', 'big-body').executeTakeFirstOrThrow();
      assert.equal(bigRow.word_count, 200_000);
      const dup = await ctx.db.selectFrom('articles').select('headline').where('slug', '=', 'deep-thread-2').executeTakeFirstOrThrow();
      assert.equal(dup.headline, 'Post 3');
      const body = await ctx.db.selectFrom('articles').select('body_html').where('slug', '=', 'deep-thread-2').executeTakeFirstOrThrow();
      assert.match(body.body_html, /A duplicate slug &amp; an entity … and &amp;unknown; one\./);
      // The chain is kept whole, its replies beside their parent below the site's deepest level (3).
      const deepId = (await ctx.db.selectFrom('articles').select('id').where('slug', '=', 'deep-thread').executeTakeFirstOrThrow()).id;
      const comments = await ctx.db.selectFrom('comments').select(['depth', 'parent_id']).where('article_id', '=', deepId).execute();
      assert.equal(comments.length, deep);
      assert.deepEqual([...new Set(comments.map((c) => c.depth))].sort(), [0, 1, 2, 3]);
      assert.equal(comments.filter((c) => c.depth === 3).length, deep - 3);
    } finally {
      await t.close();
    }
  });
}
