// Each domain owns its tables: no folder of src/ names another domain's table in a query (scripts/table_owners.ts,
// also run by `npm run deps`), and every table the migrations make has an owner in src/db/table_owners.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { problems, sourceFiles, tableUses, OWNED_TABLES } from '../../scripts/table_owners.ts';
import { KNOWN_CROSSINGS, ownerOf } from '../../src/db/table_owners.ts';
import { describeTables } from '../../src/db/table_map.ts';
import { makeTestContext, testDialects } from '../helpers/context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('no folder of src/ queries a table another domain owns', () => {
  assert.deepEqual(problems(sourceFiles(ROOT)).map((p) => `${p.file}:${p.line} ${p.message}`), []);
});

test('a query of another domain\'s table is caught, in the builder and in raw SQL', () => {
  const bad = (file: string, text: string) => problems([{ file, text }], false).map((p) => p.message);
  assert.match(bad('src/comments/bad.ts', "await db.selectFrom('articles').select('id').execute();")[0], /articles belongs to src\/content\//);
  assert.match(bad('src/comments/bad.ts', "db.updateTable('settings').set({ value: '1' })")[0], /settings belongs to src\/content\//);
  assert.match(bad('src/content/bad.ts', "db.selectFrom('articles').innerJoin('users as u', 'u.id', 'articles.created_by')")[0], /users belongs to src\/auth\//);
  assert.match(bad('src/content/bad.ts', "db.selectFrom(['articles as a', 'media as m'])")[0], /media belongs to src\/media\//);
  assert.match(bad('src/search/bad.ts', 'await sql`select id\n  from "comments" where 1 = 1`.execute(db);')[0], /comments belongs to src\/comments\//);
  assert.match(bad('src/site/bad.ts', "db.deleteFrom('job_leases')")[0], /job_leases belongs to src\/jobs\//);
  assert.match(bad('src/ads/bad.ts', "db.insertInto('nobodys_table').values({})")[0], /no domain owns table nobodys_table/);
  // the owner itself, a CTE of the same name and prose inside SQL text are not uses
  assert.deepEqual(bad('src/content/ok.ts', "db.selectFrom('articles'); db.deleteFrom('article_tags')"), []);
  assert.deepEqual(bad('src/ads/ok.ts', "db.with('articles', (q) => q.selectFrom('ad_slots').selectAll()).selectFrom('articles')"), []);
  assert.deepEqual(bad('src/db/ok.ts', "db.selectFrom('articles'); db.selectFrom('users')"), []);
  assert.deepEqual(tableUses('src/ads/ok.ts', 'sql`-- taken from the newsroom settings\nselect 1`').map((u) => u.table), []);
});

test('a known crossing that no longer happens must leave the list', () => {
  const c = KNOWN_CROSSINGS[0];
  assert.ok(c, 'the list has an entry to test with');
  const found = problems([{ file: c.file, text: '// moved into its owner' }], false).map((p) => p.message);
  assert.ok(found.some((m) => m.includes('no longer does')), found.join('\n'));
});

for (const dialect of testDialects()) {
  test(`[${dialect}] every table the migrations make has one owner`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const tables = (await describeTables(t.ctx.db)).map((d) => d.name).filter((n) => !/^search_fts_/.test(n)); // FTS5's own shadow tables
      assert.deepEqual(tables.filter((n) => !ownerOf(n)), []);
      assert.equal(new Set(OWNED_TABLES).size, OWNED_TABLES.length, 'no table has two owners');
    } finally {
      await t.close();
    }
  });
}
