// Prometheus metrics at /metrics (prom-client): requests by route kind (rate, latency, status class), the page
// cache's hits, misses and purges, comment decisions, job runs, and the PostgreSQL pool's use, plus the process's
// own (memory, event-loop delay). Each app has its own registry, so several apps in one process (tests) never
// mix their figures. Who may read it is KHABAR_METRICS: `local` (the default) answers only a client on this
// machine that came straight in, not through the proxy; `open` answers anyone; `off` answers nobody (404).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Registry as RegistryType } from 'prom-client';
import { loadPackage } from '../load_later.ts';
import type { AppContext } from '../context.ts';
import type { PageCache } from './page_cache.ts';
import type { JobResults } from '../jobs/runner.ts';
import { NotFoundError } from '../errors.ts';

/** The database pool's state at this moment (PostgreSQL; SQLite has no pool). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Metrics {
  registry: RegistryType;
  /** counts a finished run of the job runner on this instance */
  jobsRan(results: JobResults): void;
  /** counts a page sent from the page cache before Fastify (cached_hits.ts), as the timing hook counts the others */
  pageHit(method: string, status: number, seconds: number): void;
}

/** What a request was for, by the route that answered it: the label keeps the series few. */
export function routeKind(req: FastifyRequest): string {
  const url = req.routeOptions.url;
  if (!url) return 'not_found';
  if (url.startsWith('/assets/')) return 'asset';
  if (url.startsWith('/media/')) return 'media';
  if (url.startsWith('/admin/api')) return 'admin_api';
  if (url.startsWith('/api/')) return 'content_api';
  if (url.startsWith('/admin')) return 'staff_page';
  if (url.startsWith('/comments')) return 'comment';
  if (url.startsWith('/preview')) return 'preview';
  if (url === '/healthz' || url === '/readyz' || url === '/metrics') return 'probe';
  return 'page';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** `local`: the socket is this machine and no proxy forwarded the request (nginx on the same host adds the header). */
function mayRead(mode: AppContext['config']['metrics'], req: FastifyRequest): boolean {
  if (mode === 'open') return true;
  if (mode === 'off') return false;
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

/** Registers the counters, the timing hook and the /metrics route. */
export function metrics(app: FastifyInstance, ctx: AppContext, cache: PageCache, pool: (() => PoolStats) | undefined): Metrics {
  const prom = loadPackage<typeof import('prom-client')>('prom-client');
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry, prefix: 'khabar_' });
  const registers = [registry];
  const requests = new prom.Counter({ name: 'khabar_http_requests_total', help: 'Requests answered, by route kind, method and status class', labelNames: ['kind', 'method', 'status'], registers });
  const latency = new prom.Histogram({
    name: 'khabar_http_request_duration_seconds', help: 'Time to answer, by route kind', labelNames: ['kind'], registers,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  // The cache keeps its own counts; these read them when scraped.
  const fromCache = (name: string, help: string, read: () => number) => new prom.Counter({
    name, help, registers, collect() { this.reset(); this.inc(read()); },
  });
  fromCache('khabar_page_cache_hits_total', 'Public pages sent from the page cache', () => cache.hits);
  fromCache('khabar_page_cache_misses_total', 'Public pages rendered because the cache did not hold them', () => cache.misses);
  fromCache('khabar_page_cache_purges_total', 'Purges applied to this instance\'s page cache (its own and the other instances\')', () => cache.purges);
  fromCache('khabar_page_cache_purged_pages_total', 'Pages dropped by purges', () => cache.purgedPages);
  new prom.Gauge({ name: 'khabar_page_cache_bytes', help: 'Memory held by cached pages', registers, collect() { this.set(cache.usedBytes); } });
  const decisions = new prom.Counter({ name: 'khabar_comment_decisions_total', help: 'Comments given a status, at posting or in moderation', labelNames: ['status'], registers });
  const off = ctx.events.on('comment.changed', ({ status }) => { decisions.inc({ status }); });
  const jobs = new prom.Counter({ name: 'khabar_job_runs_total', help: 'Job runs this instance did (the others ran the rest)', labelNames: ['job'], registers });
  if (pool) {
    new prom.Gauge({
      name: 'khabar_db_pool_connections', help: 'PostgreSQL pool connections by state', labelNames: ['state'], registers,
      collect() {
        const s = pool();
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'busy' }, s.total - s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const kind = routeKind(req);
    requests.inc({ kind, method: req.method, status: `${Math.floor(reply.statusCode / 100)}xx` });
    latency.observe({ kind }, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => { off(); });
  app.get('/metrics', async (req, reply) => {
    if (!mayRead(ctx.config.metrics, req)) throw new NotFoundError();
    reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
  return {
    registry,
    jobsRan(results) {
      for (const job of results.ran) jobs.inc({ job });
    },
    pageHit(method, status, seconds) {
      requests.inc({ kind: 'page', method, status: status === 304 ? '3xx' : '2xx' });
      latency.observe({ kind: 'page' }, seconds);
    },
  };
}
