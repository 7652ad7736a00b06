// `khabar export static DIR`: the whole public site as static files, rendered by the real app (fastify.inject,
// the same routes, views and cache headers a reader gets), crawled from the home page, the lite edition, the
// sitemaps and feeds, each page's links and assets followed. Every address becomes a file with relative links
// (src/export/paths.ts), so the copy works from any web server, from a subfolder, or opened from disk, and
// fetches nothing from the origin. A manifest of every file's hash makes a second run write only what changed,
// remove what is gone, and not ask again for pictures (their names change whenever their bytes do). It also keeps,
// for each page, its page-cache tags and the links it had, and the stamp of every tag (export_stamps.ts): a second
// run renders again only the pages one of whose tags has a new stamp, and follows the kept links of the others.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { KhabarError } from '../errors.ts';
import { exportedAddress, fileFor, relativeLink, serverOnly } from './paths.ts';
import { rewriteHtml, rewriteText } from './rewrite.ts';
import { siteStamps, stampFor, type Stamps } from './export_stamps.ts';
import { watchPages } from '../http/send_page.ts';
import { signingKey } from '../mirrors/signing.ts';
import { FORMAT, SIGNATURE, SIGNED_MANIFEST, signManifest } from '../mirrors/signed_manifest.ts';

/** How far an export has come, told as it goes (the command line draws it: src/cli/progress.ts). */
export interface Progress {
  /** `done` of the `known` addresses so far (the crawl finds more as it goes) */
  update(done: number, known: number, address: string): void;
  finish(summary: string): void;
}

export const MANIFEST = '.khabar-export.json';

/** Where the crawl starts; everything else is found from these. */
const START = ['/', '/lite/', '/sitemap.xml', '/robots.txt', '/manifest.webmanifest', '/favicon.ico'];

/** Pictures: a variant's name holds its bytes' hash, so a file the last run wrote is still right. */
const NAMED_BY_CONTENT = /^\/media\//;

/** A rendered page as the last run saw it. */
interface PageRecord {
  /** its page-cache tags */
  tags: string[];
  /** the addresses it linked to or loaded */
  links: string[];
}

interface Manifest {
  version: 1 | 2;
  origin: string;
  /** file in the copy -> sha256 of its bytes */
  files: Record<string, string>;
  /** address -> the page (version 2) */
  pages?: Record<string, PageRecord>;
  /** the stamps of every tag at that run (version 2) */
  stamps?: Stamps;
}

/** The copy's own "not found" page shows the site's frame: its settings and sections. */
const NOT_FOUND = '/articles/this-address-is-not-in-the-copy';
const frameTags = (stamps: Stamps) => Object.keys(stamps).filter((t) => t === 'settings' || t === 'list:sections' || t.startsWith('section:'));

export interface ExportResult {
  /** files in the copy */
  files: number;
  /** written this run (new or changed) */
  written: number;
  unchanged: number;
  /** files of the last run that the site no longer has */
  removed: number;
  /** pages and documents the app rendered this run (the others were unchanged since the last run, or came from
   * the page cache) */
  rendered: number;
  /** pages taken from the last run without asking the app: nothing they show has changed */
  reused: number;
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
  return (m.version === 1 || m.version === 2) && m.files && typeof m.files === 'object' ? m : null;
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
  const same = old && old.origin === origin ? old : null;
  const previous = same?.files ?? {};
  const stamps = await siteStamps(app.ctx);
  const before = same?.stamps ?? {};
  // a page is unchanged when every tag it had keeps its stamp (a tag no longer known counts as changed)
  const unchanged = (rec: PageRecord | undefined) => !!rec?.tags.length && rec.tags.every((t) => stampFor(before, t) !== undefined && stampFor(before, t) === stampFor(stamps, t));
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  const pages: Record<string, PageRecord> = {};
  const result: ExportResult = { files: 0, written: 0, unchanged: 0, removed: 0, rendered: 0, reused: 0, failed: [] };
  const queue = [...START];
  const seen = new Set(queue);
  let links: string[] = [];
  const found = (address: string) => {
    links.push(address);
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

  // the tags of the page being asked for, and how many pages the app renders
  const answered: { tags?: readonly string[] } = {};
  const unwatch = watchPages(app.ctx, (_url, t, rendered) => {
    answered.tags = t;
    if (rendered) result.rendered++;
  });
  try {
    for (let done = 0; done < queue.length; done++) {
      const address = queue[done];
      progress?.update(done, queue.length, address);
      const file = fileFor(address);
      const kept = previous[file] && existsSync(join(dir, file));
      if (NAMED_BY_CONTENT.test(address) && kept) {
        files[file] = previous[file];
        result.unchanged++;
        continue;
      }
      const last = same?.pages?.[address];
      if (kept && last && unchanged(last)) {
        files[file] = previous[file];
        pages[address] = last;
        result.unchanged++;
        result.reused++;
        for (const l of last.links) found(l);
        continue;
      }
      answered.tags = undefined;
      links = [];
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
      // (set by the watcher while the app answered: TypeScript cannot see that)
      const got = answered.tags as readonly string[] | undefined;
      if (r.statusCode === 200 && got?.length) pages[address] = { tags: [...new Set(got)], links };
    }
    // The copy's own "not found" page, which most static servers send for a missing file.
    const last404 = same?.pages?.[NOT_FOUND];
    if (previous['404.html'] && existsSync(join(dir, '404.html')) && unchanged(last404)) {
      files['404.html'] = previous['404.html'];
      pages[NOT_FOUND] = last404!;
      result.unchanged++;
      result.reused++;
    } else {
      const missing = await app.inject({ method: 'GET', url: NOT_FOUND });
      keep('404.html', Buffer.from(rewriteHtml(missing.body, '404.html', origin, () => {})));
      pages[NOT_FOUND] = { tags: frameTags(stamps), links: [] };
    }
  } finally {
    unwatch();
  }
  for (const f of Object.keys(old?.files ?? {})) {
    if (files[f] || !existsSync(join(dir, f))) continue;
    rmSync(join(dir, f));
    result.removed++;
  }
  const manifest: Manifest = { version: 2, origin, files, pages, stamps };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
  // The copy's signed manifest (src/mirrors): a reader or a verifier can tell it is the newsroom's, file by file.
  const key = await signingKey(app.ctx);
  const signed = signManifest({ format: FORMAT, origin, generatedAt: app.ctx.clock.now().toISOString(), publicKey: key.publicKey, files }, key.privateKey);
  writeFileSync(join(dir, SIGNED_MANIFEST), signed.bytes);
  writeFileSync(join(dir, SIGNATURE), signed.signature);
  result.files = Object.keys(files).length;
  return result;
}
