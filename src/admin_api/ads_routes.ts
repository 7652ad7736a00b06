// House ads in the Admin API: slots (list, create, delete) and the creatives rotated through them.
import type { FastifyInstance } from 'fastify';
import { createCreative, createSlot, deleteCreative, deleteSlot, listCreatives, listSlots, updateCreative } from '../ads/ads.ts';
import { resourceRoutes } from './crud.ts';
import { Bool, Id, Int, NullableId, NullableText, Patch, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
const SlotInput = Strict({ key: opt(Text(80)), name: Text(80), description: opt(Text(300)) });
const CreativeInput = Strict({
  slotId: Id, name: Text(120), headline: opt(Text(200)), body: opt(Text(500)), linkUrl: opt(Text(2000)), imageMediaId: opt(NullableId),
  weight: opt(Int(0, 1000)), startsAt: opt(NullableText(40)), endsAt: opt(NullableText(40)), active: opt(Bool),
});

export async function adsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/ads/slots', plural: 'slots', noun: 'AdSlot', read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'],
    list: () => listSlots(ctx.db),
    create: (input) => createSlot(ctx, input), createBody: SlotInput,
    remove: (id) => deleteSlot(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/ads/creatives', plural: 'creatives', noun: 'AdCreative', read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'],
    list: (q) => listCreatives(ctx.db, q.slot), listQuery: Strict({ slot: opt(Id) }),
    create: (input) => createCreative(ctx, input), createBody: CreativeInput,
    update: (id, patch) => updateCreative(ctx, id, patch), updateBody: Patch(CreativeInput),
    remove: (id) => deleteCreative(ctx, id),
  });
}
