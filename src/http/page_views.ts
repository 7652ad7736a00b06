// The one place the web layer tells the audience figures of an answered page (src/audience/recorder.ts): after the
// answer has gone (onResponse), a GET answered 200 or 304, page-cache hits included, is pushed onto the instance's
// buffer as it is; nothing is looked up, hashed or written on the request's path. HEAD requests and prefetches
// (Sec-Purpose / Purpose: prefetch, Chrome's prerender too) are not views. KHABAR_AUDIENCE=0 counts nothing.
//
// countPageView must sit wherever a public page's answer is known to be sent: today an onResponse hook of the
// public site (src/site/routes.ts). A cached page sent before Fastify's routing (straight from the Node request)
// must call notePageView with the same arguments after sending it.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { ViewRecorder, type DescribePage } from '../audience/recorder.ts';
import { personal } from './send_page.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** this instance's page views waiting to be written; null when counting is off */
    pageViews: ViewRecorder | null;
  }
}

/** Starts this instance's batches (written every few seconds and when the app closes). */
export function countPageViews(app: FastifyInstance, describe: DescribePage): void {
  const views = app.ctx.config.audience ? new ViewRecorder(app.ctx, describe, (err) => app.log.warn({ err }, 'page views could not be written; kept for the next batch')) : null;
  app.decorate('pageViews', views);
  if (!views) return;
  views.start();
  app.addHook('onClose', async () => { await views.stop(); });
}

function prefetch(headers: IncomingHttpHeaders): boolean {
  const purpose = headers['sec-purpose'] ?? headers.purpose ?? headers['x-purpose'] ?? headers['x-moz'];
  return typeof purpose === 'string' && purpose.toLowerCase().includes('prefetch');
}

/** Notes one answered request when it is a page view (see above). */
export function notePageView(views: ViewRecorder | null, method: string | undefined, url: string | undefined, status: number, headers: IncomingHttpHeaders, address: string | undefined, at: number): void {
  // A signed-in member of staff (or anyone sending credentials) reading the site is the newsroom, not a reader.
  if (!views || method !== 'GET' || (status !== 200 && status !== 304) || !url || prefetch(headers) || personal(headers)) return;
  views.hear({ at, url, userAgent: headers['user-agent'] ?? '', referer: headers.referer ?? '', address: address ?? '', host: headers.host ?? '' });
}

/** onResponse hook of the public site. */
export function countPageView(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  notePageView(req.server.pageViews, req.method, req.url, reply.statusCode, req.headers, req.ip, req.server.ctx.clock.now().getTime());
  done();
}
