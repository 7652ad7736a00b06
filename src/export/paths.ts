// Where each address of the site lands in a static copy, and the relative link from one file to another, so that
// the copy works from any web server, from a subfolder, and opened from disk (file://, which resolves no folder
// to its index.html: every link names its file).
import { posix } from 'node:path';

/** Addresses that need the running server (forms, the newsroom, the APIs): a static copy links to the main site. */
const SERVER_ONLY = /^\/((fa|ps)\/search|search|admin|api|comments|preview|healthz)(\/|$|\?)/;

/** File types a copy keeps under their own name; any other address is a page, kept as <address>/index.html. */
const FILE_TYPES = /\.(xml|txt|json|webmanifest|css|js|png|jpe?g|gif|webp|avif|ico|svg|woff2?|epub)$/i;
/** The offline editions (/offline/<lang>/<date>.html): files of their own too, not folders of an index.html. */
const EDITION = /^\/offline\/[a-z]{2}\/\d{4}-\d{2}-\d{2}\.html$/;

export function serverOnly(path: string): boolean {
  return SERVER_ONLY.test(path);
}

/** The query a page may keep in a copy (a list's page number); anything else is the page without its query. */
export function keptQuery(search: URLSearchParams): string {
  const page = search.get('page');
  return page && /^[1-9]\d{0,5}$/.test(page) ? `page=${page}` : '';
}

/** The address a copy exports for a link's target: its path and the query it keeps; assets drop their ?v=. */
export function exportedAddress(u: URL): string {
  if (FILE_TYPES.test(u.pathname) || EDITION.test(u.pathname)) return u.pathname;
  const q = keptQuery(u.searchParams);
  return q ? `${u.pathname}?${q}` : u.pathname;
}

/** A list's RSS feed (src/site/feeds/feed_paths.ts) has no extension; a copy keeps it as feed.xml, so that a static
 * server sends it as XML. */
const RSS = /^(\/(section|tag|author)\/[^/]+|\/[a-z]{2})?\/feed$/;

/** The file (a path inside the copy, decoded: "articles/گزارش/index.html") an exported address is written to. */
export function fileFor(address: string): string {
  const [path, query = ''] = address.split('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  // No segment may climb out of the copy's folder, whatever an address holds.
  const clean = decoded.split('/').filter((s) => s && s !== '.' && s !== '..').join('/');
  if (FILE_TYPES.test(path) || EDITION.test(path)) return clean;
  if (RSS.test(path)) return `${clean}.xml`;
  const folder = clean ? `${clean}/` : '';
  return query ? `${folder}index-${query.replace(/[^a-z0-9]+/gi, '-')}.html` : `${folder}index.html`;
}

/** The link from one file of the copy to another, each segment percent-encoded ("../گزارش/index.html" encoded). */
export function relativeLink(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(`/${fromFile}`), `/${toFile}`) || posix.basename(toFile);
  return rel.split('/').map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

/** "../../" from a file to the copy's top folder ("./" at the top). */
export function toTop(fromFile: string): string {
  const depth = fromFile.split('/').length - 1;
  return depth ? '../'.repeat(depth) : './';
}
