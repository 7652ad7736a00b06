// Sends a rendered page with a strong ETag (304 when the reader has it) and cache headers. A page cache slots in here.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

// Browsers revalidate every time (a cheap 304 thanks to the ETag), so a reader who just commented or an editor who
// just published never sees a stale copy; shared caches (a CDN) may keep a page for a minute.
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=600';

/** Renders a page to a complete HTML document. */
export function renderDocument(page: VNode): string {
  return '<!doctype html>' + render(page);
}

/** Replies with the page, or 304 when If-None-Match already names it. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, page: VNode | string, status = 200): FastifyReply {
  const html = typeof page === 'string' ? page : renderDocument(page);
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', status === 200 ? PAGE_CACHE_CONTROL : 'no-store').header('vary', 'accept-encoding');
  const inm = req.headers['if-none-match'];
  if (status === 200 && inm && inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}`)) {
    return reply.code(304).send();
  }
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
