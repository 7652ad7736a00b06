// Revisions of an article in the Admin API: list, compare two, read one, restore one (as a new revision). Read by
// the same people who may read the article (ownership.ts).
import type { FastifyInstance } from 'fastify';
import { diffRevisions, getRevision, listRevisions } from '../content/revisions.ts';
import { articleForEditing, restoreRevision } from '../content/articles.ts';
import { NotFoundError } from '../errors.ts';
import { actorOf } from './access.ts';
import { EditedArticleAnswer, RevisionDiff, RevisionList } from './answers_editorial.ts';
import { endpoint } from './endpoint.ts';
import { articleFor } from './ownership.ts';
import { Described as d, Id, IdParams, Strict } from './schemas.ts';

const base = '/api/admin/articles/:id/revisions';
const tags = ['revisions'];
const access = { capability: 'articles.edit_own' } as const;
const RevisionParams = Strict({ id: d('The article\'s id.', Id), revisionId: d('The revision\'s id.', Id) });

export async function revisionsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: base, operationId: 'listRevisions', summary: "List an article's revisions", tags, access, params: IdParams, answers: RevisionList,
    handle: async (req) => ({ revisions: await listRevisions(ctx.db, (await articleFor(ctx, req, req.params.id, 'view')).id) }),
  });

  endpoint(app, {
    method: 'GET', url: `${base}/diff`, operationId: 'diffRevisions', summary: 'Compare two revisions', tags, access, params: IdParams, answers: RevisionDiff, query: Strict({ from: d('The older revision\'s id.', Id), to: d('The newer revision\'s id.', Id) }),
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      return { diff: await diffRevisions(ctx.db, a.id, req.query.from, req.query.to) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:revisionId`, operationId: 'getRevision', summary: 'Read one revision', tags, access, params: RevisionParams,
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      const revision = await getRevision(ctx.db, req.params.revisionId);
      if (!revision || revision.article_id !== a.id) throw new NotFoundError('Revision not found');
      return { revision };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/:revisionId/restore`, operationId: 'restoreRevision', summary: 'Restore a revision', description: 'Its text becomes the text being edited: a draft\'s, or a published article\'s working copy (public on Update).', tags, access, params: RevisionParams, answers: EditedArticleAnswer, events: ['article.changed'],
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'edit');
      await restoreRevision(ctx, a.id, req.params.revisionId, actorOf(req));
      return { article: await articleForEditing(ctx, actorOf(req), a.id) };
    },
  });
}
