// Articles in the Admin API: list and search, create, read, save, autosave, preview link, corrections and deletion;
// the moves through review, scheduling, publication, Update, unpublishing and archiving are in editorial_routes.ts.
import { ArticleCounts, ArticleList } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { addCorrection, archiveArticle, articleForEditing, createArticle, deleteArticle, saveArticle } from '../content/articles.ts';
import { checkHeroAlt } from '../content/hero_alt.ts';
import { ArticleFields, ArticlePatch } from '../content/article_input.ts';
import { countArticlesByStatus, searchArticles } from '../content/article_search.ts';
import { KhabarError } from '../errors.ts';
import { previewToken } from '../content/preview_links.ts';
import { personIdOf } from '../auth/users.ts';
import type { KhabarEvents } from '../events.ts';
import { actorOf, staffOf } from './access.ts';
import { ArticleCountQuery, ArticleListQuery, ArticleParams, BulkArchiveBody, CorrectionBody, PreviewBody, SaveQuery } from './article_schemas.ts';
import { EditedArticleAnswer } from './answers_editorial.ts';
import { endpoint, type EndpointRequest } from './endpoint.ts';
import { editorialRoutes } from './editorial_routes.ts';
import { articleFor, readableBy } from './ownership.ts';
import { Created, type Static } from './schemas.ts';

const base = '/api/admin/articles';
const tags = ['articles'];
const changed: (keyof KhabarEvents)[] = ['article.changed'];

/** The list's filters as the article search takes them. */
function filtersOf(q: Static<typeof ArticleCountQuery>, staffId: number) {
  return { sectionId: q.section, personId: q.author, createdBy: q.mine ? staffId : undefined, q: q.q, language: q.language, changedFrom: q.from,
    changedUntil: q.to };
}

export async function articlesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: base, operationId: 'listArticles', summary: 'List and search articles', tags, access: { capability: 'articles.read' }, query: ArticleListQuery, answers: ArticleList,
    description: 'Editors see every article; authors and contributors the ones they created or have a byline on.',
    handle: async (req) => {
      const q = req.query;
      return searchArticles(ctx.db, { status: q.status, ...filtersOf(q, staffOf(req).id), limit: q.limit, offset: q.offset, ...(await readableBy(ctx, req)) });
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/counts`, operationId: 'countArticles', tags, access: { capability: 'articles.read' }, query: ArticleCountQuery, answers: ArticleCounts,
    summary: 'Count articles in each status',
    description: 'How many of the articles the caller may read match the filters, in each status (draft, review, scheduled, published, '
      + 'archived): the numbers on the app\'s status tabs.',
    handle: async (req) => ({ counts: await countArticlesByStatus(ctx.db, { ...filtersOf(req.query, staffOf(req).id), ...(await readableBy(ctx, req)) }) }),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/archive`, operationId: 'archiveArticles', tags, access: { capability: 'articles.publish_own' }, body: BulkArchiveBody,
    events: changed, summary: 'Archive several articles',
    description: 'Archives each article the caller may publish; the answer lists the archived ids and, for each one left as it was, why.',
    handle: async (req) => {
      const archived: number[] = [];
      const refused: { id: number; message: string }[] = [];
      for (const id of new Set(req.body.ids)) {
        try {
          await archiveArticle(ctx, id, actorOf(req));
          archived.push(id);
        } catch (err) {
          if (!(err instanceof KhabarError)) throw err;
          refused.push({ id, message: err.message });
        }
      }
      return { archived, refused };
    },
    // each archived article's entry is written by the content domain with the move, in its transaction
    audit: { action: 'article.archive', entry: () => null },
  });

  endpoint(app, {
    method: 'POST', url: base, operationId: 'createArticle', summary: 'Create an article (a draft)', tags, access: { capability: 'articles.create' }, body: ArticleFields,
    response: { 201: Created }, status: 201, events: changed,
    description: 'Tags that do not exist yet are created only for staff who manage tags; for others the article is refused (field tags).',
    handle: async (req) => {
      const input = { ...req.body };
      if (input.authorIds === undefined) {
        const personId = await personIdOf(ctx.db, staffOf(req).id);
        if (personId) input.authorIds = [personId];
      }
      await checkHeroAlt(ctx.db, input.heroMediaId, input.heroAlt);
      return { id: await createArticle(ctx, input, actorOf(req)) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:id`, operationId: 'getArticle', summary: 'Read an article', tags, access: { capability: 'articles.read' }, params: ArticleParams, answers: EditedArticleAnswer,
    description: 'For a published or scheduled article with unpublished changes, the working copy (what its editor shows; `changes` says since '
      + 'when), with `live_updated_at` the live version\'s time; `moves` lists what the caller may do now; `review` the latest review round.',
    handle: async (req) => ({ article: await articleForEditing(ctx, actorOf(req), req.params.id) }),
  });

  const save = (autosave: boolean) => async (req: EndpointRequest<typeof ArticleParams, typeof SaveQuery, typeof ArticlePatch>) => {
    // Two people editing one article: a change made from an older version is refused, never written over theirs.
    await saveArticle(ctx, req.params.id, req.body, actorOf(req), { autosave, baseUpdatedAt: req.query.baseUpdatedAt });
    return { article: await articleForEditing(ctx, actorOf(req), req.params.id) };
  };
  const edit = { capability: 'articles.edit_own' } as const;
  const keeps = 'A published or scheduled article keeps its live version: the change goes to its working copy, public on Update.';
  endpoint(app, { method: 'PATCH', url: `${base}/:id`, operationId: 'updateArticle', summary: 'Save changes to an article', tags, access: edit, params: ArticleParams, query: SaveQuery, body: ArticlePatch,
    description: `A revision is kept. ${keeps}`, errors: { 409: 'The article changed since baseUpdatedAt (field updatedAt); nothing was saved.' }, answers: EditedArticleAnswer, events: changed, handle: save(false) });
  endpoint(app, { method: 'PUT', url: `${base}/:id/autosave`, operationId: 'autosaveArticle', summary: 'Autosave an article', tags, access: edit, params: ArticleParams, query: SaveQuery,
    description: `A checkpoint revision is kept every few minutes of typing, not one per save. ${keeps}`,
    errors: { 409: 'The article changed since baseUpdatedAt (field updatedAt); nothing was saved.' }, body: ArticlePatch, answers: EditedArticleAnswer, events: changed, handle: save(true) });

  endpoint(app, {
    method: 'POST', url: `${base}/:id/preview`, operationId: 'previewArticle', summary: 'Make a preview link', tags, access: edit, params: ArticleParams, body: PreviewBody,
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      const expiresAt = new Date(ctx.clock.now().getTime() + (req.body?.minutes ?? 60) * 60_000);
      return { url: `${ctx.config.publicUrl}/preview/${previewToken(ctx, a.id, expiresAt)}`, expiresAt: expiresAt.toISOString() };
    },
  });

  await editorialRoutes(app);

  endpoint(app, {
    method: 'POST', url: `${base}/:id/corrections`, operationId: 'addCorrection', tags, access: { capability: 'articles.publish_own' },
    params: ArticleParams, body: CorrectionBody, status: 201, response: { 201: Created }, events: changed, summary: 'Add a correction notice',
    description: 'A correction notice shown with the article ("An earlier version of this article ..."), dated now; the article counts as updated.',
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'publish');
      return { id: await addCorrection(ctx, a.id, req.body.body) };
    },
    audit: { action: 'article.correct', entry: (req) => ({ subject: { type: 'article', id: req.params.id } }) },
  });

  endpoint(app, {
    method: 'DELETE', url: `${base}/:id`, operationId: 'deleteArticle', summary: 'Delete an article', tags, access: { capability: 'articles.delete_own' }, params: ArticleParams,
    status: 204, events: changed,
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'delete');
      await deleteArticle(ctx, a.id, actorOf(req));
      return { id: a.id, slug: a.slug, headline: a.headline };
    },
    audit: { action: 'article.delete', entry: (_req, a) => ({ subject: { type: 'article', id: a.id }, detail: { slug: a.slug, headline: a.headline } }) },
  });
}
