// The web layer assembled: security headers, compression, body parsing, static files, error answers, the page cache.
// It knows no face: src/app.ts hands it the faces' routes, the error page and the description of the site's addresses.
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { closePressureStore } from '../comments/pressure.ts';
import type { Redis as RedisClient } from 'ioredis';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../context.ts';
import { TooManyRequestsError } from '../errors.ts';
import { staffSessions } from './staff_session.ts';
import { requestForLog } from './log_safe.ts';
import { handleErrors, sendError, type ErrorPage } from './errors.ts';
import { securityHeaders } from './security_headers.ts';
import { COMPRESS_FROM } from './send_page.ts';
import { loadPackage } from '../load_later.ts';
import { lazySchemaController } from './lazy_schemas.ts';
import { mediaFiles } from './media_files.ts';
import { LocalPurgeBus, PageCache, type PurgeBus } from './page_cache.ts';
import { purgeOnChanges } from './page_cache_events.ts';
import { RedisPurgeBus } from './redis_purge_bus.ts';
import { healthRoutes } from './health.ts';
import { metrics, type Metrics, type PoolStats } from './metrics.ts';
import { requestId } from './request_id.ts';
import { closeConnectionsWhileDraining, isDraining } from './drain.ts';
import { CachedHits, serverWithHits } from './cached_hits.ts';
import { accessLog } from './access_log.ts';
import { countPageViews, notePageView } from './page_views.ts';
import type { DescribePage } from '../audience/recorder.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    metrics: Metrics | null;
    /** the site's error page, handed over by the face that draws it */
    errorPage: ErrorPage;
  }
}

export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export interface BuildOptions {
  logger?: boolean | object;
  /** how page purges reach every instance (in process unless given) */
  purgeBus?: PurgeBus;
  /** the database pool's state, for /metrics (PostgreSQL) */
  poolStats?: () => PoolStats;
}

/** What the faces hand the web layer: their routes, the error page, and what each public address shows. */
export interface Faces {
  errorPage: ErrorPage;
  describePage: DescribePage;
  /** registers every face's routes, after the web layer's own plugins and hooks */
  register(app: FastifyInstance): Promise<void>;
}

/** Builds the web layer around the faces for one context (src/app.ts names the faces). */
export async function buildHttp(ctx: AppContext, faces: Faces, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const security = securityHeaders(ctx.config);
  const ids = requestId(ctx.config.trustProxy);
  // Stored pages are answered on the bare request, before Fastify (cached_hits.ts); set once the app is built.
  let hits: CachedHits | null = null;
  const app = Fastify({
    serverFactory: serverWithHits(() => hits),
    // One access line per request instead of Fastify's two (access_log.ts); cache hits are counted, not logged.
    logController: new LogController({ disableRequestLogging: true }),
    logger: opts.logger ? { ...(typeof opts.logger === 'object' ? opts.logger : {}), serializers: { req: requestForLog } } : false,
    trustProxy: ctx.config.trustProxy,
    ...ids,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
    // Unknown properties are refused (400 naming the field), not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    schemaController: lazySchemaController(),
    frameworkErrors: (err, req, reply) => {
      // Malformed percent-encoding and similar: a 400 page, never a 500. No hook has run for these.
      reply.headers(security);
      void sendError(ctx, req, reply, 400, 'The address of this page is not valid.', err);
    },
  });
  app.decorate('ctx', ctx);
  app.decorate('errorPage', faces.errorPage);
  const pageCache = new PageCache(ctx.config.pageCacheBytes);
  app.decorate('pageCache', pageCache);
  countPageViews(app, faces.describePage);
  const warn = (msg: string, err?: unknown) => app.log.warn({ err }, msg);
  // With REDIS_URL several instances share a database: a change made on one purges the pages kept by all.
  const redisBus = !opts.purgeBus && ctx.config.redisUrl && pageCache.enabled ? new RedisPurgeBus(ctx.config.redisUrl, warn, `${ctx.config.redisPrefix}:page-purge`) : null;
  const stopPurging = purgeOnChanges(ctx, pageCache, opts.purgeBus ?? redisBus ?? new LocalPurgeBus(), warn);
  app.addHook('onClose', async () => {
    stopPurging();
    redisBus?.close();
  });

  app.addHook('onRequest', async (req, reply) => { reply.headers(security).header('x-request-id', req.id); });
  accessLog(app, () => hits?.counts);
  closeConnectionsWhileDraining(app);
  await app.register(compress, { global: true, threshold: COMPRESS_FROM, encodings: ['br', 'gzip', 'deflate'], brotliOptions: { params: { 1: 4 } } as never });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(cookie, { secret: ctx.secret });
  // CSRF: one module, http/csrf.ts (the Admin API's endpoint guard and the sign-in pages' forms call it).
  // Rate limits are per route (`config: { rateLimit: {...} }`) so pages, assets and benchmarks are not throttled;
  // with REDIS_URL the counters are shared across instances (ioredis is loaded only then).
  const redis = ctx.config.redisUrl ? connectRedis(ctx.config.redisUrl) : null;
  // ioredis reconnects by itself; a listener keeps its "error" events from being unhandled, and says so once per outage.
  let redisDown = false;
  redis?.on('error', (err: unknown) => { if (!redisDown) app.log.warn({ err }, 'Redis (rate limits) unreachable; retrying'); redisDown = true; });
  redis?.on('ready', () => { redisDown = false; });
  if (redis) app.addHook('onClose', async () => { redis.disconnect(); });
  app.addHook('onClose', async () => { await closePressureStore(ctx); });
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${ctx.config.redisPrefix}-rl:` } : {}),
    errorResponseBuilder: (_req, c) => new TooManyRequestsError(undefined, Math.ceil(c.ttl / 1000)),
  });

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    decorateReply: true,
    immutable: true,
    maxAge: '365d',
    wildcard: true,
  });
  await app.register(mediaFiles);

  healthRoutes(app, ctx, redis);
  app.decorate('metrics', ctx.config.metrics === 'off' ? null : metrics(app, ctx, pageCache, opts.poolStats));

  handleErrors(app, ctx);

  await app.register(staffSessions);
  await faces.register(app);
  if (pageCache.enabled) {
    const m = app.metrics;
    hits = new CachedHits({
      cache: pageCache, security, ctx, onionUrl: ctx.config.onionUrl, requestId: ids.genReqId, draining: () => isDraining(app),
      ...(m ? { counted: (method: string, status: number, seconds: number) => m.pageHit(method, status, seconds) } : {}),
      // A page sent from the cache here is a page view as much as one sent through Fastify (site/routes.ts).
      viewed: (req, status) => notePageView(app.pageViews, req.method, req.url, status, req.headers, clientAddress(req, ctx.config.trustProxy), ctx.clock.now().getTime()),
    });
  }
  return app;
}

/** The reader's address as Fastify's req.ip gives it: behind a trusted proxy the first of X-Forwarded-For. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return first || req.socket.remoteAddress;
}

function connectRedis(url: string): RedisClient {
  const { Redis } = loadPackage<typeof import('ioredis')>('ioredis');
  return new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
}
