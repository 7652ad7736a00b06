// House ads in the Admin API: slots (list, create, delete) and the creatives rotated through them.
import type { FastifyInstance } from 'fastify';
import { createCreative, createSlot, deleteCreative, deleteSlot, listCreatives, listSlots, updateCreative, type CreativeInput, type SlotInput } from '../ads/ads.ts';
import { resourceRoutes } from './crud.ts';
import { id, nullableId, nullableText, object, text } from './schemas.ts';

const creative = {
  slotId: id, name: text(120), headline: text(200), body: text(500), linkUrl: text(2000), imageMediaId: nullableId,
  weight: { type: 'integer', minimum: 0, maximum: 1000 }, startsAt: nullableText(40), endsAt: nullableText(40), active: { type: 'boolean' },
};

export async function adsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes<SlotInput>(app, {
    base: '/api/admin/ads/slots', plural: 'slots', noun: 'AdSlot', read: 'ads.manage', manage: 'ads.manage',
    list: () => listSlots(ctx.db),
    create: (input) => createSlot(ctx, input), createBody: object({ key: text(80), name: text(80), description: text(300) }, ['name']),
    remove: (id) => deleteSlot(ctx, id),
  });
  resourceRoutes<CreativeInput>(app, {
    base: '/api/admin/ads/creatives', plural: 'creatives', noun: 'AdCreative', read: 'ads.manage', manage: 'ads.manage',
    list: (q) => listCreatives(ctx.db, q.slot as number | undefined), listQuery: object({ slot: id }),
    create: (input) => createCreative(ctx, input), createBody: object(creative, ['slotId', 'name']),
    update: (id, patch) => updateCreative(ctx, id, patch), updateBody: object(creative),
    remove: (id) => deleteCreative(ctx, id),
  });
}
