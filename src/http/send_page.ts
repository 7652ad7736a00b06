// The one way an HTML page leaves the app: site pages, comment answers, sign-in pages, previews and error pages
// all come through sendPage, which renders the page and sets its ETag, compression, cache and privacy headers.
// A public page that names what it shows (cacheTags) is kept in the page cache (page_cache.ts) with its
// compressed bodies: answerFromPageCache, a hook before the route, sends it again without rendering; other public
// pages (error pages) are still compressed once per version, kept by ETag.
import { hash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { remember } from '../remember.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { pageCacheKey, type PageCache, type PageQuery, type StoredPage } from './page_cache.ts';
import { SaveData, savesData } from './save_data.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the public pages kept ready to send (page_cache.ts); off when KHABAR_PAGE_CACHE_MB is 0 */
    pageCache: PageCache;
  }
}

// Browsers revalidate every time (a cheap 304 thanks to the ETag), so a reader who just commented or an editor who
// just published never sees a stale copy; shared caches (a CDN) may keep a page for a minute.
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=600';

/** Who a page is for: every reader (may be cached when it is a 200), or one person (a sign-in step, a draft
 * preview, the answer to a reader's own comment: never cached, never indexed, its address never sent to another
 * site as a referrer). */
export type Audience = 'public' | 'private';

export interface PageOptions {
  /** 200 unless said; anything else (an error page, a refused form) is never cached. */
  status?: number;
  audience?: Audience;
  /** What the page shows, as page-cache tags (src/site/cache_tags.ts): a public 200 page that names them is kept
   * until one of them changes. Without them the page is rendered every time. */
  cacheTags?: readonly string[];
}

/** What is told of each public page an app answers through here: its address, its page-cache tags (none for a
 * page that names none), and whether it was rendered for this request (or sent from the page cache). */
export type PageWatcher = (url: string, tags: readonly string[] | undefined, rendered: boolean) => void;

/** The watchers of each app, by its context (the one object every encapsulated Fastify instance shares). */
const watchers = new WeakMap<object, Set<PageWatcher>>();

/** Tells `watcher` of every page the app with this context answers until the returned function is called (the
 * static export learns each page's tags this way, and counts what it rendered). */
export function watchPages(ctx: object, watcher: PageWatcher): () => void {
  const set = watchers.get(ctx) ?? new Set();
  watchers.set(ctx, set.add(watcher));
  return () => set.delete(watcher);
}

function told(reply: FastifyReply, tags: readonly string[] | undefined, rendered: boolean): void {
  if (reply.server.ctx) tellWatchers(reply.server.ctx, reply.request.url, tags, rendered);
}

/** Tells the watchers of the app with this context of a page it answered. */
export function tellWatchers(ctx: object, url: string, tags: readonly string[] | undefined, rendered: boolean): void {
  const set = watchers.get(ctx);
  if (set) for (const w of set) w(url, tags, rendered);
}

/** Requests that won the right to store their page: the address, the cache's generation when the render began,
 * and the page once rendered (stored when the response is done, when every cookie it sets is known). */
const storing = new WeakMap<FastifyRequest, { key: string; generation: number; path: string; query: PageQuery | undefined; page?: StoredPage }>();

/** Requests that must get their own page: a signed-in member of staff (their session cookie), or any request that
 * carries credentials. Previews and comment answers never come here (their routes are outside the site's). */
export function personal(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization) return true;
  return headers.cookie?.includes(`${SESSION_COOKIE}=`) === true;
}

/** A page's place in the cache: its address as far as its route reads it, and whether the reader saves data (a
 * page of smallest pictures); null when the request must reach the route (page_cache.ts, PageQuery.leads). */
export function withSaveData(key: string | null, saveData: boolean): string | null {
  return key !== null && saveData ? `${key} save-data` : key;
}

/** What public pages vary by: the encoding, and Save-Data (src/http/save_data.ts). */
export const PAGE_VARY = 'accept-encoding, save-data';

/** onRequest hook of the public site: answers a stored page without running the route; the first request for a
 * missing page renders it while the others for the same address wait for it (one render, not N). */
export async function answerFromPageCache(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const cache = req.server.pageCache;
  if (!cache?.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
  if (personal(req.headers)) {
    reply.header('x-khabar-cache', 'bypass');
    return undefined;
  }
  const query = req.routeOptions.config.query;
  const key = withSaveData(pageCacheKey(req.url, query), savesData(req));
  if (key === null) {
    reply.header('x-khabar-cache', 'bypass');
    return undefined;
  }
  let page = cache.get(key);
  if (!page) {
    const flight = cache.inFlight(key);
    if (flight) {
      await flight;
      page = cache.get(key);
    } else {
      const at = req.url.indexOf('?');
      storing.set(req, { key, generation: cache.beginFlight(key), path: at < 0 ? req.url : req.url.slice(0, at), query });
    }
  }
  if (!page) {
    cache.misses++;
    reply.header('x-khabar-cache', 'miss');
    return undefined;
  }
  cache.hits++;
  told(reply, page.tags, false);
  reply.header('x-khabar-cache', 'hit');
  return answer(reply, page, 'public', true);
}

/** onResponse and onRequestAbort hook: keeps the rendered page when nothing about the answer was personal (a 200
 * that set no cookie: the cookie plugin writes Set-Cookie only as the answer leaves, so it is checked here), then
 * lets the waiting requests go. */
export async function endPageCacheFlight(req: FastifyRequest, reply?: FastifyReply): Promise<void> {
  const s = storing.get(req);
  if (!s) return;
  storing.delete(req);
  const cache = req.server.pageCache;
  // an abandoned request (onRequestAbort, no reply) stores nothing
  const setsCookie = reply && (reply.getHeader('set-cookie') !== undefined || reply.raw.getHeader('set-cookie') !== undefined);
  if (s.page && reply?.statusCode === 200 && !setsCookie) cache.put(s.key, s.page, s.generation, s.path, s.query);
  cache.endFlight(s.key);
}

/** Bodies below this many bytes go out as they are: compressing them saves less than the header costs. The app's
 * compression of other answers (JSON) uses the same threshold. */
export const COMPRESS_FROM = 1024;

const compressed = remember<Buffer>(500);

/** The weak validator of a text: the same text is sent br, gzip or plain under one validator (RFC 9110 §8.8.1).
 * The one-shot hash() costs a third less than createHash() on a page this size. */
function weakEtag(text: string): string {
  return `W/"${hash('sha256', text, 'base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function namesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  const opaque = etag.replace(/^W\//, '');
  return !!ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}

/** Renders a page to a complete HTML document, its pictures the smallest when the reader saves data. */
function renderDocument(page: VNode, saveData: boolean): string {
  return `<!doctype html>${render(h(SaveData.Provider, { value: saveData }, page))}`;
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

function compress(html: string, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
    : gzipSync(html, { level: 6 });
}

/** Sends a page (a rendered document or, only for the last-resort error page, ready HTML); 304 when a public
 * page's If-None-Match already names it. */
export function sendPage(reply: FastifyReply, page: VNode | string, { status = 200, audience = 'public', cacheTags }: PageOptions = {}): FastifyReply {
  const html = typeof page === 'string' ? page : renderDocument(page, savesData(reply.request));
  return store(reply, { html, etag: weakEtag(html), br: null, gzip: null, tags: [], bytes: 0 }, audience, status, cacheTags);
}

/** Keeps a public 200 answer in the page cache when its request won the right to store it and it says what it
 * shows; then sends it. Nothing personal is kept: a request with credentials never gets here, and a response that
 * sets a cookie is dropped once it has gone (endPageCacheFlight). */
function store(reply: FastifyReply, page: StoredPage, audience: Audience, status: number, cacheTags?: readonly string[]): FastifyReply {
  const cacheable = audience === 'public' && status === 200;
  told(reply, cacheTags, true);
  const s = storing.get(reply.request);
  if (s && cacheable && cacheTags) {
    const size = Buffer.byteLength(page.html);
    const br = size < COMPRESS_FROM ? null : compress(page.html, 'br');
    const gzip = size < COMPRESS_FROM ? null : compress(page.html, 'gzip');
    s.page = { ...page, br, gzip, tags: [...new Set(cacheTags)], bytes: size + (br?.length ?? 0) + (gzip?.length ?? 0) + 200 };
    return answer(reply, s.page, audience, cacheable, status);
  }
  return answer(reply, page, audience, cacheable, status);
}

/** Whether the client's copy is current: If-None-Match names the ETag or, without If-None-Match, a document's
 * Last-Modified is no later than If-Modified-Since (RFC 9110 §13.1.3). */
export function fresh(headers: IncomingHttpHeaders, page: StoredPage): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) return namesEtag(inm, page.etag);
  const ims = Date.parse(headers['if-modified-since'] ?? '');
  return page.lastModified !== undefined && !Number.isNaN(ims) && Math.floor(page.lastModified.getTime() / 1000) * 1000 <= ims;
}

/** The headers of a page's answer that its status and body do not decide, as name, value, name, value...: the
 * validators, caching and Vary, and the onion address. A stored page's hit (cached_hits.ts) sends the same. */
export function pageHeaders(page: StoredPage, cacheable: boolean, onion: string | null | undefined, url: string): string[] {
  const out = ['etag', page.etag, 'cache-control', cacheable ? PAGE_CACHE_CONTROL : 'no-store', 'vary', PAGE_VARY];
  // Tor Browser offers the onion service's copy of the same page (KHABAR_ONION_URL); the header names it.
  if (onion) out.push('onion-location', onion + url);
  if (page.lastModified) out.push('last-modified', page.lastModified.toUTCString());
  return out;
}

function answer(reply: FastifyReply, page: StoredPage, audience: Audience, cacheable: boolean, status = 200): FastifyReply {
  const req = reply.request;
  const { html, etag } = page;
  const headers = pageHeaders(page, cacheable, req.server.ctx?.config.onionUrl, req.url);
  for (let i = 0; i < headers.length; i += 2) reply.header(headers[i], headers[i + 1]);
  if (audience === 'private') {
    // Its address may hold a one-time token: no referrer carries it to another site, and no search engine keeps
    // it. same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with the page's own form
    // posts, which the same-origin check of every form (src/http/same_origin.ts) must refuse.
    reply.header('referrer-policy', 'same-origin').header('x-robots-tag', 'noindex, nofollow');
  }
  if (cacheable && fresh(req.headers, page)) return reply.code(304).send();
  reply.code(status).type(page.type ?? 'text/html; charset=utf-8');
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (encoding === 'identity' || (html.length < COMPRESS_FROM && Buffer.byteLength(html) < COMPRESS_FROM)) return reply.send(html);
  const ready = page[encoding];
  if (ready) return reply.header('content-encoding', encoding).send(ready);
  // Pages every reader gets (error pages too: a crawler's stream of 404s is one page) are kept compressed by
  // ETag; one person's pages are not, they would only push the others out of the memo.
  const body = audience === 'public' ? compressed(encoding + etag, () => compress(html, encoding)) : compress(html, encoding);
  return reply.header('content-encoding', encoding).send(body);
}

export interface DocumentOptions {
  /** the newest change it shows: Last-Modified, and 304 on If-Modified-Since */
  lastModified?: Date;
  /** as for pages: a document that names what it shows is kept in the page cache, so a repeat request or a
   * conditional one (a feed reader's 304) is answered before the route builds anything */
  cacheTags?: readonly string[];
}

/** Sends a public document that is not a page (a feed, a sitemap) the way public pages go: weak ETag, shared-cache
 * header, br/gzip, 304 on If-None-Match (or If-Modified-Since when there is no If-None-Match), the page cache. */
export function sendDocument(reply: FastifyReply, text: string, type: string, { lastModified, cacheTags }: DocumentOptions = {}): FastifyReply {
  return store(reply, { html: text, etag: weakEtag(text), type, lastModified, br: null, gzip: null, tags: [], bytes: 0 }, 'public', 200, cacheTags);
}

/** Sends a public file as its bytes (an e-book, a download) the way documents go: a strong ETag of the bytes, the
 * pages' cache header, Last-Modified, 304 on If-None-Match (or If-Modified-Since without it). The app's compression
 * takes it only when its type gains from it (a zip does not). */
export function sendBytes(reply: FastifyReply, bytes: Buffer, type: string, { lastModified }: Pick<DocumentOptions, 'lastModified'> = {}): FastifyReply {
  const file: StoredPage = { html: '', etag: `"${hash('sha256', bytes, 'base64url').slice(0, 27)}"`, type, lastModified, br: null, gzip: null, tags: [], bytes: bytes.length };
  told(reply, undefined, true);
  const headers = pageHeaders(file, true, reply.server.ctx?.config.onionUrl, reply.request.url);
  for (let i = 0; i < headers.length; i += 2) reply.header(headers[i], headers[i + 1]);
  if (fresh(reply.request.headers, file)) return reply.code(304).send();
  return reply.code(200).type(type).send(bytes);
}
