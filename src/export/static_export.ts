// `khabar export static DIR`: the whole public site as static files, rendered by the real app (fastify.inject,
// the same routes, views and cache headers a reader gets), crawled from the home page, the lite edition, the
// sitemaps and feeds, each page's links and assets followed. Every address becomes a file with relative links
// (src/export/paths.ts), so the copy works from any web server, from a subfolder, or opened from disk, and
// fetches nothing from the origin. A manifest of every file's hash makes a second run write only what changed,
// remove what is gone, and not ask again for pictures (their names change whenever their bytes do).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { KhabarError } from '../errors.ts';
import { exportedAddress, fileFor, relativeLink, serverOnly } from './paths.ts';
import { rewriteHtml, rewriteText } from './rewrite.ts';
import type { Progress } from './progress.ts';

export const MANIFEST = '.khabar-export.json';

/** Where the crawl starts; everything else is found from these. */
const START = ['/', '/lite/', '/sitemap.xml', '/robots.txt', '/manifest.webmanifest', '/favicon.ico'];

/** Pictures: a variant's name holds its bytes' hash, so a file the last run wrote is still right. */
const NAMED_BY_CONTENT = /^\/media\//;

interface Manifest {
  version: 1;
  origin: string;
  /** file in the copy -> sha256 of its bytes */
  files: Record<string, string>;
}

export interface ExportResult {
  /** files in the copy */
  files: number;
  /** written this run (new or changed) */
  written: number;
  unchanged: number;
  /** files of the last run that the site no longer has */
  removed: number;
  /** addresses linked from the site that answered neither a page nor a redirect ("path status") */
  failed: string[];
}

function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) {
    if (existsSync(dir) && readdirSync(dir).length) {
      throw new KhabarError(400, 'export_folder_not_empty', `${dir} is not empty and holds no Khabar export; choose an empty or new folder`);
    }
    return null;
  }
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return m.version === 1 && m.files && typeof m.files === 'object' ? m : null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A page standing in for a redirect (old slugs, /lite): a static server cannot answer 301. */
function redirectPage(to: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${to}</title><meta http-equiv="refresh" content="0; url=${to}"><link rel="canonical" href="${to}"></head><body><p><a href="${to}">${to}</a></p></body></html>`;
}

/** Exports the site `app` serves into `dir`; see the file's head. */
export async function exportStatic(app: FastifyInstance, dir: string, progress?: Progress): Promise<ExportResult> {
  const origin = app.ctx.config.publicUrl;
  const old = readManifest(dir);
  // Another origin made the last copy: none of its files can be trusted to be this site's.
  const previous = old && old.origin === origin ? old.files : {};
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  const result: ExportResult = { files: 0, written: 0, unchanged: 0, removed: 0, failed: [] };
  const queue = [...START];
  const seen = new Set(queue);
  const found = (address: string) => {
    if (!seen.has(address)) {
      seen.add(address);
      queue.push(address);
    }
  };
  const keep = (file: string, bytes: Buffer) => {
    const sum = sha256(bytes);
    files[file] = sum;
    if (previous[file] === sum && existsSync(join(dir, file))) {
      result.unchanged++;
      return;
    }
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
    result.written++;
  };

  for (let done = 0; done < queue.length; done++) {
    const address = queue[done];
    progress?.update(done, queue.length, address);
    const file = fileFor(address);
    if (NAMED_BY_CONTENT.test(address) && previous[file] && existsSync(join(dir, file))) {
      files[file] = previous[file];
      result.unchanged++;
      continue;
    }
    const r = await app.inject({ method: 'GET', url: address });
    const type = String(r.headers['content-type'] ?? '');
    if (r.statusCode >= 300 && r.statusCode < 400 && typeof r.headers.location === 'string') {
      const target = new URL(r.headers.location, `${origin}${address}`);
      if (target.origin !== origin || serverOnly(target.pathname)) continue;
      const to = exportedAddress(target);
      found(to);
      if (!file.endsWith('.html')) continue;
      keep(file, Buffer.from(redirectPage(relativeLink(file, fileFor(to)))));
    } else if (r.statusCode !== 200) {
      result.failed.push(`${address} ${r.statusCode}`);
    } else if (type.startsWith('text/html')) {
      keep(file, Buffer.from(rewriteHtml(r.body, file, origin, found)));
    } else if (/xml|text\/plain|json|manifest/.test(type)) {
      keep(file, Buffer.from(rewriteText(r.body, file, origin, found)));
    } else {
      keep(file, r.rawPayload);
    }
  }
  // The copy's own "not found" page, which most static servers send for a missing file.
  const missing = await app.inject({ method: 'GET', url: '/articles/this-address-is-not-in-the-copy' });
  keep('404.html', Buffer.from(rewriteHtml(missing.body, '404.html', origin, found)));
  for (const f of Object.keys(old?.files ?? {})) {
    if (files[f] || !existsSync(join(dir, f))) continue;
    rmSync(join(dir, f));
    result.removed++;
  }
  const manifest: Manifest = { version: 1, origin, files };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
  result.files = Object.keys(files).length;
  return result;
}
