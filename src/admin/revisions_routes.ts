// Revisions of an article in the Admin API: list, read one, compare two, restore one (as a new revision).
import type { FastifyInstance } from 'fastify';
import { diffRevisions, getRevision, listRevisions, restoreRevision } from '../content/revisions.ts';
import { getArticle } from '../content/articles.ts';
import { NotFoundError } from '../errors.ts';
import { actorOf, reads, writes } from './access.ts';
import { articleFor } from './ownership.ts';
import { id, idParams, object } from './schemas.ts';

const base = '/api/admin/articles/:id/revisions';
const tags = ['revisions'];
type Params = { Params: { id: number; revisionId: number } };

export async function revisionsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  app.get<{ Params: { id: number } }>(base, { ...reads('articles.edit_own'), schema: { tags, operationId: 'listRevisions', params: idParams('id') } },
    async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      return { revisions: await listRevisions(ctx.db, a.id) };
    });

  app.get<{ Params: { id: number }; Querystring: { from: number; to: number } }>(`${base}/diff`,
    { ...reads('articles.edit_own'), schema: { tags, operationId: 'diffRevisions', params: idParams('id'), querystring: object({ from: id, to: id }, ['from', 'to']) } },
    async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      return { diff: await diffRevisions(ctx.db, a.id, req.query.from, req.query.to) };
    });

  app.get<Params>(`${base}/:revisionId`, { ...reads('articles.edit_own'), schema: { tags, operationId: 'getRevision', params: idParams('id', 'revisionId') } },
    async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      const revision = await getRevision(ctx.db, req.params.revisionId);
      if (!revision || revision.article_id !== a.id) throw new NotFoundError('Revision not found');
      return { revision };
    });

  app.post<Params>(`${base}/:revisionId/restore`,
    { ...writes('articles.edit_own'), schema: { tags, operationId: 'restoreRevision', params: idParams('id', 'revisionId') } }, async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'edit');
      await restoreRevision(ctx, a.id, req.params.revisionId, actorOf(req));
      return { article: await getArticle(ctx.db, a.id) };
    });
}
