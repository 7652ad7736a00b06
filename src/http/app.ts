// The Fastify app: security headers, compression, body parsing, static files, error pages, and each face's routes.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { Redis as RedisClient } from 'ioredis';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../context.ts';
import { KhabarError, TooManyRequestsError } from '../errors.ts';
import { ping } from '../db/index.ts';
import { findRedirect } from '../content/redirects.ts';
import { renderErrorPage } from '../site/error_page.tsx';
import { siteRoutes } from '../site/routes.ts';
import { staffSessions } from './staff_session.ts';
import { adminApi } from '../admin_api/routes.ts';
import { contentApi } from '../content_api/routes.ts';
import { previewRoutes } from '../site/preview_routes.tsx';
import { commentRoutes } from '../site/comment_routes.ts';
import { adminPages } from '../admin_pages/routes.ts';
import { openApi } from '../admin_api/openapi.ts';
import { schemaProblem } from './schema_errors.ts';
import { requestForLog } from './log_safe.ts';
import { loadPackage } from '../load_later.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export interface BuildOptions {
  logger?: boolean | object;
}

/** Builds the whole app for one context; tests call this with an in-memory or per-test database. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { ...(typeof opts.logger === 'object' ? opts.logger : {}), serializers: { req: requestForLog } } : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
    // Unknown properties are refused (400 naming the field), not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: (err, req, reply) => {
      // Malformed percent-encoding and similar: a 400 page, never a 500.
      void sendError(ctx, req, reply, 400, 'The address of this page is not valid.', err);
    },
  });
  app.decorate('ctx', ctx);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  await app.register(compress, { global: true, threshold: 512, encodings: ['br', 'gzip', 'deflate'], brotliOptions: { params: { 1: 4 } } as never });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(cookie, { secret: ctx.secret });
  // CSRF: one module, http/csrf.ts (the Admin API's endpoint guard and the sign-in pages' forms call it).
  // Rate limits are per route (`config: { rateLimit: {...} }`) so pages, assets and benchmarks are not throttled;
  // with REDIS_URL the counters are shared across instances (ioredis is loaded only then).
  const redis = ctx.config.redisUrl ? connectRedis(ctx.config.redisUrl) : null;
  if (redis) app.addHook('onClose', async () => { redis.disconnect(); });
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'khabar-rl:' } : {}),
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
  if (ctx.media.localDir) {
    await app.register(fastifyStatic, {
      root: ctx.media.localDir,
      prefix: '/media/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  app.get('/healthz', async (_req, reply) => {
    await ping(ctx.db);
    reply.header('cache-control', 'no-store');
    return { status: 'ok', database: ctx.dialect, time: ctx.clock.now().toISOString() };
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof TooManyRequestsError) reply.header('retry-after', String(err.retryAfterSeconds));
    if (err instanceof KhabarError) return sendError(ctx, req, reply, err.status, err.message, undefined, err.code, err.field);
    const problem = schemaProblem(err);
    if (problem) return sendError(ctx, req, reply, 400, problem.message, undefined, 'invalid', problem.field);
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendError(ctx, req, reply, status, clientMessage(status, err as Error), undefined, (err as { code?: string }).code);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(ctx, req, reply, 500, 'Something went wrong on our side. Please try again in a moment.', err);
  });
  app.setNotFoundHandler(async (req, reply) => {
    // Stored redirects (old permalinks, deleted articles' tombstones) are looked up only when no route matched.
    if (req.method === 'GET' || req.method === 'HEAD') {
      const path = req.url.split('?')[0];
      const r = path.length <= 2000 ? await findRedirect(ctx.db, safeDecode(path)) : null;
      if (r?.status_code === 410) return sendError(ctx, req, reply, 410, 'This page has been removed.');
      if (r) return reply.redirect(r.to_path, r.status_code as 301 | 302);
    }
    return sendError(ctx, req, reply, 404, 'We could not find that page.');
  });

  await app.register(openApi);
  await app.register(staffSessions);
  await app.register(adminApi);
  await app.register(contentApi);
  await app.register(previewRoutes);
  await app.register(commentRoutes);
  await app.register(adminPages);
  await app.register(siteRoutes);
  return app;
}

/** The decoded path, or the raw one when it does not decode to clean text (no control characters reach the database). */
function safeDecode(path: string): string {
  try {
    const decoded = decodeURI(path);
    return /[\u0000-\u001f\u007f]/.test(decoded) ? path : decoded;
  } catch {
    return path;
  }
}

function clientMessage(status: number, err: Error): string {
  if (status === 413) return 'What you sent is too large.';
  if (status === 415) return 'That content type is not accepted here.';
  if (status === 429) return 'Too many requests; please wait a moment and try again.';
  if (status === 400) return `The request is not valid: ${err.message.replace(/^body\//, '')}`;
  return err.message;
}

/** Whether the client wants JSON (API routes, fetch with Accept: application/json). */
export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');
}

async function sendError(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, status: number, message: string,
  cause?: unknown, code?: string, field?: string): Promise<FastifyReply> {
  if (status >= 500 && cause) req.log.error({ err: cause }, 'request failed');
  reply.code(status).header('cache-control', 'no-store');
  if (wantsJson(req)) {
    return reply.type('application/json; charset=utf-8').send({ error: { status, code: code ?? statusCode(status), message, ...(field ? { field } : {}) } });
  }
  let html: string;
  try {
    html = await renderErrorPage(ctx, status, message);
  } catch (err) {
    req.log.error({ err }, 'error page failed');
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1></body></html>`;
  }
  return reply.type('text/html; charset=utf-8').send(html);
}

function statusCode(status: number): string {
  return ({ 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 410: 'gone', 413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited' } as Record<number, string>)[status] ?? 'error';
}

function connectRedis(url: string): RedisClient {
  const { Redis } = loadPackage<typeof import('ioredis')>('ioredis');
  return new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
}
