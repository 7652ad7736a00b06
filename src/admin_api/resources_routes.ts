// The newsroom's simple resources in the Admin API, each a list / create / read / update / delete set (crud.ts):
// sections, tags, people (bylines and author bio boxes), syndication sources, stored redirects, and house ads'
// slots and the creatives rotated through them. One table: what each is called, who reads it, who changes it,
// what it emits, and the domain functions behind it.
import { AdCreativeItem, AdSlotItem, MergedTag, PersonItem, SectionItem, SourceItem, TagItem } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { createSection, deleteSection, getSection, listSections, SectionFields, updateSection } from '../content/sections.ts';
import { createTag, deleteTag, getTag, listTags, mergeTag, TagFields, updateTag } from '../content/tags.ts';
import { createPerson, deletePerson, getPerson, listPeople, PersonFields, updatePerson } from '../content/people.ts';
import { createSource, deleteSource, getSource, listSources, SourceFields, updateSource } from '../content/sources.ts';
import { createRedirect, deleteRedirect, listRedirects, RedirectFields } from '../content/redirects.ts';
import {
  createCreative, createSlot, CreativeFields, deleteCreative, deleteSlot, listCreatives, listSlots, SlotFields, updateCreative,
} from '../ads/ads.ts';
import { latestPolls } from '../syndication/poll.ts';
import { resourceRoutes } from './crud.ts';
import { endpoint } from './endpoint.ts';
import { actorOf } from './access.ts';
import { Described, Id, IdParams, Patch, Strict, Type } from './schemas.ts';

export async function resourcesRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  resourceRoutes(app, {
    base: '/api/admin/sections', plural: 'sections', noun: 'Section', called: ['section', 'sections'], read: 'articles.read', manage: 'sections.manage', events: ['section.changed'], item: SectionItem,
    list: () => listSections(ctx.db), get: (id) => getSection(ctx.db, id),
    create: (input) => createSection(ctx, input), createBody: SectionFields,
    update: (id, patch) => updateSection(ctx, id, patch), updateBody: Patch(SectionFields),
    remove: (id) => deleteSection(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/tags', plural: 'tags', noun: 'Tag', called: ['tag', 'tags'], read: 'articles.read', manage: 'tags.manage', events: ['content.changed'], item: TagItem,
    list: () => listTags(ctx.db), get: (id) => getTag(ctx.db, id),
    create: (input) => createTag(ctx, input), createBody: TagFields,
    update: (id, patch, req) => updateTag(ctx, id, patch, actorOf(req)), updateBody: Patch(TagFields),
    remove: (id, req) => deleteTag(ctx, id, actorOf(req)),
  });
  endpoint(app, {
    method: 'POST', url: '/api/admin/tags/:id/merge', operationId: 'mergeTag', summary: 'Merge a tag into another', tags: ['tags'],
    description: 'The articles of the tag (the path\'s id) carry the target tag instead; the tag is deleted and its page answers 301 to the target\'s page.',
    answer: 'The target tag and how many articles gained it.', answers: MergedTag, access: { capability: 'tags.manage' }, params: IdParams, events: ['content.changed'],
    body: Strict({ into: Described('The id of the tag that stays.', Id) }),
    handle: async (req) => {
      const moved = await mergeTag(ctx, req.params.id, req.body.into, actorOf(req));
      return { tag: await getTag(ctx.db, req.body.into), moved };
    },
    audit: { action: 'tag.merge', entry: (req, r) => ({ subject: { type: 'tag', id: req.body.into }, detail: { merged: req.params.id, moved: r.moved } }) },
  });
  resourceRoutes(app, {
    base: '/api/admin/people', plural: 'people', noun: 'Person', called: ['person', 'people'], read: 'articles.read', manage: 'people.manage', events: ['content.changed'], item: PersonItem,
    list: () => listPeople(ctx.db), get: (id) => getPerson(ctx.db, id),
    create: (input) => createPerson(ctx, input), createBody: PersonFields,
    update: (id, patch) => updatePerson(ctx, id, patch), updateBody: Patch(PersonFields),
    remove: (id) => deletePerson(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/sources', plural: 'sources', noun: 'Source', called: ['syndication source', 'syndication sources'], read: 'sources.manage', manage: 'sources.manage', events: ['content.changed'], item: SourceItem,
    // Each source with its latest poll (null before the first), for the sources screen's status column.
    list: async () => {
      const [sources, polls] = await Promise.all([listSources(ctx.db), latestPolls(ctx)]);
      return sources.map((s) => ({ ...s, lastPoll: polls.get(s.id) ?? null }));
    },
    get: (id) => getSource(ctx.db, id),
    create: (input) => createSource(ctx, input), createBody: SourceFields,
    update: (id, patch) => updateSource(ctx, id, patch), updateBody: Patch(SourceFields),
    remove: (id) => deleteSource(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/redirects', plural: 'redirects', noun: 'Redirect', called: ['redirect', 'redirects'], read: 'redirects.manage', manage: 'redirects.manage',
    list: () => listRedirects(ctx.db),
    create: (input) => createRedirect(ctx, input), createBody: RedirectFields,
    remove: (id) => deleteRedirect(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/ads/slots', plural: 'slots', noun: 'AdSlot', called: ['house ad slot', 'house ad slots'], read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'], item: AdSlotItem,
    list: () => listSlots(ctx.db),
    create: (input) => createSlot(ctx, input), createBody: SlotFields,
    remove: (id) => deleteSlot(ctx, id),
  });
  resourceRoutes(app, {
    base: '/api/admin/ads/creatives', plural: 'creatives', noun: 'AdCreative', called: ['house ad', 'house ads'], read: 'ads.manage', manage: 'ads.manage', events: ['ads.changed'], item: AdCreativeItem,
    list: (q) => listCreatives(ctx.db, q.slot), listQuery: Strict({ slot: Type.Optional(Described('Only the house ads of the slot with this id.', Id)) }),
    create: (input) => createCreative(ctx, input), createBody: CreativeFields,
    update: (id, patch) => updateCreative(ctx, id, patch), updateBody: Patch(CreativeFields),
    remove: (id) => deleteCreative(ctx, id),
  });
}
