// `khabar import khabar` refuses what it cannot read back whole: a cut-short or changed file, another format
// version, a folder that is not an export, a missing media file, a row the database refuses, a database that has
// content. Each refusal names the file (or line) and leaves the target database empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { exportKhabar } from '../../src/export/khabar_export.ts';
import { holdsContent, importKhabar } from '../../src/importers/khabar_import.ts';
import { ingestImage, masterOf } from '../../src/media/images.ts';
import { makeTestContext, type TestContext } from '../helpers/context.ts';


async function smallNewsroom(t: TestContext): Promise<void> {
  const now = t.clock.now().toISOString();
  const db = t.ctx.db;
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
  const m = await ingestImage(t.ctx, png, { alt: 'A square' });
  const s = await db.insertInto('sections').values({ slug: 'news', name: 'News', description: '', position: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('articles').values({ slug: 'first', headline: 'First', section_id: s.id, hero_media_id: m.id, status: 'published', created_at: now, updated_at: now, published_at: now } as never).execute();
  await db.insertInto('settings').values({ key: 'site.name', value: '"Test News"' }).execute();
}

/** Rewrites a file of the export and the manifest's size and checksum for it, so only the content is wrong. */
function rewrite(dir: string, file: string, change: (text: string) => string): void {
  const text = change(readFileSync(join(dir, file), 'utf8'));
  writeFileSync(join(dir, file), text);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entry = Object.values(manifest.tables as Record<string, { file: string; bytes: number; sha256: string }>).find((e) => e.file === file);
  assert.ok(entry);
  entry.bytes = Buffer.byteLength(text);
  entry.sha256 = createHash('sha256').update(text).digest('hex');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

test('import khabar: bad exports and non-empty targets are refused with words, and nothing is written', async () => {
  const source = await makeTestContext('sqlite');
  const target = await makeTestContext('sqlite');
  const work = mkdtempSync(join(tmpdir(), 'khabar-bad-export-'));
  const good = join(work, 'good');
  try {
    await smallNewsroom(source);
    await exportKhabar(source.ctx, good);
    await assert.rejects(exportKhabar(source.ctx, good), /is not empty: name a new or empty folder/);
    const cases: [string, (dir: string) => void, RegExp][] = [
      ['not an export', (d) => unlinkSync(join(d, 'manifest.json')), /has no manifest\.json: it is not a Khabar export/],
      ['manifest damaged', (d) => truncateSync(join(d, 'manifest.json'), 20), /manifest\.json: not valid JSON/],
      ['another version', (d) => writeFileSync(join(d, 'manifest.json'), readFileSync(join(d, 'manifest.json'), 'utf8').replace('"version": 1', '"version": 7')), /export format version 7; this Khabar reads version 1 \(update Khabar to read it\)/],
      ['another format', (d) => writeFileSync(join(d, 'manifest.json'), '{"format":"wordpress"}'), /not a Khabar export \(its format is "wordpress"/],
      ['cut short', (d) => truncateSync(join(d, 'tables/articles.jsonl'), 30), /tables\/articles\.jsonl \(table articles\): \d+ bytes where the manifest says \d+: the file was cut short/],
      ['changed', (d) => writeFileSync(join(d, 'tables/sections.jsonl'), readFileSync(join(d, 'tables/sections.jsonl'), 'utf8').replace('News', 'Nevs')), /tables\/sections\.jsonl \(table sections\): its checksum does not match/],
      ['broken line', (d) => rewrite(d, 'tables/articles.jsonl', (s) => s.slice(0, 40)), /tables\/articles\.jsonl, line 1: not valid JSON/],
      ['stray column', (d) => rewrite(d, 'tables/sections.jsonl', (s) => s.replace('{', '{"colour":"red",')), /tables\/sections\.jsonl, line 1: column "colour" is not among/],
      ['refused row', (d) => rewrite(d, 'tables/articles.jsonl', (s) => s.replace(/"headline":"First"/, '"headline":null')), /tables\/articles\.jsonl, rows 1-1: could not be written/],
      ['media missing', (d) => rmSync(join(d, 'media'), { recursive: true }), /media file .* is missing from the export/],
    ];
    for (const [name, spoil, message] of cases) {
      const dir = join(work, name.replace(/ /g, '-'));
      cpSync(good, dir, { recursive: true });
      spoil(dir);
      await assert.rejects(importKhabar(target.ctx, dir), message, name);
      assert.equal(await holdsContent(target.ctx.db), null, `${name}: nothing written`);
    }
    // An export goes in once; a second time the database has content and is refused unless --force.
    await importKhabar(target.ctx, good);
    await assert.rejects(importKhabar(target.ctx, good), /already has content \(table \w+ has rows\).*--force/);
    await importKhabar(target.ctx, good, { force: true });
    const rows = await target.ctx.db.selectFrom('articles').select(['slug', 'headline']).execute();
    assert.deepEqual(rows, [{ slug: 'first', headline: 'First' }]);
    // A picture whose master the store lost is exported as its row, and named.
    const media = await source.ctx.db.selectFrom('media').select(['id', 'storage_key']).executeTakeFirstOrThrow();
    rmSync(join(source.ctx.config.mediaDir, masterOf(media.storage_key) ?? ''));
    const lost = await exportKhabar(source.ctx, join(work, 'lost'));
    assert.deepEqual(lost.missingMasters, [`media ${media.id} (${masterOf(media.storage_key)})`]);
  } finally {
    await source.close();
    await target.close();
    rmSync(work, { recursive: true, force: true });
  }
});
