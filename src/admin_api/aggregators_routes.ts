// Aggregators in the Admin API: partners who carry the newsroom's stories through their own full-text feed
// (/syndication/feed.xml with their key). List, make (the key is shown once), read with daily usage, change the
// name or licence, give a new key, revoke, delete.
import { AggregatorAnswer, AggregatorList, MadeAggregatorKey, OneAggregator } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import {
  createAggregator, deleteAggregator, getAggregator, listAggregators, renewAggregatorKey, revokeAggregator, updateAggregator,
} from '../syndication/aggregators.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Described as d, IdParams, Int, Strict, Text, Type } from './schemas.ts';

const Name = d('Who carries the stories, e.g. the aggregator\'s name.', Text(100, 1));
const Licence = d('The terms the stories are offered under, as the feed states them (RSS copyright, Atom rights).', Text(2000));
const UsageQuery = Strict({ days: Type.Optional(d('How many days of usage to answer (30 when not given).', Int(1, 366))) });

export async function aggregatorsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['aggregators'];
  const base = '/api/admin/aggregators';
  const access = { capability: 'api_keys.manage' } as const;
  endpoint(app, {
    method: 'GET', url: base, operationId: 'listAggregators', summary: 'List aggregators', tags, access, answers: AggregatorList,
    description: 'Newest first, each with its feed requests and stories served over the last 30 days (`last30Days`); never a key.',
    handle: async () => ({ aggregators: await listAggregators(ctx) }),
  });
  endpoint(app, {
    method: 'POST', url: base, operationId: 'createAggregator', summary: 'Add an aggregator', tags, access, status: 201, answers: MadeAggregatorKey,
    body: Strict({ name: Name, licence: Type.Optional(Licence) }),
    answer: 'The aggregator\'s key (shown this once: hand it to the partner) and its record.',
    handle: (req) => createAggregator(ctx, req.body, staffOf(req).id),
    audit: { action: 'aggregator.create', entry: (_req, made) => ({ subject: { type: 'aggregator', id: made.aggregator.id }, detail: { name: made.aggregator.name } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/:id`, operationId: 'getAggregator', summary: 'Read an aggregator and its usage', tags, access, params: IdParams, query: UsageQuery, answers: AggregatorAnswer,
    description: 'Its record and, per day (UTC), the feed requests answered and the stories served; days without a pull are left out.',
    handle: (req) => getAggregator(ctx, req.params.id, req.query.days ?? 30),
  });
  endpoint(app, {
    method: 'PATCH', url: `${base}/:id`, operationId: 'updateAggregator', summary: 'Change an aggregator', tags, access, params: IdParams, answers: OneAggregator,
    body: Strict({ name: Type.Optional(Name), licence: Type.Optional(Licence) }),
    handle: async (req) => ({ aggregator: await updateAggregator(ctx, req.params.id, req.body) }),
    audit: { action: 'aggregator.update', entry: (req) => ({ subject: { type: 'aggregator', id: req.params.id }, detail: { changed: Object.keys(req.body ?? {}) } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/:id/key`, operationId: 'renewAggregatorKey', summary: 'Give an aggregator a new key', tags, access, params: IdParams, answers: MadeAggregatorKey,
    description: 'The old key stops working at once; a revoked aggregator can pull again with the new one.',
    answer: 'The new key (shown this once) and the record.',
    handle: (req) => renewAggregatorKey(ctx, req.params.id),
    audit: { action: 'aggregator.key', entry: (req) => ({ subject: { type: 'aggregator', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/:id/revoke`, operationId: 'revokeAggregator', summary: 'Revoke an aggregator\'s key', tags, access, params: IdParams, status: 204,
    errors: { 409: 'The key is already revoked.' },
    handle: async (req) => { await revokeAggregator(ctx, req.params.id); },
    audit: { action: 'aggregator.revoke', entry: (req) => ({ subject: { type: 'aggregator', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'DELETE', url: `${base}/:id`, operationId: 'deleteAggregator', summary: 'Delete an aggregator', tags, access, params: IdParams, status: 204,
    description: 'Its key stops working and its usage records go with it.',
    handle: async (req) => { await deleteAggregator(ctx, req.params.id); },
    audit: { action: 'aggregator.delete', entry: (req) => ({ subject: { type: 'aggregator', id: req.params.id } }) },
  });
}
