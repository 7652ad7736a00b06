// `khabar import khabar DIR`: a Khabar JSON export read back with every id, date, status, thread and revision as it
// was. The whole export is checked first (khabar_check.ts); the rows then go in as one transaction, tables in an
// order that finds each referred-to row already there, so a failure leaves the database as it was.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { catchUpNumbering, describeTables, fillingOrder, type TableShape } from '../db/table_map.ts';
import { reindexAll } from '../search/search_index.ts';
import { MEDIA_DIR, fromJsonValue, isVolatile, type FileEntry, type Manifest } from '../export/khabar_format.ts';
import { ExportReadError, checkExport, jsonLines, readManifest } from './khabar_check.ts';
import type { MoveProgress } from '../export/khabar_export.ts';

export interface KhabarImportOptions {
  /** empty the target's content tables first instead of refusing a database that has content */
  force?: boolean;
  progress?: MoveProgress;
}

export interface KhabarImportSummary {
  tables: number;
  rows: number;
  mediaFiles: number;
}

/** True when no table that an export fills holds a row. */
export async function holdsContent(db: Db): Promise<string | null> {
  for (const t of await describeTables(db)) {
    if (isVolatile(t.name)) continue;
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.table(t.name)} limit 1`.execute(db);
    if (rows.length) return t.name;
  }
  return null;
}

/** Reads the export in `dir` into this (empty) database and media store. */
export async function importKhabar(ctx: AppContext, dir: string, opts: KhabarImportOptions = {}): Promise<KhabarImportSummary> {
  const progress = opts.progress ?? (() => {});
  const manifest = await readManifest(dir);
  const here = await describeTables(ctx.db);
  const plan = planTables(manifest, here, await appliedMigrations(ctx.db));
  const filled = await holdsContent(ctx.db);
  if (filled && !opts.force) {
    throw new ExportReadError(`This database already has content (table ${filled} has rows): import khabar fills an empty one. Use --force to empty it first.`);
  }
  const counts = await checkExport(dir, manifest, progress);
  let done = 0;
  for await (const f of jsonLines(join(dir, manifest.media.file), manifest.media.file)) {
    const key = String(f.key);
    await ctx.media.put(key, await readFile(join(dir, MEDIA_DIR, key)));
    progress(++done, counts.files, 'media files');
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (filled) for (const t of [...fillingOrder(here)].reverse()) if (!isVolatile(t.name)) await sql`delete from ${sql.table(t.name)}`.execute(trx);
    for (const t of plan) await fillTable(trx, t, join(dir, manifest.tables[t.name].file), manifest.tables[t.name], progress);
    for (const t of plan) await catchUpNumbering(trx, t);
  });
  ctx.reads.clear();
  await reindexAll(ctx);
  return { tables: plan.length, rows: counts.rows, mediaFiles: counts.files };
}

async function appliedMigrations(db: Db): Promise<string[]> {
  return (await sql<{ name: string }>`select name from ${sql.table('kysely_migration')}`.execute(db)).rows.map((r) => r.name);
}

/** The export's tables as this database has them, in filling order; refuses an export this Khabar cannot hold. */
function planTables(m: Manifest, here: TableShape[], migrations: string[]): TableShape[] {
  const newer = m.migrations.filter((name) => !migrations.includes(name));
  if (newer.length) throw new ExportReadError(`The export was made by a newer Khabar (its database has ${newer.join(', ')}, which this one does not know): update Khabar first.`);
  const byName = new Map(here.map((t) => [t.name, t]));
  for (const [table, entry] of Object.entries(m.tables)) {
    const t = byName.get(table);
    if (!t || isVolatile(table)) throw new ExportReadError(`The export has a table "${table}" this Khabar does not keep.`);
    const unknown = entry.columns.find((c) => !t.columns.includes(c));
    if (unknown) throw new ExportReadError(`The export's table ${table} has a column "${unknown}" this Khabar does not have.`);
  }
  return fillingOrder(here).filter((t) => m.tables[t.name]);
}

/** Inserts one table's rows in batches. A reference of a row to a later row of its own table (a section whose parent
 * was made after it) is set afterwards, once that row is there. */
async function fillTable(trx: Db, t: TableShape, path: string, entry: FileEntry, progress: MoveProgress): Promise<void> {
  const file = entry.file;
  const selfRefs = Object.entries(t.references).filter(([, target]) => target === t.name).map(([column]) => column);
  const key = t.primaryKey.length === 1 ? t.primaryKey[0] : null;
  const later: { id: unknown; column: string; value: unknown }[] = [];
  let batch: Record<string, unknown>[] = [];
  let columns: string[] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    const cols = columns;
    const values = batch.map((r) => sql`(${sql.join(cols.map((c) => fromJsonValue(r[c] ?? null)))})`);
    try {
      await sql`insert into ${sql.table(t.name)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
    } catch (err) {
      throw new ExportReadError(`${file}, rows ${n - batch.length + 1}-${n}: could not be written: ${(err as Error).message}`);
    }
    batch = [];
    progress(n, entry.lines, t.name);
  };
  for await (const row of jsonLines(path, file)) {
    const cols = Object.keys(row);
    // One statement per batch of rows with the same columns; the batch stays under both databases' parameter limits.
    if (cols.join() !== columns.join() || batch.length * cols.length >= 4000) {
      await flush();
      columns = cols;
    }
    for (const column of selfRefs) {
      const value = row[column];
      if (value === null || value === undefined || (key && typeof value === 'number' && value < Number(row[key]))) continue;
      if (!key) throw new ExportReadError(`${file}, row ${n + 1}: refers to its own table without a one-column key.`);
      later.push({ id: row[key], column, value });
      row[column] = null;
    }
    batch.push(row);
    n++;
  }
  await flush();
  for (const p of later) await sql`update ${sql.table(t.name)} set ${sql.ref(p.column)} = ${p.value} where ${sql.ref(key!)} = ${p.id}`.execute(trx);
  progress(n, entry.lines, t.name);
}
