// A stop that drops no request behind a load balancer (SIGTERM in a rolling restart). Draining: the listening
// socket closes at once, so a new connection is refused and nginx sends the request to the next instance (safe
// even for a POST, which nginx retries only when the connection failed); requests already here finish; each
// answer given while draining says `Connection: close`, so nginx does not send another request down that
// connection; and connections nginx holds idle are left for nginx to close (its upstream keepalive_timeout,
// shorter than the drain's limit). Closing an idle connection from this side could cross a request nginx has just
// sent down it, which nginx cannot safely retry for a POST: only connections still open at the limit are closed.
import { Server } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The longest a drain waits for nginx to close its idle connections and for requests to finish. */
export const DRAIN_LIMIT_MS = 5000;

const draining = new WeakSet<FastifyInstance>();

/** Whether the app has begun to drain (its /readyz answers 503 from then on). */
export function isDraining(app: FastifyInstance): boolean {
  return draining.has(app);
}

/** Registered with the app: answers given while draining close their connection after them. */
export function closeConnectionsWhileDraining(app: FastifyInstance): void {
  // At sending, not at arrival: a request that came before the drain and ends after it closes its connection too.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (draining.has(app)) reply.header('connection', 'close');
    return payload;
  });
}

/** Stops taking connections; resolves once every open one has ended, idle ones closed at the limit. Then app.close(). */
export async function drain(app: FastifyInstance, limitMs = DRAIN_LIMIT_MS): Promise<void> {
  draining.add(app);
  const server = app.server;
  if (!server.listening) return;
  // net.Server's own close: http.Server's would also close idle connections now (Node 19+), crossing nginx.
  const ended = new Promise<void>((resolve) => Server.prototype.close.call(server, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), limitMs); });
  try {
    if ((await Promise.race([ended, late])) === 'late') {
      server.closeIdleConnections();
      // Requests still running go on to their end (the process's own stop limit bounds them).
      await ended;
    }
  } finally {
    clearTimeout(timer);
  }
}
