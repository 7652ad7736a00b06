// Media of an earlier site: found in the uploads folder given on the command line (a copy of wp-content/uploads,
// or Ghost's content/images), or fetched over http(s) by the fetcher the caller passes in (the syndication
// fetcher's safety rules). Each file goes through the media pipeline (src/media/images.ts); a missing or broken
// file is a warning, never the end of the import.
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { ingestImage } from '../media/images.ts';
import type { ImportRun } from './run.ts';

export const REMOTE_MEDIA_UNAVAILABLE = 'fetching remote media is not available yet';

/** Where a media file may be found: a path inside the uploads folder and/or its original address. */
export interface MediaSource {
  /** relative to the uploads folder, e.g. "2020/05/photo.jpg" */
  relativePath?: string;
  url?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

/** The part of an address after the uploads folder ("/wp-content/uploads/" or Ghost's "/content/images/"). */
export function uploadsPath(url: string): string | null {
  const m = /\/(?:wp-content\/uploads|content\/images)\/([^?#]+)/.exec(url);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** Reads a file inside the uploads folder; null when missing. A path that leaves the folder is refused. */
async function readUpload(dir: string, rel: string): Promise<Buffer | null> {
  const root = resolve(dir);
  const full = resolve(join(root, rel));
  if (!full.startsWith(root + sep)) return null;
  try {
    const real = await realpath(full);
    if (!real.startsWith((await realpath(root)) + sep)) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

/** Brings one file into the media library; returns its media id, or null with a warning naming `label`. */
export async function bringMedia(run: ImportRun, label: string, src: MediaSource): Promise<number | null> {
  if (run.opts.dryRun) return null;
  let bytes: Buffer | null = null;
  const rel = src.relativePath || (src.url ? uploadsPath(src.url) : null);
  if (rel && run.opts.uploadsDir) {
    bytes = await readUpload(run.opts.uploadsDir, rel);
    // A body often shows a resized copy (photo-300x200.jpg); the original is the better source.
    if (!bytes && /-\d+x\d+(\.\w+)$/.test(rel)) bytes = await readUpload(run.opts.uploadsDir, rel.replace(/-\d+x\d+(\.\w+)$/, '$1'));
  }
  if (!bytes && src.url && /^https?:\/\//i.test(src.url)) {
    if (!run.opts.fetchMedia) {
      run.warn(label, `${src.url}: ${rel && run.opts.uploadsDir ? 'not in the uploads folder, and ' : ''}${REMOTE_MEDIA_UNAVAILABLE}`);
      return null;
    }
    try {
      bytes = await run.opts.fetchMedia(src.url);
    } catch (err) {
      run.warn(label, `${src.url} could not be fetched: ${(err as Error).message}`);
      return null;
    }
  }
  if (!bytes) {
    run.warn(label, `media file ${rel ?? src.url ?? '(none named)'} is missing${run.opts.uploadsDir ? '' : ' (no --uploads folder given)'}`);
    return null;
  }
  try {
    const row = await ingestImage(run.ctx, bytes, { alt: clip(src.alt, 500), caption: clip(src.caption, 500), credit: clip(src.credit, 200) });
    return row.id;
  } catch (err) {
    run.warn(label, `media file ${rel ?? src.url} was not imported: ${(err as Error).message}`);
    return null;
  }
}

const clip = (s: string | undefined, max: number) => (s ?? '').trim().slice(0, max);
