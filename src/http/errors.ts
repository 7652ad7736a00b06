// How the app answers when something goes wrong: the site's own error page (400, 404, 410, 414, 429, 500; the site
// face hands it over as app.errorPage) through the one page sender, or { error: { status, code, message, field } } for the API and for fetch asking for JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { KhabarError, TooManyRequestsError } from '../errors.ts';
import { findOldAddress } from '../content/redirects.ts';
import { schemaProblem } from './schema_errors.ts';
import { sendPage } from './send_page.ts';

/** Draws the error page for a status and message (src/site/error_page.tsx). */
export type ErrorPage = (ctx: AppContext, status: number, message: string) => Promise<VNode | string>;

/** Whether the client wants JSON (API routes, fetch with Accept: application/json). */
export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');
}

/** Maps every thrown error to its answer, and answers addresses no route knows (after stored redirects). */
export function handleErrors(app: FastifyInstance, ctx: AppContext): void {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof TooManyRequestsError) reply.header('retry-after', String(err.retryAfterSeconds));
    if (err instanceof KhabarError) return sendError(ctx, req, reply, err.status, err.message, undefined, err.code, err.field);
    const problem = schemaProblem(err);
    if (problem) return sendError(ctx, req, reply, 400, problem.message, undefined, 'invalid', problem.field);
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's and its plugins' own codes (FST_ERR_...) are not ours to promise: the documented word for the status.
      return sendError(ctx, req, reply, status, clientMessage(status, err as Error));
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(ctx, req, reply, 500, 'Something went wrong on our side. Please try again in a moment.', err);
  });
  app.setNotFoundHandler(async (req, reply) => {
    // Stored redirects (old permalinks, deleted articles' tombstones) are looked up only when no route matched.
    if (req.method === 'GET' || req.method === 'HEAD') {
      const [path, query = ''] = req.url.split('?', 2);
      const r = path.length <= 2000 ? await findOldAddress(ctx.db, safeDecode(path), query) : null;
      if (r?.status_code === 410) return sendError(ctx, req, reply, 410, 'This page has been removed.');
      if (r) return reply.redirect(r.to_path, r.status_code as 301 | 302);
    }
    return sendError(ctx, req, reply, 404, 'We could not find that page.');
  });
}

/** Answers with an error: JSON when the client wants it, else the site's error page (compressed, never cached). */
export async function sendError(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, status: number, message: string,
  cause?: unknown, code?: string, field?: string): Promise<FastifyReply> {
  if (status >= 500 && cause) req.log.error({ err: cause }, 'request failed');
  if (wantsJson(req)) {
    return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8')
      .send({ error: { status, code: code ?? statusCode(status), message, ...(field ? { field } : {}) } });
  }
  try {
    return sendPage(reply, await req.server.errorPage(ctx, status, message), { status });
  } catch (err) {
    // The database or a view failed while drawing the error page itself: a bare page still says what happened.
    req.log.error({ err }, 'error page failed');
    return sendPage(reply, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1></body></html>`, { status });
  }
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

function statusCode(status: number): string {
  return ({ 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 410: 'gone', 413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited' } as Record<number, string>)[status] ?? 'error';
}
