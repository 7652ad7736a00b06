// Articles in the Admin API: list and search, create, read, update, autosave, preview link, and the moves
// through review, scheduling, publication, unpublishing, archiving and deletion.
import type { FastifyInstance } from 'fastify';
import {
  addCorrection, archiveArticle, createArticle, deleteArticle, getArticle, publishArticle, scheduleArticle, submitForReview, unpublishArticle, updateArticle,
} from '../content/articles.ts';
import { ArticleFields, ArticlePatch } from '../content/article_input.ts';
import { countArticlesByStatus, searchArticles } from '../content/article_search.ts';
import { ConflictError, KhabarError } from '../errors.ts';
import { previewToken } from '../content/preview_links.ts';
import type { Capability } from '../auth/capabilities.ts';
import { personIdOf } from '../auth/users.ts';
import type { KhabarEvents } from '../events.ts';
import { actorOf, staffOf } from './access.ts';
import { ArticleCountQuery, ArticleListQuery, ArticleParams, BulkArchiveBody, CorrectionBody, PreviewBody, SaveQuery, ScheduleBody } from './article_schemas.ts';
import { endpoint, type EndpointRequest } from './endpoint.ts';
import { checkHeroAlt } from './hero_check.ts';
import { articleFor, readableBy, type ArticleAction } from './ownership.ts';
import { Created, type Static, type TSchema } from './schemas.ts';

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
    method: 'GET', url: base, operationId: 'listArticles', summary: 'List and search articles', tags, access: { capability: 'articles.read' }, query: ArticleListQuery,
    description: 'Editors see every article; authors and contributors the ones they created or have a byline on.',
    handle: async (req) => {
      const q = req.query;
      return searchArticles(ctx.db, { status: q.status, ...filtersOf(q, staffOf(req).id), limit: q.limit, offset: q.offset, ...(await readableBy(ctx, req)) });
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/counts`, operationId: 'countArticles', tags, access: { capability: 'articles.read' }, query: ArticleCountQuery,
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
          const a = await articleFor(ctx, req, id, 'publish');
          await archiveArticle(ctx, a.id, actorOf(req));
          archived.push(a.id);
        } catch (err) {
          if (!(err instanceof KhabarError)) throw err;
          refused.push({ id, message: err.message });
        }
      }
      return { archived, refused };
    },
    audit: { action: 'article.archive', entry: (_req, r) => (r.archived.length ? { subject: { type: 'article' }, detail: { ids: r.archived } } : null) },
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
      await checkHeroAlt(ctx, input.heroMediaId, input.heroAlt);
      return { id: await createArticle(ctx, input, actorOf(req)) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:id`, operationId: 'getArticle', summary: 'Read an article', tags, access: { capability: 'articles.read' }, params: ArticleParams,
    handle: async (req) => ({ article: await articleFor(ctx, req, req.params.id, 'view') }),
  });

  const save = (autosave: boolean) => async (req: EndpointRequest<typeof ArticleParams, typeof SaveQuery, typeof ArticlePatch>) => {
    const a = await articleFor(ctx, req, req.params.id, 'edit');
    // Two people editing one article: a change made from an older version is refused, never written over theirs.
    const from = req.query.baseUpdatedAt;
    if (from && from !== a.updated_at) throw new ConflictError('Someone else changed this article after you opened it. Your text is kept here; reload to see theirs.', 'updatedAt');
    const b = req.body;
    if (b.heroMediaId !== undefined || b.heroAlt !== undefined) {
      await checkHeroAlt(ctx, b.heroMediaId !== undefined ? b.heroMediaId : a.hero_media_id, b.heroAlt ?? a.hero_alt);
    }
    await updateArticle(ctx, a.id, b, actorOf(req), { autosave });
    return { article: await getArticle(ctx.db, a.id) };
  };
  const edit = { capability: 'articles.edit_own' } as const;
  endpoint(app, { method: 'PATCH', url: `${base}/:id`, operationId: 'updateArticle', summary: 'Save changes to an article', tags, access: edit, params: ArticleParams, query: SaveQuery, body: ArticlePatch,
    events: changed, handle: save(false) });
  endpoint(app, { method: 'PUT', url: `${base}/:id/autosave`, operationId: 'autosaveArticle', summary: 'Autosave an article', tags, access: edit, params: ArticleParams, query: SaveQuery,
    body: ArticlePatch, events: changed, handle: save(true) });

  endpoint(app, {
    method: 'POST', url: `${base}/:id/preview`, operationId: 'previewArticle', summary: 'Make a preview link', tags, access: edit, params: ArticleParams, body: PreviewBody,
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      const expiresAt = new Date(ctx.clock.now().getTime() + (req.body?.minutes ?? 60) * 60_000);
      return { url: `${ctx.config.publicUrl}/preview/${previewToken(ctx, a.id, expiresAt)}`, expiresAt: expiresAt.toISOString() };
    },
  });

  const heroReady = async (id: number) => {
    const a = await getArticle(ctx.db, id);
    await checkHeroAlt(ctx, a?.hero_media_id, a?.hero_alt);
  };

  /** A status change: ownership for `action`, then the service, then the article as it is now (audited when named). */
  function move<B extends TSchema>(path: string, operationId: string, capability: Capability, action: ArticleAction,
    run: (req: EndpointRequest<typeof ArticleParams, TSchema, B>, id: number) => Promise<void>, audited?: string, body?: B,
    doc: { summary: string; description: string } = { summary: operationId, description: '' }): void {
    endpoint(app, {
      method: 'POST', url: `${base}/:id/${path}`, operationId, summary: doc.summary, description: doc.description, tags,
      answer: 'The article as it is now.', errors: { 409: 'The article\'s status does not allow this move (field status).' }, access: { capability }, params: ArticleParams, body,
      events: action === 'publish' ? ['article.changed', 'article.published'] : changed,
      handle: async (req) => {
        const a = await articleFor(ctx, req, req.params.id, action);
        await run(req, a.id);
        return { article: (await getArticle(ctx.db, a.id))! };
      },
      audit: audited ? {
        action: audited,
        entry: (req, r) => {
          const at = (req.body as { at?: string } | undefined)?.at;
          return { subject: { type: 'article', id: r.article.id }, detail: { slug: r.article.slug, ...(at ? { at } : {}) } };
        },
      } : undefined,
    });
  }
  move('submit', 'submitArticle', 'articles.edit_own', 'edit', (req, id) => submitForReview(ctx, id, actorOf(req)), undefined, undefined,
    { summary: 'Submit an article for review', description: 'A draft goes to the editors\' review list; its writer can still edit it.' });
  move('publish', 'publishArticle', 'articles.publish_own', 'publish', async (req, id) => { await heroReady(id); await publishArticle(ctx, id, actorOf(req)); }, 'article.publish',
    undefined, { summary: 'Publish an article now', description: 'Authors publish their own; editors anyone\'s. A hero image needs alt text first (field heroAlt).' });
  move('schedule', 'scheduleArticle', 'articles.publish_own', 'publish',
    async (req, id) => { await heroReady(id); await scheduleArticle(ctx, id, new Date(req.body.at), actorOf(req)); }, 'article.schedule', ScheduleBody,
    { summary: 'Schedule an article', description: 'It is published by the server at `at` (a time in the future, with its offset).' });
  move('unpublish', 'unpublishArticle', 'articles.publish_own', 'publish', (req, id) => unpublishArticle(ctx, id, actorOf(req)), 'article.unpublish',
    undefined, { summary: 'Unpublish an article', description: 'Takes a published or scheduled article back to draft; its address stops answering.' });
  move('archive', 'archiveArticle', 'articles.publish_own', 'publish', (req, id) => archiveArticle(ctx, id, actorOf(req)), 'article.archive',
    undefined, { summary: 'Archive an article', description: 'Out of the lists and off the site, kept with its revisions.' });

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
