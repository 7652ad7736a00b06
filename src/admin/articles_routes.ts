// Articles in the Admin API: list and search, create, read, update, autosave, preview link, and the moves
// through review, scheduling, publication, unpublishing, archiving and deletion.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  archiveArticle, createArticle, deleteArticle, getArticle, publishArticle, scheduleArticle, submitForReview, unpublishArticle, updateArticle,
  type ArticleInput,
} from '../content/articles.ts';
import type { ArticleStatus } from '../content/tables.ts';
import { NotFoundError } from '../errors.ts';
import { actorOf, auditBy, reads, staffOf, writes } from './access.ts';
import { personIdOf } from '../auth/users.ts';
import { articleCreate, articleList, articleParams, articleUpdate, previewBody, scheduleBody } from './article_schemas.ts';
import { articleFor, type ArticleAction } from './ownership.ts';
import { searchArticles } from '../content/article_search.ts';
import { checkHeroAlt } from './hero_check.ts';
import { previewToken } from './preview_token.ts';
import { created } from './schemas.ts';

type WithId = { Params: { id: number }; Body: { at?: string } };
const base = '/api/admin/articles';
const tags = ['articles'];

export async function articlesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  const record = (req: FastifyRequest, action: string, articleId: number, detail: Record<string, unknown> = {}) =>
    auditBy(ctx, req, action, { type: 'article', id: articleId }, detail);

  app.get<{ Querystring: { status?: ArticleStatus; section?: number; author?: number; mine?: boolean; q?: string; limit?: number; offset?: number } }>(base,
    { ...reads('articles.read'), schema: { tags, operationId: 'listArticles', querystring: articleList } }, async (req) => {
      const q = req.query;
      return searchArticles(ctx.db, { status: q.status, sectionId: q.section, personId: q.author, createdBy: q.mine ? staffOf(req).id : undefined,
        q: q.q, limit: q.limit, offset: q.offset });
    });

  app.post<{ Body: ArticleInput }>(base, { ...writes('articles.create'), schema: { tags, operationId: 'createArticle', body: articleCreate, response: created } },
    async (req, reply) => {
      const input = { ...req.body };
      if (input.authorIds === undefined) {
        const personId = await personIdOf(ctx.db, staffOf(req).id);
        if (personId) input.authorIds = [personId];
      }
      await checkHeroAlt(ctx, input.heroMediaId, input.heroAlt);
      return reply.code(201).send({ id: await createArticle(ctx, input, actorOf(req)) });
    });

  app.get<WithId>(`${base}/:id`, { ...reads('articles.read'), schema: { tags, operationId: 'getArticle', params: articleParams } }, async (req) => {
    const article = await getArticle(ctx.db, req.params.id);
    if (!article) throw new NotFoundError('Article not found');
    return { article };
  });

  const save = (autosave: boolean) => async (req: FastifyRequest<WithId & { Body: Partial<ArticleInput> }>) => {
    const a = await articleFor(ctx, req, req.params.id, 'edit');
    const b = req.body;
    if (b.heroMediaId !== undefined || b.heroAlt !== undefined) {
      await checkHeroAlt(ctx, b.heroMediaId !== undefined ? b.heroMediaId : a.hero_media_id, b.heroAlt ?? a.hero_alt);
    }
    await updateArticle(ctx, a.id, b, actorOf(req), { autosave });
    return { article: await getArticle(ctx.db, a.id) };
  };
  app.patch<WithId & { Body: Partial<ArticleInput> }>(`${base}/:id`,
    { ...writes('articles.edit_own'), schema: { tags, operationId: 'updateArticle', params: articleParams, body: articleUpdate } }, save(false));
  app.put<WithId & { Body: Partial<ArticleInput> }>(`${base}/:id/autosave`,
    { ...writes('articles.edit_own'), schema: { tags, operationId: 'autosaveArticle', params: articleParams, body: articleUpdate } }, save(true));

  app.post<WithId & { Body: { minutes?: number } }>(`${base}/:id/preview`,
    { ...writes('articles.edit_own'), schema: { tags, operationId: 'previewArticle', params: articleParams, body: previewBody } }, async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      const expiresAt = new Date(ctx.clock.now().getTime() + (req.body?.minutes ?? 60) * 60_000);
      return { url: `${ctx.config.publicUrl}/preview/${previewToken(ctx, a.id, expiresAt)}`, expiresAt: expiresAt.toISOString() };
    });

  /** A status change: ownership for `action`, then the service, then the article as it is now. */
  const move = (action: ArticleAction, run: (req: FastifyRequest<WithId & { Body: { at?: string } }>, id: number) => Promise<void>, audited?: string) =>
    async (req: FastifyRequest<WithId & { Body: { at?: string } }>) => {
      const a = await articleFor(ctx, req, req.params.id, action);
      await run(req, a.id);
      if (audited) await record(req, audited, a.id, { slug: a.slug, ...(req.body?.at ? { at: req.body.at } : {}) });
      return { article: await getArticle(ctx.db, a.id) };
    };
  const heroReady = async (id: number) => {
    const a = await getArticle(ctx.db, id);
    await checkHeroAlt(ctx, a?.hero_media_id, a?.hero_alt);
  };
  const op = (operationId: string, body?: object) => ({ tags, operationId, params: articleParams, ...(body ? { body } : {}) });

  app.post<WithId>(`${base}/:id/submit`, { ...writes('articles.edit_own'), schema: op('submitArticle') },
    move('edit', (req, id) => submitForReview(ctx, id, actorOf(req))));
  app.post<WithId>(`${base}/:id/publish`, { ...writes('articles.publish_own'), schema: op('publishArticle') },
    move('publish', async (req, id) => { await heroReady(id); await publishArticle(ctx, id, actorOf(req)); }, 'article.publish'));
  app.post<WithId & { Body: { at: string } }>(`${base}/:id/schedule`, { ...writes('articles.publish_own'), schema: op('scheduleArticle', scheduleBody) },
    move('publish', async (req, id) => { await heroReady(id); await scheduleArticle(ctx, id, new Date(req.body.at!), actorOf(req)); }, 'article.schedule'));
  app.post<WithId>(`${base}/:id/unpublish`, { ...writes('articles.publish_own'), schema: op('unpublishArticle') },
    move('publish', (req, id) => unpublishArticle(ctx, id, actorOf(req)), 'article.unpublish'));
  app.post<WithId>(`${base}/:id/archive`, { ...writes('articles.publish_own'), schema: op('archiveArticle') },
    move('publish', (req, id) => archiveArticle(ctx, id, actorOf(req)), 'article.archive'));

  app.delete<WithId>(`${base}/:id`, { ...writes('articles.delete_own'), schema: op('deleteArticle') }, async (req, reply) => {
    const a = await articleFor(ctx, req, req.params.id, 'delete');
    await deleteArticle(ctx, a.id, actorOf(req));
    await record(req, 'article.delete', a.id, { slug: a.slug, headline: a.headline });
    return reply.code(204).send();
  });
}
