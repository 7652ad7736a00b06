// The editorial moves in the Admin API: submit for review, send back with a note, publish, Update (a published
// story's unpublished changes go public), schedule, unpublish, archive; a published story's unpublished changes
// (see them, discard them); the review queue. Who may make each move, the transaction and the audit entry are the
// content domain's (article_moves.ts): an entry is written with the move, not after it.
import type { FastifyInstance } from 'fastify';
import {
  archiveArticle, articleForEditing, discardChanges, publishArticle, scheduleArticle, sendBack, submitForReview, unpublishArticle, unpublishedChanges,
  updatePublished, type Actor,
} from '../content/articles.ts';
import { visibleTo } from '../content/article_rules.ts';
import { reviewQueue } from '../content/reviews.ts';
import type { KhabarEvents } from '../events.ts';
import { actorOf } from './access.ts';
import { ArticleParams, SaveQuery, ScheduleBody } from './article_schemas.ts';
import { EditedArticleAnswer, ReviewQueue, UnpublishedChangesAnswer } from './answers_editorial.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, Strict, Text, type TSchema } from './schemas.ts';

const base = '/api/admin/articles';
const tags = ['articles'];
const SendBackBody = Strict({ note: d('What the writer should change; they see it in the editor.', Text(2000, 1)) });

interface MoveDoc {
  summary: string;
  description: string;
  audit: string;
  events: readonly (keyof KhabarEvents)[];
}

export async function editorialRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  /** One move: the domain checks who may, makes it in one transaction and writes the audit entry; the answer is the
   * article as its editor now shows it. */
  function move<B extends TSchema>(path: string, operationId: string, capability: 'articles.edit_own' | 'articles.publish_own', doc: MoveDoc,
    run: (actor: Actor, id: number, body: unknown, baseUpdatedAt: string | undefined) => Promise<void>, body?: B): void {
    endpoint(app, {
      method: 'POST', url: `${base}/:id/${path}`, operationId, summary: doc.summary, description: doc.description, tags,
      answer: 'The article as it is now.', answers: EditedArticleAnswer, access: { capability }, params: ArticleParams, query: SaveQuery, body, events: doc.events,
      errors: { 409: 'The article\'s status does not allow this move (field status), or it changed since baseUpdatedAt or at the same moment (field updatedAt).' },
      handle: async (req) => {
        const actor = actorOf(req);
        await run(actor, req.params.id, req.body, req.query.baseUpdatedAt);
        return { article: await articleForEditing(ctx, actor, req.params.id) };
      },
      // written by the content domain in the move's transaction (see above)
      audit: { action: doc.audit, entry: () => null },
    });
  }
  const changed = ['article.changed'] as const;
  const published = ['article.changed', 'article.published'] as const;

  move('submit', 'submitArticle', 'articles.edit_own', { summary: 'Submit an article for review', audit: 'article.submit', events: changed,
    description: 'A draft goes to the editors\' review queue, with who submitted it and when; its writer can still edit it.' },
  (actor, id, _b, baseUpdatedAt) => submitForReview(ctx, id, actor, { baseUpdatedAt }));
  move('send-back', 'sendBackArticle', 'articles.publish_own', { summary: 'Send an article back to its writer', audit: 'article.send_back', events: changed,
    description: 'An editor returns a story in review to draft with a note; the writer sees the note in the editor until they submit again.' },
  (actor, id, b, baseUpdatedAt) => sendBack(ctx, id, (b as { note: string }).note, actor, { baseUpdatedAt }), SendBackBody);
  move('publish', 'publishArticle', 'articles.publish_own', { summary: 'Publish an article now', audit: 'article.publish', events: published,
    description: 'Editors publish anyone\'s; authors their own unless the site has authors submit for review. A hero image needs alt text first (field heroAlt).' },
  (actor, id, _b, baseUpdatedAt) => publishArticle(ctx, id, actor, undefined, { baseUpdatedAt, heroAlt: true }));
  move('update', 'updatePublishedArticle', 'articles.publish_own', { summary: 'Update: make the unpublished changes public', audit: 'article.update', events: changed,
    description: 'A published (or scheduled) article\'s working copy becomes its live version: the public page, feeds, the Content API and search '
      + 'show it from now on and the cached pages are purged. A revision is kept. 409 when there is nothing to update.' },
  (actor, id, _b, baseUpdatedAt) => updatePublished(ctx, id, actor, { baseUpdatedAt, heroAlt: true }));
  move('schedule', 'scheduleArticle', 'articles.publish_own', { summary: 'Schedule an article', audit: 'article.schedule', events: changed,
    description: 'It is published by the server at `at` (a time in the future, with its offset).' },
  (actor, id, b, baseUpdatedAt) => scheduleArticle(ctx, id, new Date((b as { at: string }).at), actor, { baseUpdatedAt, heroAlt: true }), ScheduleBody);
  move('unpublish', 'unpublishArticle', 'articles.publish_own', { summary: 'Unpublish an article', audit: 'article.unpublish', events: changed,
    description: 'Takes a published or scheduled article back to draft; its address stops answering. Unpublished changes become the draft\'s text.' },
  (actor, id, _b, baseUpdatedAt) => unpublishArticle(ctx, id, actor, { baseUpdatedAt }));
  move('archive', 'archiveArticle', 'articles.publish_own', { summary: 'Archive an article', audit: 'article.archive', events: changed,
    description: 'Out of the lists and off the site, kept with its revisions.' },
  (actor, id, _b, baseUpdatedAt) => archiveArticle(ctx, id, actor, { baseUpdatedAt }));

  endpoint(app, {
    method: 'GET', url: `${base}/:id/changes`, operationId: 'getUnpublishedChanges', summary: 'See a published article\'s unpublished changes', tags, answers: UnpublishedChangesAnswer,
    access: { capability: 'articles.read' }, params: ArticleParams,
    description: 'Word by word, from the live version to the working copy: headline, standfirst and body, and the names of other fields that differ. '
      + '`changes` is null when there are none.',
    handle: async (req) => unpublishedChanges(ctx, actorOf(req), req.params.id),
  });

  endpoint(app, {
    method: 'DELETE', url: `${base}/:id/changes`, operationId: 'discardUnpublishedChanges', summary: 'Discard a published article\'s unpublished changes', tags,
    access: { capability: 'articles.edit_own' }, params: ArticleParams, query: SaveQuery, answer: 'The article as its editor now shows it: the live version.', answers: EditedArticleAnswer,
    errors: { 409: 'There are no unpublished changes (field status), or they changed since baseUpdatedAt (field updatedAt).' },
    handle: async (req) => {
      const actor = actorOf(req);
      await discardChanges(ctx, req.params.id, actor, req.query.baseUpdatedAt);
      return { article: await articleForEditing(ctx, actor, req.params.id) };
    },
    audit: { action: 'article.discard_changes', entry: () => null },
  });

  endpoint(app, {
    method: 'GET', url: '/api/admin/reviews', operationId: 'listReviews', summary: 'The review queue', tags, access: { capability: 'articles.read' }, answers: ReviewQueue,
    description: 'What waits for review (with who submitted it and when, oldest first) and what was sent back with a note (newest first). '
      + 'Editors see every article; writers their own.',
    handle: async (req) => reviewQueue(ctx.db, await visibleTo(ctx, actorOf(req))),
  });
}
