// The list / create / read / update / delete endpoints most newsroom resources share (sections, tags, people,
// sources, redirects, ad slots and creatives): one capability to read, one to change, a schema on every input,
// and an audit entry for every change.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Capability } from '../auth/capabilities.ts';
import type { KhabarEvents } from '../events.ts';
import { NotFoundError } from '../errors.ts';
import { endpoint } from './endpoint.ts';
import { Created, Described, IdParams, Type, type Static, type TSchema } from './schemas.ts';

export interface Resource<C extends TSchema, U extends TSchema, Q extends TSchema, I extends TSchema = TSchema> {
  /** e.g. /api/admin/sections */
  base: string;
  /** JSON key of the list and OpenAPI tag, e.g. sections */
  plural: string;
  /** for operation ids and audit entries, e.g. Section */
  noun: string;
  /** the noun in words for the document's summaries, one and many, e.g. ['person', 'people'] */
  called: readonly [string, string];
  read: Capability;
  manage: Capability;
  /** the events the domain emits on a change */
  events?: readonly (keyof KhabarEvents)[];
  /** the shape of one item as the list and a read answer it (for the document and the app's types; the list's
   * return type must fit it) */
  item?: I;
  list(query: Static<Q>): Promise<Static<I>[]>;
  listQuery?: Q;
  get?(id: number): Promise<Static<I> | null>;
  create?(input: Static<C>): Promise<number>;
  createBody?: C;
  /** the request names who asks, for the domain's rules */
  update?(id: number, patch: Static<U>, req: FastifyRequest): Promise<void>;
  updateBody?: U;
  remove?(id: number, req: FastifyRequest): Promise<void>;
}

/** Registers the resource's endpoints. */
export function resourceRoutes<C extends TSchema, U extends TSchema, Q extends TSchema = TSchema, I extends TSchema = TSchema>(
  app: FastifyInstance, r: Resource<C, U, Q, I>): void {
  const tags = [r.plural];
  const one = r.noun.charAt(0).toLowerCase() + r.noun.slice(1);
  const subject = r.noun.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());
  const read = { capability: r.read };
  const manage = { capability: r.manage };
  const events = r.events;
  const [a, many] = r.called;
  const taken = { 409: `Another ${a} already has this value of a unique field, such as the slug (field names it).` };

  endpoint(app, {
    method: 'GET', url: r.base, operationId: `list${r.plural[0].toUpperCase()}${r.plural.slice(1)}`, summary: `List ${many}`, tags, access: read, query: r.listQuery,
    // Typed loosely here: Resource.list and .get already hold the domain to the item's shape.
    answers: r.item ? (Type.Object({ [r.plural]: Type.Array(r.item, { description: `The ${many}.` }) }) as TSchema) : undefined,
    handle: async (req) => ({ [r.plural]: await r.list((req.query ?? {}) as Static<Q>) }),
  });
  if (r.get) {
    const get = r.get;
    endpoint(app, {
      method: 'GET', url: `${r.base}/:id`, operationId: `get${r.noun}`, summary: `Read a ${a}`, tags, access: read, params: IdParams,
      answers: r.item ? (Type.Object({ [one]: Described(`The ${a}.`, r.item) }) as TSchema) : undefined,
      handle: async (req) => {
        const row = await get(req.params.id);
        if (!row) throw new NotFoundError(`${r.noun} not found`);
        return { [one]: row };
      },
    });
  }
  if (r.create) {
    const create = r.create;
    endpoint(app, {
      method: 'POST', url: r.base, operationId: `create${r.noun}`, summary: `Create a ${a}`, tags, access: manage, body: r.createBody, response: { 201: Created }, status: 201, events,
      errors: taken,
      handle: async (req) => ({ id: await create(req.body as Static<C>) }),
      audit: { action: `${subject}.create`, entry: (_req, res) => ({ subject: { type: subject, id: res.id } }) },
    });
  }
  if (r.update) {
    const update = r.update;
    endpoint(app, {
      method: 'PATCH', url: `${r.base}/:id`, operationId: `update${r.noun}`, summary: `Change a ${a}`, tags, access: manage, params: IdParams, body: r.updateBody, events,
      errors: taken,
      handle: async (req) => {
        await update(req.params.id, req.body as Static<U>, req);
        return { [one]: r.get ? await r.get(req.params.id) : { id: req.params.id } };
      },
      audit: { action: `${subject}.update`, entry: (req) => ({ subject: { type: subject, id: req.params.id }, detail: { changed: Object.keys(req.body ?? {}) } }) },
    });
  }
  if (r.remove) {
    const remove = r.remove;
    endpoint(app, {
      method: 'DELETE', url: `${r.base}/:id`, operationId: `delete${r.noun}`, summary: `Delete a ${a}`, tags, access: manage, params: IdParams, status: 204, events,
      handle: async (req) => { await remove(req.params.id, req); },
      audit: { action: `${subject}.delete`, entry: (req) => ({ subject: { type: subject, id: req.params.id } }) },
    });
  }
}
