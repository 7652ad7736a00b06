// `khabar export json DIR`: every table that holds content, one JSON Lines file each, read a page at a time inside
// one read transaction (a consistent snapshot while the site goes on), and the media files the media rows name.
// Written into a folder beside DIR and renamed at the end: an export that fails leaves no half-written DIR.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { describeTables, fillingOrder, type TableShape } from '../db/table_map.ts';
import { masterOf } from '../media/images.ts';
import { mediaFiles } from '../media/media_rows.ts';
import { KhabarError } from '../errors.ts';
import { FORMAT, FORMAT_VERSION, MANIFEST, MEDIA_DIR, MEDIA_LIST, isVolatile, toJsonValue, type FileEntry, type Manifest } from './khabar_format.ts';

/** Called now and then: `done` of `total` rows or files of the part named `what`. */
export type MoveProgress = (done: number, total: number, what: string) => void;

export interface ExportSummary {
  tables: number;
  rows: number;
  mediaFiles: number;
  bytes: number;
  /** media rows whose master file the store does not have (their pictures cannot be made on the new instance) */
  missingMasters: string[];
}

const PAGE = 500;

/** Writes the whole newsroom as a Khabar JSON export into `dir` (which must not exist or be empty). */
export async function exportKhabar(ctx: AppContext, dir: string, progress: MoveProgress = () => {}): Promise<ExportSummary> {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length) throw new KhabarError(409, 'not_empty', `${dir} is not empty: name a new or empty folder for the export.`);
  const work = join(dirname(target), `.${target.split(/[\\/]/).pop()}.partial-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, MEDIA_DIR), { recursive: true });
  try {
    const summary = await ctx.db.transaction().execute(async (trx) => {
      // PostgreSQL: one snapshot for every page of every table. SQLite: the read transaction is that snapshot.
      if (ctx.dialect === 'postgres') await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      const migrations = (await sql<{ name: string }>`select name from ${sql.table('kysely_migration')} order by name`.execute(trx)).rows.map((r) => r.name);
      const tables = fillingOrder((await describeTables(trx)).filter((t) => !isVolatile(t.name)));
      const manifest: Manifest = {
        format: FORMAT, version: FORMAT_VERSION, createdAt: ctx.clock.now().toISOString(), dialect: ctx.dialect, migrations,
        tables: {}, media: { file: MEDIA_LIST, lines: 0, bytes: 0, sha256: '', files: 0, totalBytes: 0 },
      };
      let rows = 0;
      for (const t of tables) {
        const entry = await writeTable(trx, t, work, progress);
        manifest.tables[t.name] = { ...entry, columns: t.columns };
        rows += entry.lines;
      }
      const media = await writeMedia(ctx, trx, work, progress);
      manifest.media = media.entry;
      await writeFile(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      return { tables: tables.length, rows, mediaFiles: manifest.media.files, bytes: manifest.media.totalBytes, missingMasters: media.missing };
    });
    if (existsSync(target)) await rmdir(target);
    await rename(work, target);
    return summary;
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

/** A JSON Lines file written with backpressure, its SHA-256 and size worked out on the way. */
class LinesFile {
  private out: WriteStream;
  private hash = createHash('sha256');
  lines = 0;
  bytes = 0;
  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }
  async write(value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    this.hash.update(line);
    this.bytes += Buffer.byteLength(line);
    this.lines++;
    if (!this.out.write(line)) await once(this.out, 'drain');
  }
  async close(file: string): Promise<FileEntry> {
    this.out.end();
    await once(this.out, 'close');
    return { file, lines: this.lines, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

async function writeTable(trx: Db, t: TableShape, work: string, progress: MoveProgress): Promise<FileEntry> {
  const file = `tables/${t.name}.jsonl`;
  await mkdir(join(work, 'tables'), { recursive: true });
  const out = new LinesFile(join(work, file));
  const total = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(trx)).rows[0].n);
  progress(0, total, t.name);
  for await (const row of pages(trx, t)) {
    const clean: Record<string, unknown> = {};
    for (const c of t.columns) clean[c] = toJsonValue(row[c]);
    await out.write(clean);
    if (out.lines % PAGE === 0) progress(out.lines, total, t.name);
  }
  progress(out.lines, total, t.name);
  return out.close(file);
}

/** A table's rows in key order, a page at a time (keyset paging: each page starts after the last key seen). */
async function* pages(trx: Db, t: TableShape): AsyncGenerator<Record<string, unknown>> {
  const order = t.primaryKey.length ? t.primaryKey : t.columns;
  const orderBy = sql.join(order.map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  let offset = 0;
  for (;;) {
    const where: RawBuilder<unknown> = after && t.primaryKey.length ? sql`where (${orderBy}) > (${sql.join(after)})` : sql``;
    const skip: RawBuilder<unknown> = t.primaryKey.length ? sql`` : sql`offset ${offset}`;
    const { rows }: { rows: Record<string, unknown>[] } = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} ${where} order by ${orderBy} limit ${PAGE} ${skip}`.execute(trx);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    const last: Record<string, unknown> = rows[rows.length - 1];
    after = t.primaryKey.map((c) => last[c]);
    offset += rows.length;
  }
}

/** Copies each media row's master and the variants already made; lists every file with its checksum. */
async function writeMedia(ctx: AppContext, trx: Db, work: string, progress: MoveProgress): Promise<{ entry: Manifest['media']; missing: string[] }> {
  const list = new LinesFile(join(work, MEDIA_LIST));
  const rows = await mediaFiles(trx);
  let totalBytes = 0;
  let done = 0;
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const row of rows) {
    const master = masterOf(row.storage_key);
    const keys = [master, ...(JSON.parse(row.variants) as { key: string }[]).map((v) => v.key)];
    for (const key of keys) {
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const bytes = await ctx.media.get(key);
      // Variants are made at their first request: one never asked for is not there, and is made again later.
      if (!bytes) {
        if (key === master) missing.push(`media ${row.id} (${key})`);
        continue;
      }
      const path = join(work, MEDIA_DIR, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      await list.write({ key, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      totalBytes += bytes.length;
    }
    progress(++done, rows.length, 'media files');
  }
  const entry = await list.close(MEDIA_LIST);
  return { entry: { ...entry, files: entry.lines, totalBytes }, missing };
}
