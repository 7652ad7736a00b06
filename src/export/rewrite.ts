// What a page of the site becomes in a static copy: every link and asset address relative to the file (so nothing
// is fetched from the origin), forms that need the server pointed at the main site, and the comment form replaced
// by a link to the story on the main site. The pages themselves come from the real app; this only edits addresses.
import { t } from '../i18n/index.ts';
import { exportedAddress, fileFor, relativeLink, serverOnly, toTop } from './paths.ts';

const ATTRIBUTES = /\s(href|src|srcset|action|content|poster)="([^"]*)"/g;

/** Rewrites one address found in the copy's file `from`: a same-site address becomes a relative link to the file
 * it is exported as (found() is told of it, to export it too); a server-only one points at the main site. */
function rewriteUrl(raw: string, from: string, origin: string, found: (address: string) => void): string {
  const value = raw.replace(/&amp;/g, '&');
  if (!value.startsWith('/') && !value.startsWith(`${origin}/`) && value !== origin) return raw;
  if (value.startsWith('//')) return raw;
  let u: URL;
  try {
    u = new URL(value, `${origin}/`);
  } catch {
    return raw;
  }
  if (u.origin !== origin) return raw;
  if (serverOnly(u.pathname)) return `${origin}${u.pathname}${u.search}${u.hash}`.replace(/&/g, '&amp;');
  const address = exportedAddress(u);
  found(address);
  return relativeLink(from, fileFor(address)) + u.hash;
}

/** The comment form and its script, the report buttons and the reply links all need the server. */
function withoutCommentForm(html: string, lang: string, story: string): string {
  const link = `<p class="comments-elsewhere"><a href="${story}#comment-form">${t(lang, 'export.comment')}</a></p>`;
  return html
    .replace(/<form id="comment-form"[\s\S]*?<\/form>/, link)
    .replace(/<form class="comment-report"[\s\S]*?<\/form>/g, '')
    .replace(/<a class="comment-reply"[^>]*>[\s\S]*?<\/a>/g, '')
    .replace(/<script type="module" src="[^"]*comments\.js[^"]*"[^>]*><\/script>/, '');
}

/** Opened from disk (file://) a browser refuses module scripts and the web-app manifest (they need CORS): the
 * copy's scripts are plain deferred ones (none imports another), and a copy is no installable app. */
function forDisk(html: string): string {
  return html.replace(/<script type="module" src=/g, '<script defer src=').replace(/<link rel="manifest" href="[^"]*"\/?>/g, '');
}

/** A page of the copy, written as the file `from`. */
export function rewriteHtml(html: string, from: string, origin: string, found: (address: string) => void): string {
  const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? 'en';
  // the story's address on the main site, read before the canonical link becomes relative
  const story = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? origin;
  const edited = html.replace(ATTRIBUTES, (_all, name: string, value: string) => {
    if (name === 'srcset') {
      const set = value.split(',').map((entry) => {
        const [url, ...rest] = entry.trim().split(/\s+/);
        return [rewriteUrl(url, from, origin, found), ...rest].join(' ');
      });
      return ` ${name}="${set.join(', ')}"`;
    }
    return ` ${name}="${rewriteUrl(value, from, origin, found)}"`;
  });
  // What is left names the origin in text (JSON-LD): the same address, relative to this file. Then the comment
  // form becomes its link to the main site, the one address of the origin a copy keeps.
  return withPolicy(forDisk(withoutCommentForm(edited.split(`${origin}/`).join(toTop(from)), lang, story)));
}

/** The copy's pages carry their content security policy themselves (a copy is served from any host, or opened
 * from disk, without the site's headers): the site's own, less what a <meta> cannot say (frame-ancestors, CSP 3
 * 6.1.2 / HTML's http-equiv). No form is posted from a copy, and no <base> changes its addresses. */
const COPY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; "
  + "object-src 'none'; base-uri 'none'; form-action 'none'";

function withPolicy(html: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  return html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${COPY_POLICY}">`);
}

/** A feed, sitemap, robots.txt or manifest of the copy: addresses of the origin become relative to the file; the
 * pages they name are exported too. */
export function rewriteText(text: string, from: string, origin: string, found: (address: string) => void): string {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // An Atom category's scheme names the tags' address as an identifier: made relative, never fetched.
  let out = text.replace(new RegExp(`scheme="${escaped}/`, 'g'), `scheme="${toTop(from)}`);
  out = out.replace(new RegExp(`${escaped}(/[^\\s"'<>)]*)?`, 'g'), (all) => rewriteUrl(all, from, origin, found));
  // A web manifest names its icons and start from the site's root.
  if (from.endsWith('.webmanifest')) out = out.replace(/"\/([^"]*)"/g, (_, p: string) => `"${relativeLink(from, fileFor(`/${p}`))}"`);
  return out;
}
