// What the request log may say about a request: never a secret. One-time links (?token=), Content API keys
// (?key=) and draft previews (/preview/<token>) carry their secret in the address, so it is masked.
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = new Set(['token', 'key']);

/** The address with every secret-bearing part replaced by "[hidden]". */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(/^\/preview\/[^/]+/, '/preview/[hidden]');
  if (q < 0) return path;
  const query = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let decoded = name;
    try { decoded = decodeURIComponent(name); } catch { /* logged as sent */ }
    return SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=[hidden]` : pair;
  });
  return `${path}?${query.join('&')}`;
}

/** Pino serializer for `req`: method, masked address, client address. No headers (cookies, Authorization). */
export function requestForLog(req: FastifyRequest): Record<string, unknown> {
  return { method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip };
}
