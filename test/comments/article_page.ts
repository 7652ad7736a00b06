// A minimal article page around the comments block, for tests and benchmarks run before (or without) the site's
// own article page: registered only when the app has no /articles/:slug route.
import type { FastifyInstance } from 'fastify';
import { render } from 'preact-render-to-string';
import type { AppContext } from '../../src/context.ts';
import { loadCommentsBlock } from '../../src/site/comments_block.tsx';

export function articlePageFallback(app: FastifyInstance, ctx: AppContext): void {
  if (app.hasRoute({ method: 'GET', url: '/articles/:slug' })) return;
  app.get<{ Params: { slug: string } }>('/articles/:slug', async (req, reply) => {
    const a = await ctx.db.selectFrom('articles').selectAll().where('slug', '=', req.params.slug).executeTakeFirst();
    if (!a) return reply.code(404).send('not found');
    const block = await loadCommentsBlock(ctx, a, req);
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.headline}</title></head>`
      + `<body><article><h1>${a.headline}</h1></article><section id="comments">${block ? render(block) : ''}</section></body></html>`);
  });
}
