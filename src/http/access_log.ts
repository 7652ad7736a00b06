// What the request log says by default (LOG_LEVEL=info): one line per request Fastify answers, when its answer has
// gone ("request completed": method, masked address, client address, status, milliseconds, request id), and, for
// the pages sent from the page cache before Fastify (cached_hits.ts), one line a minute with their count. Fastify's
// own pair of lines per request ("incoming request" and "request completed") is off: one line costs half as much,
// and a line per cache hit would cost more than the hit itself.
import type { FastifyInstance } from 'fastify';
import type { HitCounts } from './cached_hits.ts';

/** How often the page cache's hits are logged, in aggregate. */
export const HITS_LOGGED_EVERY_MS = 60_000;

/** Registers the access log line and the summary of the cache hits that `counts` gives once the app is built. */
export function accessLog(app: FastifyInstance, counts: () => HitCounts | undefined): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
  });
  const logged = { ok: 0, notModified: 0 };
  const summary = () => {
    const now = counts();
    if (!now) return;
    const ok = now.ok - logged.ok;
    const notModified = now.notModified - logged.notModified;
    if (!ok && !notModified) return;
    Object.assign(logged, now);
    app.log.info({ pageCacheHits: { ok, notModified, seconds: HITS_LOGGED_EVERY_MS / 1000 } }, 'pages sent from the page cache');
  };
  const timer = setInterval(summary, HITS_LOGGED_EVERY_MS).unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    summary();
  });
}
