// Probes for a process manager and a load balancer: /healthz says the process answers (liveness: restart it
// when this fails), /readyz says it can serve (readiness: the database and, when configured, Redis answer;
// send it no traffic while this fails). Neither says why in detail: the log does.
import type { FastifyInstance } from 'fastify';
import type { Redis as RedisClient } from 'ioredis';
import type { AppContext } from '../context.ts';
import { ping } from '../db/index.ts';
import { isDraining } from './drain.ts';

/** How long a probe waits for the database or Redis before calling it unreachable. */
const PROBE_LIMIT_MS = 2000;

async function reachable(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), PROBE_LIMIT_MS); });
  try {
    return await Promise.race([check().then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(app: FastifyInstance, ctx: AppContext, redis: RedisClient | null): void {
  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', database: ctx.dialect, time: ctx.clock.now().toISOString() };
  });
  app.get('/readyz', async (req, reply) => {
    const [database, cache] = await Promise.all([reachable(() => ping(ctx.db)), redis ? reachable(() => redis.ping()) : Promise.resolve(null)]);
    const stopping = isDraining(app);
    const ready = database && cache !== false && !stopping;
    if (!ready && !stopping) req.log.warn({ database, redis: cache }, 'not ready');
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return { status: ready ? 'ready' : stopping ? 'draining' : 'unready', database: database ? 'ok' : 'unreachable', redis: cache === null ? 'none' : cache ? 'ok' : 'unreachable' };
  });
}
