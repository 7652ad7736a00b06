// A stored public page answered on the bare Node request, before Fastify does anything with it: no routing, no
// hooks, no cookie or body parsing, no session lookup, no rate limit, no per-request log line. What it sends is
// what the page cache's hook in Fastify sends (send_page.ts: answerFromPageCache, answer): the security headers,
// the request id, the validators, Vary, a 304 when the reader's copy is current, the ready br or gzip body. Any
// request it cannot answer exactly so goes on to Fastify untouched: another method, an address too long for the
// site, a signed-in member of staff or credentials, a path whose route it has not yet seen store a page, a query
// that reaches its route (an old address, /?p=123), a page not stored, or an encoding only Fastify's own
// compression gives (deflate).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import type { PageCache } from './page_cache.ts';
import { savesData } from './save_data.ts';
import { COMPRESS_FROM, fresh, pageHeaders, personal, pickEncoding, tellWatchers } from './send_page.ts';

/** The longest address the site answers (longer ones are refused by the site's routes, except a search). */
export const MAX_URL = 2048;

export interface HitDeps {
  cache: PageCache;
  /** the headers every answer of the app carries (security_headers.ts) */
  security: Record<string, string>;
  /** the app's context, whose page watchers are told of each hit (the static export) */
  ctx: object;
  onionUrl: string | null | undefined;
  requestId(req: IncomingMessage): string;
  draining(): boolean;
  /** told of each hit, for /metrics: method, status, seconds */
  counted?(method: string, status: number, seconds: number): void;
  /** told of each hit once it is sent, for the audience figures (page_views.ts: notePageView) */
  viewed?(req: IncomingMessage, status: number): void;
}

/** The page cache's answers given here, by status: logged in aggregate (app.ts), never a line per request. */
export interface HitCounts {
  ok: number;
  notModified: number;
}

export class CachedHits {
  readonly counts: HitCounts = { ok: 0, notModified: 0 };
  private readonly security: string[];

  constructor(private readonly deps: HitDeps) {
    this.security = Object.entries(deps.security).flat();
  }

  /** Answers the request from the page cache and returns true, or returns false having touched nothing. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    const started = this.deps.counted ? performance.now() : 0;
    const { method, url, headers } = req;
    if ((method !== 'GET' && method !== 'HEAD') || !url || url.length > MAX_URL) return false;
    const cache = this.deps.cache;
    if (!cache.enabled || cache.size === 0 || personal(headers)) return false;
    let key = cache.keyOf(url);
    if (key == null) return false;
    if (savesData(req)) key += ' save-data';
    const page = cache.get(key);
    if (!page) return false;
    const notModified = fresh(headers, page);
    const encoding = notModified ? 'identity' : pickEncoding(headers['accept-encoding']);
    const small = page.html.length < COMPRESS_FROM && Buffer.byteLength(page.html) < COMPRESS_FROM;
    const body = notModified ? null : encoding === 'identity' || small ? page.html : page[encoding];
    // Identity asked with some Accept-Encoding (deflate, say): Fastify's compression decides; a body not ready: too.
    if (!notModified && (body === null || (encoding === 'identity' && !small && headers['accept-encoding']))) return false;
    cache.hits++;
    const out = [...this.security, 'x-request-id', this.deps.requestId(req), 'x-khabar-cache', 'hit',
      ...pageHeaders(page, true, this.deps.onionUrl, url)];
    if (this.deps.draining()) out.push('connection', 'close');
    if (notModified) {
      this.counts.notModified++;
      res.writeHead(304, out);
      res.end();
    } else {
      this.counts.ok++;
      out.push('content-type', page.type ?? 'text/html; charset=utf-8');
      if (body !== page.html) out.push('content-encoding', encoding);
      out.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body!.length));
      res.writeHead(200, out);
      // Node sends no body for HEAD by itself.
      res.end(body);
    }
    tellWatchers(this.deps.ctx, url, page.tags, false);
    this.deps.counted?.(method, notModified ? 304 : 200, (performance.now() - started) / 1000);
    this.deps.viewed?.(req, notModified ? 304 : 200);
    return true;
  }
}

/** Fastify's serverFactory: the HTTP/1.1 server Fastify would make, with its timeouts, whose requests meet the
 * page cache first (`hits()` is null until the app is built). */
export function serverWithHits(hits: () => CachedHits | null): FastifyServerFactory {
  return (handler, fastifyOpts) => {
    const opts = fastifyOpts as { http?: object; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number; maxRequestsPerSocket?: number };
    const server: Server = createServer(opts.http ?? {}, (req, res) => {
      const h = hits();
      if (!h?.answer(req, res)) handler(req, res);
    });
    if (opts.keepAliveTimeout !== undefined) server.keepAliveTimeout = opts.keepAliveTimeout;
    if (opts.requestTimeout !== undefined) server.requestTimeout = opts.requestTimeout;
    if (opts.connectionTimeout !== undefined) server.setTimeout(opts.connectionTimeout);
    if (opts.maxRequestsPerSocket) server.maxRequestsPerSocket = opts.maxRequestsPerSocket;
    return server;
  };
}
