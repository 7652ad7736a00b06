// Syndication in the Admin API: "poll now" for one source, its poll records, the review queue of partner stories
// (with the section chosen and why), an editor's correction of that section (which the classifier learns), and
// approving (publishing) or rejecting (archiving) a story in the queue.
import { PollList } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { pollSource, listPolls } from '../syndication/poll.ts';
import { approveItem, correctSection, rejectItem, reviewQueue } from '../syndication/queue.ts';
import { SyndicationQueue } from './answers_queues.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Described, Id, IdParams, Strict } from './schemas.ts';

export async function syndicationRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['sources'];
  const access = { capability: 'sources.manage' } as const;
  endpoint(app, {
    method: 'POST', url: '/api/admin/sources/:id/poll', operationId: 'pollSource', summary: 'Poll a partner source now', tags,
    description: 'Fetches the source\'s feed at once (conditional GET) and takes in its new stories; the answer is the poll\'s record.', access, params: IdParams,
    handle: async (req) => ({ poll: await pollSource(ctx, req.params.id) }),
    audit: { action: 'source.poll', entry: (req, made) => ({ subject: { type: 'source', id: req.params.id }, detail: { outcome: made.poll.outcome, imported: made.poll.imported } }) },
  });
  endpoint(app, {
    method: 'GET', url: '/api/admin/sources/:id/polls', operationId: 'listSourcePolls', summary: 'A source\'s recent polls', tags, answers: PollList,
    description: 'Each poll\'s time, outcome, items seen and new, and the reason of a failure, newest first.', access, params: IdParams,
    handle: async (req) => ({ polls: await listPolls(ctx, req.params.id) }),
  });
  endpoint(app, {
    method: 'GET', url: '/api/admin/syndication/queue', operationId: 'listSyndicationQueue', summary: 'Partner stories waiting for review', tags, answers: SyndicationQueue,
    description: 'Stories from sources that do not publish at once, with the section chosen for each and why.', access,
    handle: async () => ({ items: await reviewQueue(ctx) }),
  });
  endpoint(app, {
    method: 'POST', url: '/api/admin/syndication/queue/:id/section', operationId: 'correctSyndicatedSection', summary: 'File a partner story in another section', tags,
    description: 'Moves the story to the section and teaches the classifier from the correction.', access, status: 204, params: IdParams,
    body: Strict({ sectionId: Described('The section the story belongs in.', Id) }),
    handle: async (req) => { await correctSection(ctx, req.params.id, req.body.sectionId, { userId: staffOf(req).id }); },
    audit: { action: 'syndication.section', entry: (req) => ({ subject: { type: 'syndicated_item', id: req.params.id }, detail: { sectionId: req.body.sectionId } }) },
  });
  const decisions = [
    { path: 'approve', operationId: 'approveSyndicatedItem', summary: 'Publish a partner story from the queue', run: approveItem, events: ['article.changed', 'article.published'] as const,
      description: 'Publishes the story\'s article now, in the section it is filed under; it leaves the queue.' },
    { path: 'reject', operationId: 'rejectSyndicatedItem', summary: 'Turn down a partner story from the queue', run: rejectItem, events: ['article.changed'] as const,
      description: 'Archives the story\'s article (never shown to readers); it leaves the queue.' },
  ];
  for (const x of decisions) {
    endpoint(app, {
      method: 'POST', url: `/api/admin/syndication/queue/:id/${x.path}`, operationId: x.operationId, summary: x.summary, description: x.description, tags, access, params: IdParams,
      events: x.events, errors: { 409: 'The story is no longer waiting for review (field status).' }, answer: 'The story\'s article id.',
      handle: async (req) => ({ articleId: await x.run(ctx, req.params.id, { userId: staffOf(req).id }) }),
      audit: { action: `syndication.${x.path}`, entry: (req, r) => ({ subject: { type: 'syndicated_item', id: req.params.id }, detail: { articleId: r.articleId } }) },
    });
  }
}
