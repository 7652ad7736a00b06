// Every address WordPress answered for an item keeps working: each is stored as a 301 to the new page through the
// site's stored redirects (src/content/redirects.ts). The permalink the export itself gives (<link>) is kept, and
// the other structures a site may have used (?p=ID, /YYYY/MM/DD/slug/, /YYYY/MM/slug/, /slug/) besides it.

/** The path of a WordPress address, decoded the way the site's redirect lookup decodes a request (null if foreign). */
export function sitePath(url: string, siteUrls: string[]): string | null {
  let u: URL;
  try {
    u = new URL(url, siteUrls[0] || 'http://wordpress.invalid');
  } catch {
    return null;
  }
  if (siteUrls.length && !siteUrls.some((s) => sameHost(s, u))) return null;
  let path = u.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // left encoded: it never matches a decoded request, and harms nothing
  }
  return `${path}${u.search}`;
}

function sameHost(site: string, u: URL): boolean {
  try {
    return new URL(site).host.toLowerCase() === u.host.toLowerCase();
  } catch {
    return false;
  }
}

/** The blog's own path prefix ("" or "/news") from its base URL. */
export function blogPrefix(baseBlogUrl: string): string {
  try {
    return new URL(baseBlogUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** WordPress's permalink structure tags (Settings > Permalinks) this import can fill in. */
const STRUCTURE_TAGS = ['year', 'monthnum', 'day', 'hour', 'minute', 'second', 'post_id', 'postname', 'category', 'author'];

/** Why a permalink structure given on the command line cannot be used, or null when it can. */
export function structureProblem(structure: string): string | null {
  if (!structure.startsWith('/')) return `the permalink structure must start with / (e.g. /%year%/%monthnum%/%postname%/), not "${structure}"`;
  const tags = [...structure.matchAll(/%([a-z_]+)%/g)].map((m) => m[1]);
  const unknown = tags.find((t) => !STRUCTURE_TAGS.includes(t));
  if (unknown) return `%${unknown}% is not a permalink tag this import knows (${STRUCTURE_TAGS.map((t) => `%${t}%`).join(' ')})`;
  return tags.includes('postname') || tags.includes('post_id') ? null : 'the permalink structure needs %postname% or %post_id%';
}

export interface OldPost {
  link: string;
  postId: string;
  slugs: string[];
  date: string;
  kind: 'post' | 'page';
  /** for a permalink structure with %category% and %author% */
  category?: string;
  author?: string;
}

/** A post's address under a permalink structure such as /%category%/%postname%/ (null when a tag has no value). */
function byStructure(structure: string, p: OldPost, slug: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(p.date);
  const values: Record<string, string | undefined> = {
    year: d?.[1], monthnum: d?.[2], day: d?.[3], hour: d?.[4], minute: d?.[5], second: d?.[6], post_id: p.postId, postname: slug, category: p.category, author: p.author,
  };
  const tags = [...structure.matchAll(/%([a-z_]+)%/g)].map((m) => m[1]);
  if (tags.some((tag) => !values[tag])) return null;
  return structure.replace(/%([a-z_]+)%/g, (_, tag: string) => values[tag] ?? '');
}

/** The old addresses of a post: its permalink, its ?p= form and the common date and name structures, for each slug,
 * and the site's own permalink structure when one is given (`--permalinks`). */
export function postPaths(p: OldPost, siteUrls: string[], prefix: string, structure?: string): string[] {
  const out = new Set<string>();
  const link = p.link ? sitePath(p.link, siteUrls) : null;
  if (link) out.add(link);
  out.add(`${prefix}/?${p.kind === 'page' ? 'page_id' : 'p'}=${p.postId}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(p.date);
  for (const slug of p.slugs) {
    if (!slug) continue;
    out.add(`${prefix}/${slug}/`);
    const own = structure && p.kind === 'post' ? byStructure(structure, p, slug) : null;
    if (own) out.add(`${prefix}${own}`);
    if (m && p.kind === 'post') {
      out.add(`${prefix}/${m[1]}/${m[2]}/${m[3]}/${slug}/`);
      out.add(`${prefix}/${m[1]}/${m[2]}/${slug}/`);
    }
  }
  return withAndWithoutSlash([...out]);
}

/** WordPress answers /slug and /slug/ alike; so do the stored redirects. */
export function withAndWithoutSlash(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    out.add(p);
    if (p.includes('?')) continue;
    if (p.endsWith('/') && p.length > 1) out.add(p.slice(0, -1));
    else if (!p.endsWith('/') && !/\.\w+$/.test(p)) out.add(`${p}/`);
  }
  return [...out];
}

