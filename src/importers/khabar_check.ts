// Reading a Khabar JSON export before anything is written: the manifest's format and version, and every file whole
// (its size, line count and SHA-256 as the manifest says, each line a JSON object). A truncated, corrupt or foreign
// export is refused here with the file or line it concerns, so the import never stops half-way for it.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { assertSafeKey } from '../media/store.ts';
import { KhabarError } from '../errors.ts';
import { FORMAT, FORMAT_VERSION, MANIFEST, MEDIA_DIR, fileDigest, type FileEntry, type Manifest } from '../export/khabar_format.ts';

/** A Khabar export that cannot be read back, with what is wrong and where. */
export class ExportReadError extends KhabarError {
  constructor(message: string) {
    super(400, 'bad_export', message);
  }
}

/** The lines of a JSON Lines file as objects, streamed; `where` names the file in messages. */
export async function* jsonLines(path: string, where: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ExportReadError(`${where}, line ${n}: not valid JSON (the file is damaged or was cut short).`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ExportReadError(`${where}, line ${n}: a row must be a JSON object.`);
    yield value as Record<string, unknown>;
  }
}

/** Reads and checks the manifest of the export in `dir`. */
export async function readManifest(dir: string): Promise<Manifest> {
  const path = join(dir, MANIFEST);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ExportReadError(`${dir}: no such folder (name the folder khabar export json wrote).`);
  if (!existsSync(path)) throw new ExportReadError(`${dir} has no ${MANIFEST}: it is not a Khabar export, or it was not copied whole.`);
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
  } catch {
    throw new ExportReadError(`${MANIFEST}: not valid JSON (the file is damaged or was cut short).`);
  }
  if (!m || m.format !== FORMAT) throw new ExportReadError(`${MANIFEST}: not a Khabar export (its format is ${JSON.stringify(m?.format ?? null)}, not "${FORMAT}").`);
  if (m.version !== FORMAT_VERSION) {
    throw new ExportReadError(`${MANIFEST}: export format version ${JSON.stringify(m.version ?? null)}; this Khabar reads version ${FORMAT_VERSION}${typeof m.version === 'number' && m.version > FORMAT_VERSION ? ' (update Khabar to read it)' : ''}.`);
  }
  if (!m.tables || typeof m.tables !== 'object' || !m.media || !Array.isArray(m.migrations)) throw new ExportReadError(`${MANIFEST}: the list of tables, media or migrations is missing.`);
  return m as Manifest;
}

/** Checks one listed file: there, inside the export, of the size and checksum the manifest gives. */
async function checkFile(dir: string, entry: FileEntry, what: string): Promise<string> {
  const rel = normalize(String(entry.file ?? ''));
  if (!rel || rel.startsWith('..') || rel.startsWith(sep) || rel.includes(`${sep}..${sep}`)) throw new ExportReadError(`${MANIFEST}: ${what} names a file outside the export (${entry.file}).`);
  const path = join(dir, rel);
  if (!existsSync(path)) throw new ExportReadError(`${entry.file} (${what}) is missing from the export.`);
  const got = await fileDigest(path);
  if (got.bytes !== entry.bytes) throw new ExportReadError(`${entry.file} (${what}): ${got.bytes} bytes where the manifest says ${entry.bytes}: the file was cut short or changed.`);
  if (got.sha256 !== entry.sha256) throw new ExportReadError(`${entry.file} (${what}): its checksum does not match the manifest: the file is damaged or was changed.`);
  return path;
}

/** Checks every file of the export; returns the total count of rows and media files (for the progress line). */
export async function checkExport(dir: string, m: Manifest, progress: (done: number, total: number, what: string) => void): Promise<{ rows: number; files: number }> {
  let rows = 0;
  for (const [table, entry] of Object.entries(m.tables)) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new ExportReadError(`${MANIFEST}: "${table}" is not a table name.`);
    const path = await checkFile(dir, entry, `table ${table}`);
    let n = 0;
    for await (const row of jsonLines(path, entry.file)) {
      n++;
      const stray = Object.keys(row).find((c) => !entry.columns.includes(c));
      if (stray) throw new ExportReadError(`${entry.file}, line ${n}: column "${stray}" is not among the table's columns in the manifest.`);
    }
    if (n !== entry.lines) throw new ExportReadError(`${entry.file}: ${n} rows where the manifest says ${entry.lines}.`);
    rows += n;
    progress(rows, rows, `checked ${table}`);
  }
  const list = await checkFile(dir, m.media, 'media list');
  let files = 0;
  for await (const f of jsonLines(list, m.media.file)) {
    files++;
    const key = String(f.key ?? '');
    try {
      assertSafeKey(key);
    } catch {
      throw new ExportReadError(`${m.media.file}, line ${files}: "${key}" is not a media file name.`);
    }
    const path = join(dir, MEDIA_DIR, key);
    if (!existsSync(path)) throw new ExportReadError(`media file ${key} is missing from the export.`);
    const bytes = await readFile(path);
    if (bytes.length !== f.bytes || createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw new ExportReadError(`media file ${key}: damaged (its size or checksum does not match ${m.media.file}).`);
    if (files % 100 === 0) progress(files, m.media.files, 'checked media');
  }
  if (files !== m.media.files) throw new ExportReadError(`${m.media.file}: ${files} files where the manifest says ${m.media.files}.`);
  return { rows, files };
}
