// GET /preview/<token>: a draft as readers will see it, for whoever holds the signed, expiring link.
import type { FastifyInstance } from 'fastify';
import { findPreviewArticle } from '../content/reading.ts';
import { NotFoundError } from '../errors.ts';
import { loadSiteView } from '../site/site_view.ts';
import { sendPage } from '../http/send_page.ts';
import { PreviewPage } from './preview_page.tsx';
import { readPreviewToken } from '../content/preview_links.ts';
import { Type } from 'typebox';

export async function previewRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Params: { token: string } }>('/preview/:token', { schema: { hide: true, params: Type.Object({ token: Type.String({ maxLength: 120 }) }, { additionalProperties: false }) } }, async (req, reply) => {
    const link = readPreviewToken(ctx, req.params.token);
    const a = link ? await findPreviewArticle(ctx.db, link.articleId) : null;
    if (!link || !a) throw new NotFoundError('This preview link is not valid or has expired.');
    const site = await loadSiteView(ctx, a.language);
    return sendPage(reply, <PreviewPage a={a} site={site} until={link.expiresAt.toISOString()} />, { audience: 'private' });
  });
}
