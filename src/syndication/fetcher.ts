// The one way Khabar fetches a URL somebody stored (partner feeds and pages; imported images later). It is a
// server-side request maker, so it refuses what would let a stored URL reach inside the newsroom's network:
// only http/https; every address checked after DNS resolution and the checked address pinned for the
// connection (the lookup hands the socket only permitted addresses), again on every redirect; at most 5
// redirects; limits on bytes received, bytes after decompression, and time; robots.txt asked first.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { KhabarError } from '../errors.ts';
import { AddressRule } from './addresses.ts';
import { decodeBody } from './charset.ts';
import { ALLOW_ALL, DENY_ALL, parseRobots, type RobotsRules } from './robots.ts';

/** The crawler's product token, matched against robots.txt groups. */
export const ROBOT_TOKEN = 'KhabarBot';

export type FetchReason = 'bad_url' | 'refused_address' | 'too_many_redirects' | 'redirect_loop' | 'too_large' | 'timeout' | 'network' | 'robots' | 'bad_encoding';

/** A fetch that did not produce a response; `reason` is recorded against the item or poll. */
export class FetchFailure extends KhabarError {
  constructor(public readonly reason: FetchReason, message: string) {
    super(502, `fetch_${reason}`, message);
  }
}

export interface FetchLimits {
  /** bytes on the wire */
  maxBytes: number;
  /** bytes after gzip/deflate/brotli: a small compressed body may expand enormously */
  maxDecodedBytes: number;
  /** the whole fetch, redirects included */
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 5 * 1024 * 1024, maxDecodedBytes: 8 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

export interface FetchOptions extends Partial<FetchLimits> {
  /** conditional GET: the validators of the previous response */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** false only for robots.txt itself */
  robots?: boolean;
}

export interface Fetched {
  /** the URL after redirects */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | undefined;
  etag: string | null;
  lastModified: string | null;
  /** seconds asked by Retry-After (429/503), if any */
  retryAfterSeconds: number | null;
  body: Buffer;
  text(): string;
}

export interface FetcherSettings {
  /** KHABAR_FETCH_ALLOW: addresses/networks reachable despite being private */
  allow: readonly string[];
  userAgent: string;
  /** milliseconds now, for the robots.txt cache (the app clock) */
  now: () => number;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<Fetched>;
}

const ROBOTS_TTL_MS = 60 * 60 * 1000;

/** Parses Retry-After (seconds or an HTTP date) into seconds from `now`. */
export function retryAfterSeconds(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchFailure('bad_url', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure('bad_url', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new FetchFailure('bad_url', 'URLs with a user name or password are not fetched');
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that hands the socket only addresses the rule permits: the connection uses what was checked. */
function guardedLookup(rule: AddressRule) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const permitted = addresses.filter((a) => rule.permits(a.address));
      if (!permitted.length) return callback(new FetchFailure('refused_address', `${hostname} resolves only to private or reserved addresses`), []);
      const first = permitted[0] as LookupAddress;
      if (options.all) callback(null, permitted);
      else callback(null, first.address, first.family);
    });
  };
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return null;
}

async function readBody(res: http.IncomingMessage, limits: FetchLimits): Promise<Buffer> {
  let wire = 0;
  res.on('data', (chunk: Buffer) => {
    wire += chunk.length;
    if (wire > limits.maxBytes) res.destroy(new FetchFailure('too_large', `response larger than ${limits.maxBytes} bytes`));
  });
  const decoder = decoderFor(res.headers['content-encoding']);
  const source: Readable = decoder ? res.pipe(decoder) : res;
  if (decoder) res.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += (chunk as Buffer).length;
      if (size > limits.maxDecodedBytes) throw new FetchFailure('too_large', `response larger than ${limits.maxDecodedBytes} bytes once decompressed`);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    res.destroy();
    decoder?.destroy();
    if (e instanceof FetchFailure) throw e;
    if (decoder && (e as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new FetchFailure('bad_encoding', 'the compressed response is damaged');
    throw e;
  }
  return Buffer.concat(chunks);
}

function oneRequest(url: URL, headers: Record<string, string>, rule: AddressRule, limits: FetchLimits, signal: AbortSignal): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !rule.permits(host)) return Promise.reject(new FetchFailure('refused_address', `${host} is a private or reserved address`));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(rule) as never, signal }, (res) => {
      const status = res.statusCode ?? 0;
      if ((status >= 300 && status < 400) || status === 304 || status >= 400) {
        // Redirects, "not modified" and errors: the body is not wanted, and may never end.
        res.destroy();
        return resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
      }
      readBody(res, limits).then((body) => resolve({ status, headers: res.headers, body }), reject);
    });
    req.on('socket', (socket) => {
      socket.on('connect', () => {
        // Belt and braces: whatever path led here, the peer must be a permitted address.
        if (socket.remoteAddress && !rule.permits(socket.remoteAddress)) req.destroy(new FetchFailure('refused_address', `${socket.remoteAddress} is a private or reserved address`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function asFailure(e: unknown, timedOut: boolean): FetchFailure {
  if (timedOut) return new FetchFailure('timeout', 'the partner took too long to answer');
  if (e instanceof FetchFailure) return e;
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof FetchFailure) return cause;
  return new FetchFailure('network', `could not fetch: ${(e as Error).message ?? String(e)}`.slice(0, 300));
}

/** Builds a fetcher with its own robots.txt cache. */
export function createFetcher(settings: FetcherSettings): Fetcher {
  const rule = new AddressRule(settings.allow);
  const robotsCache = new Map<string, { rules: RobotsRules; until: number }>();

  async function robotsFor(url: URL): Promise<RobotsRules> {
    const cached = robotsCache.get(url.origin);
    if (cached && cached.until > settings.now()) return cached.rules;
    let rules: RobotsRules;
    let ttl = ROBOTS_TTL_MS;
    try {
      const res = await fetchUrl(`${url.origin}/robots.txt`, { robots: false, maxBytes: 512 * 1024, maxDecodedBytes: 512 * 1024, accept: 'text/plain' });
      if (res.status >= 200 && res.status < 300) rules = parseRobots(res.text(), ROBOT_TOKEN);
      else if (res.status >= 400 && res.status < 500) rules = ALLOW_ALL;
      else throw new FetchFailure('robots', `robots.txt answered ${res.status}`);
    } catch (e) {
      if (e instanceof FetchFailure && (e.reason === 'refused_address' || e.reason === 'bad_url')) throw e;
      // A site whose robots.txt cannot be read is left alone for a while (RFC 9309: assume disallowed).
      rules = DENY_ALL;
      ttl = 5 * 60 * 1000;
    }
    robotsCache.set(url.origin, { rules, until: settings.now() + ttl });
    return rules;
  }

  async function fetchUrl(raw: string, options: FetchOptions = {}): Promise<Fetched> {
    const limits: FetchLimits = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in DEFAULT_LIMITS && v !== undefined)) };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limits.timeoutMs);
    const seen = new Set<string>();
    let url = parseTarget(raw);
    try {
      for (let hops = 0; ; hops++) {
        if (seen.has(url.href)) throw new FetchFailure('redirect_loop', `redirect loop at ${url.href}`);
        seen.add(url.href);
        if (options.robots !== false && !(await robotsFor(url)).allows(url.pathname + url.search)) {
          throw new FetchFailure('robots', `robots.txt of ${url.host} does not allow ${url.pathname}`);
        }
        const headers: Record<string, string> = { 'user-agent': settings.userAgent, accept: options.accept ?? '*/*', 'accept-encoding': 'gzip, deflate, br' };
        if (options.etag) headers['if-none-match'] = options.etag;
        if (options.lastModified) headers['if-modified-since'] = options.lastModified;
        const hop = await oneRequest(url, headers, rule, limits, controller.signal);
        const location = hop.headers.location;
        if ([301, 302, 303, 307, 308].includes(hop.status) && location) {
          if (hops >= limits.maxRedirects) throw new FetchFailure('too_many_redirects', `more than ${limits.maxRedirects} redirects`);
          url = parseTarget(location, url);
          continue;
        }
        const contentType = hop.headers['content-type'];
        const header = (name: string) => {
          const v = hop.headers[name];
          return (Array.isArray(v) ? v[0] : v) ?? null;
        };
        return {
          url: url.href,
          status: hop.status,
          notModified: hop.status === 304,
          contentType,
          etag: header('etag'),
          lastModified: header('last-modified'),
          retryAfterSeconds: retryAfterSeconds(header('retry-after') ?? undefined, settings.now()),
          body: hop.body,
          text: () => decodeBody(hop.body, contentType),
        };
      }
    } catch (e) {
      throw asFailure(e, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  return { fetch: fetchUrl };
}

interface FetchContext {
  config: { fetchAllow: readonly string[]; publicUrl: string };
  clock: { now(): Date };
}

const fetchers = new WeakMap<object, Fetcher>();

/** The process's fetcher (one robots.txt cache per configuration): what any domain calls to fetch a stored URL. */
export function safeFetch(ctx: FetchContext, url: string, options?: FetchOptions): Promise<Fetched> {
  let fetcher = fetchers.get(ctx.config);
  if (!fetcher) {
    fetcher = createFetcher({ allow: ctx.config.fetchAllow, userAgent: `${ROBOT_TOKEN}/1.0 (Khabar newsroom syndication; +${ctx.config.publicUrl})`, now: () => ctx.clock.now().getTime() });
    fetchers.set(ctx.config, fetcher);
  }
  return fetcher.fetch(url, options);
}
