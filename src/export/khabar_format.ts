// The Khabar JSON export's shape (docs/export-format.md): a manifest naming the format version, the schema's
// migrations, and per file its line count and SHA-256; one JSON Lines file per table; the media files as they are.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const FORMAT = 'khabar-export';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
/** one line per media file: {"key", "bytes", "sha256"} */
export const MEDIA_LIST = 'media.jsonl';
export const MEDIA_DIR = 'media';

/** Tables that hold no content: sign-in sessions, rate-limit and proof-of-work counters, job leases, and the search
 * index (rebuilt from the articles after an import). Left out of the export; the import leaves them as they are. */
export const VOLATILE_TABLES = ['sessions', 'auth_throttle', 'comment_pow_used', 'comment_rate_hits', 'job_leases'];

/** True for a table the export leaves out (the ones above and the search index's own tables). */
export function isVolatile(table: string): boolean {
  return VOLATILE_TABLES.includes(table) || table.startsWith('search_');
}

export interface FileEntry {
  /** path inside the export folder */
  file: string;
  /** JSON Lines files: how many lines (rows) */
  lines: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  /** the Khabar the export came from: its database kind and its applied migrations */
  dialect: string;
  migrations: string[];
  /** table -> its rows' file, in an order that fills each table after those it refers to */
  tables: Record<string, FileEntry & { columns: string[] }>;
  media: FileEntry & { files: number; totalBytes: number };
}

/** A JSON value of a row as written: Buffers (no table has any today) become {"$base64": "..."}. */
export function toJsonValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { $base64: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function fromJsonValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$base64' in v) return Buffer.from(String((v as { $base64: string }).$base64), 'base64');
  return v;
}

/** SHA-256 and size of a file, read as a stream. */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
