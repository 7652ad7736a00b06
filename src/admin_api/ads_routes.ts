// House ads in the Admin API: slots (list, create, delete) and the creatives rotated through them.
import type { FastifyInstance } from 'fastify';
import {
  createCreative, createSlot, CreativeFields, deleteCreative, deleteSlot, listCreatives, listSlots, SlotFields, updateCreative,
} from '../ads/ads.ts';
import { resourceRoutes } from './crud.ts';
import { Id, Patch, Strict, Type } from './schemas.ts';

const opt = Type.Optional;

export async function adsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/ads/slots', plural: 'slots', noun: 'AdSlot', read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'],
    list: () => listSlots(ctx.db),
    create: (input) => createSlot(ctx, input), createBody: SlotFields,
    remove: (id) => deleteSlot(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/ads/creatives', plural: 'creatives', noun: 'AdCreative', read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'],
    list: (q) => listCreatives(ctx.db, q.slot), listQuery: Strict({ slot: opt(Id) }),
    create: (input) => createCreative(ctx, input), createBody: CreativeFields,
    update: (id, patch) => updateCreative(ctx, id, patch), updateBody: Patch(CreativeFields),
    remove: (id) => deleteCreative(ctx, id),
  });
}
