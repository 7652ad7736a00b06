// Where a state-changing request came from, judged by the headers a browser attaches and a page on another site
// can neither forge nor remove (Origin, Sec-Fetch-Site, Referer). See the CSRF note in site/comment_routes.ts.
import type { FastifyRequest } from 'fastify';

/** Whether the request came from one of our own pages. With `headerless`, a request without any of the
 *  headers (not a browser, so it carries no reader's or staff member's cookies) passes too. */
export function fromOwnSite(req: FastifyRequest, publicUrl: string, opts: { headerless?: boolean } = {}): boolean {
  const own = new Set([originOf(publicUrl), originOf(`${req.protocol}://${req.host}`)]);
  own.delete('null');
  const origin = req.headers.origin;
  if (origin !== undefined) return own.has(originOf(origin));
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || (site === 'none' && !!opts.headerless);
  const referer = req.headers.referer;
  if (!referer) return !!opts.headerless;
  return own.has(originOf(referer));
}

/** The serialized origin of a URL (default ports dropped), or "null" when it is not one. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
