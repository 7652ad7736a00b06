// Sends a rendered page with a strong ETag (304 when the reader has it), cache headers and compression. The same
// HTML compresses to the same bytes, so compressed bodies are kept by ETag: a page is still rendered on every
// request, but compressed once per version. A page cache slots in here.
import { hash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { remember } from '../remember.ts';

// Browsers revalidate every time (a cheap 304 thanks to the ETag), so a reader who just commented or an editor who
// just published never sees a stale copy; shared caches (a CDN) may keep a page for a minute.
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=600';

const compressed = remember<Buffer>(500);

/** Renders a page to a complete HTML document. */
export function renderDocument(page: VNode): string {
  return '<!doctype html>' + render(page);
}

/** Sends a page meant for one person (a sign-in step, a draft preview): never cached, never indexed, and its
 * address, which may hold a one-time token, never sent on as a referrer. */
export function sendPrivatePage(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow').type('text/html; charset=utf-8').send(renderDocument(page));
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (RFC 9110 §12.5.3; q=0 refuses). */
export function pickEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

function compress(html: string, etag: string, encoding: 'br' | 'gzip'): Buffer {
  return compressed(encoding + etag, () => encoding === 'br'
    ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
    : gzipSync(html, { level: 6 }));
}

/** Replies with the page, or 304 when If-None-Match already names it. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, page: VNode | string, status = 200): FastifyReply {
  const html = typeof page === 'string' ? page : renderDocument(page);
  // Weak: the same page is sent br, gzip or plain under one validator (RFC 9110 §8.8.1). The one-shot hash()
  // costs a third less than createHash() on a page this size.
  const etag = `W/"${hash('sha256', html, 'base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', status === 200 ? PAGE_CACHE_CONTROL : 'no-store').header('vary', 'accept-encoding');
  const inm = req.headers['if-none-match'];
  if (status === 200 && inm && inm.split(/\s*,\s*/).some((t) => t === etag || `W/${t}` === etag)) {
    return reply.code(304).send();
  }
  reply.code(status).type('text/html; charset=utf-8');
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (encoding === 'identity' || html.length < 1024) return reply.send(html);
  return reply.header('content-encoding', encoding).send(compress(html, etag, encoding));
}
