// Syndication in the Admin API: "poll now" for one source, its poll records, the review queue of partner stories
// (with the section chosen and why) and an editor's correction of that section (which the classifier learns).
import type { FastifyInstance } from 'fastify';
import { pollSource, listPolls } from '../syndication/poll.ts';
import { correctSection, reviewQueue } from '../syndication/queue.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Id, IdParams, Strict } from './schemas.ts';

export async function syndicationRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['syndication'];
  const access = { capability: 'sources.manage' } as const;
  endpoint(app, {
    method: 'POST', url: '/api/admin/sources/:id/poll', operationId: 'pollSource', tags, access, params: IdParams,
    handle: async (req) => ({ poll: await pollSource(ctx, req.params.id) }),
    audit: { action: 'source.poll', entry: (req, made) => ({ subject: { type: 'source', id: req.params.id }, detail: { outcome: made.poll.outcome, imported: made.poll.imported } }) },
  });
  endpoint(app, {
    method: 'GET', url: '/api/admin/sources/:id/polls', operationId: 'listSourcePolls', tags, access, params: IdParams,
    handle: async (req) => ({ polls: await listPolls(ctx, req.params.id) }),
  });
  endpoint(app, {
    method: 'GET', url: '/api/admin/syndication/queue', operationId: 'listSyndicationQueue', tags, access,
    handle: async () => ({ items: await reviewQueue(ctx) }),
  });
  endpoint(app, {
    method: 'POST', url: '/api/admin/syndication/queue/:id/section', operationId: 'correctSyndicatedSection', tags, access, status: 204, params: IdParams,
    body: Strict({ sectionId: Id }),
    handle: async (req) => { await correctSection(ctx, req.params.id, req.body.sectionId, { userId: staffOf(req).id }); },
    audit: { action: 'syndication.section', entry: (req) => ({ subject: { type: 'syndicated_item', id: req.params.id }, detail: { sectionId: req.body.sectionId } }) },
  });
}
