// The public pages kept ready to send: each stored by its address (path and query, nothing personal) with its
// ETag and its br and gzip bodies, so a hit costs no render and no compression. Each page names the tags of what
// it shows (article:7, section:2, settings...); a change purges the pages carrying its tag. Bounded by bytes,
// the least recently used page goes first. Purges travel through a PurgeBus so that several instances can share
// them (in process today; Redis pub/sub has the same shape).

/** One stored page: the HTML (or a feed's or sitemap's text) and its compressed bodies, under one ETag. */
export interface StoredPage {
  html: string;
  /** a document's media type and last change (feeds, sitemaps); pages are HTML with no Last-Modified */
  type?: string;
  lastModified?: Date;
  etag: string;
  br: Buffer | null;
  gzip: Buffer | null;
  tags: readonly string[];
  bytes: number;
}

/** What a cached route reads of the address's query, declared with the route (`config: { query }`, see
 * src/site/routes.ts). A route that declares nothing has its whole query, as sent, in the key: never wrong, only
 * a new entry per variant. */
export interface PageQuery {
  /** parameters whose value changes the page: each is in the key, with every value it is given, in order */
  reads: readonly string[];
  /** parameters that may send the reader elsewhere (an old site's /?p=123): a request carrying one is always
   * answered by the route (a redirect, or the page), never from the cache, and its answer is not kept */
  leads?: readonly string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** what a public page's route reads of the query (the page cache's key) */
    query?: PageQuery;
  }
}

/** The cache key of an address answered by a route reading `q`: its path and the parameters the route reads, in one
 * order and one encoding, or null when the request must reach the route (it carries a parameter that may lead
 * elsewhere). The parameters come in the order the route declares them; others (utm_*, fbclid, a bot's random ones) and their order make no new entry. */
export function pageCacheKey(url: string, q: PageQuery | undefined): string | null {
  const at = url.indexOf('?');
  if (at < 0) return url;
  if (!q) return url;
  const given = new URLSearchParams(url.slice(at + 1));
  if (q.leads) for (const name of q.leads) if (given.has(name)) return null;
  let query = '';
  for (const name of q.reads) {
    for (const v of given.getAll(name)) query += `${query ? '&' : ''}${encodeURIComponent(name)}=${encodeURIComponent(v)}`;
  }
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at);
}

/** Told of each purge; `here` when the change was made by this instance (which alone calls the purge webhook). */
export type PurgeListener = (tags: readonly string[], here: boolean) => void;

/** Carries purges (lists of tags) to every instance's cache, this one included: publish() has purged this
 * instance's pages when it resolves. */
export interface PurgeBus {
  /** Purges every instance; resolves to the addresses the other instances had stored under the tags, as far as the
   * bus knows them (a shared index; in process: none), so that the CDN is told of them too. */
  publish(tags: readonly string[]): Promise<string[]>;
  subscribe(onPurge: PurgeListener): () => void;
  /** Told of each page this instance stores, with its tags (a shared bus indexes them for publish()). */
  stored?(key: string, tags: readonly string[]): void;
}

/** One process: a purge reaches this instance's cache only. */
export class LocalPurgeBus implements PurgeBus {
  protected listeners = new Set<PurgeListener>();
  async publish(tags: readonly string[]): Promise<string[]> {
    this.deliver(tags, true);
    return [];
  }
  protected deliver(tags: readonly string[], here: boolean): void {
    for (const l of this.listeners) l(tags, here);
  }
  subscribe(onPurge: PurgeListener): () => void {
    this.listeners.add(onPurge);
    return () => this.listeners.delete(onPurge);
  }
}

/** Paths whose route's query declaration is remembered: far more than the pages a cache holds. */
const MAX_ROUTES = 50_000;

export class PageCache {
  /** counters for tests and the bench */
  hits = 0;
  misses = 0;
  stored = 0;
  /** purges applied here and the pages they dropped (metrics) */
  purges = 0;
  purgedPages = 0;
  private entries = new Map<string, StoredPage>();
  private byTag = new Map<string, Set<string>>();
  private flights = new Map<string, { done: Promise<void>; end: () => void }>();
  private bytes = 0;
  /** what the route of each path with a stored page reads of the query: a request is matched to its page before
   * any routing (keyOf); a route never changes for a path, so this is kept across purges, bounded by count */
  private routes = new Map<string, PageQuery | undefined>();
  /** bumped by every purge: a render that began before a purge may show what the purge removed, so it is not kept */
  private generation = 0;

  /** told of each page stored (the purge bus's shared index) */
  onStored: ((key: string, tags: readonly string[]) => void) | null = null;

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /** The stored page, now the most recently used. */
  get(key: string): StoredPage | undefined {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** The key of a request for `url` (its raw address; ' save-data' appended by the caller), judged without
   * routing by what the route of its path declared when it stored a page there: undefined when no page of that
   * path is known (routing must decide), null when the request must reach its route. */
  keyOf(url: string): string | null | undefined {
    const at = url.indexOf('?');
    if (at < 0) return url;
    const path = url.slice(0, at);
    if (!this.routes.has(path)) return undefined;
    return pageCacheKey(url, this.routes.get(path));
  }

  /** Another request is already rendering this page: wait for it rather than render it again. */
  inFlight(key: string): Promise<void> | undefined {
    return this.flights.get(key)?.done;
  }

  /** This request renders the page; returns the generation to hand back to put(). */
  beginFlight(key: string): number {
    let end!: () => void;
    const done = new Promise<void>((resolve) => { end = resolve; });
    this.flights.set(key, { done, end });
    return this.generation;
  }

  endFlight(key: string): void {
    const f = this.flights.get(key);
    if (!f) return;
    this.flights.delete(key);
    f.end();
  }

  /** Stores a page rendered since `generation`; false when a purge came in between or the page is too big. */
  put(key: string, page: StoredPage, generation: number, path = key, query?: PageQuery): boolean {
    if (generation !== this.generation || page.bytes > this.maxBytes) return false;
    if (this.routes.size >= MAX_ROUTES && !this.routes.has(path)) this.routes.clear();
    this.routes.set(path, query);
    this.remove(key);
    this.entries.set(key, page);
    this.bytes += page.bytes;
    for (const t of page.tags) {
      let keys = this.byTag.get(t);
      if (!keys) this.byTag.set(t, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
    this.stored++;
    this.onStored?.(key, page.tags);
    return true;
  }

  /** Drops every page carrying one of the tags; returns their addresses. */
  purge(tags: readonly string[]): string[] {
    this.generation++;
    const keys = new Set<string>();
    for (const t of tags) for (const k of this.byTag.get(t) ?? []) keys.add(k);
    for (const k of keys) this.remove(k);
    this.purges++;
    this.purgedPages += keys.size;
    return [...keys];
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
    for (const t of e.tags) {
      const keys = this.byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(t);
    }
  }
}

/** Tells a CDN which addresses changed: one POST of {"urls": [...]} per purge; a failure is logged, never waited on
 * by the change that caused it. */
export function sendPurgeWebhook(webhook: string, urls: string[], log: (msg: string, err?: unknown) => void): Promise<void> {
  return fetch(webhook, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls }), signal: AbortSignal.timeout(10_000),
  }).then(async (r) => {
    await r.body?.cancel();
    if (!r.ok) log(`purge webhook answered ${r.status}`);
  }, (err) => log('purge webhook failed', err));
}
