// The list / create / read / update / delete routes most newsroom resources share (sections, tags, people,
// sources, redirects, ad slots and creatives): one capability to read, one to change, schemas on every route.
import type { FastifyInstance } from 'fastify';
import type { Capability } from '../auth/capabilities.ts';
import { NotFoundError } from '../errors.ts';
import { reads, writes } from './access.ts';
import { created, idParams, type Schema } from './schemas.ts';

export interface Resource<I> {
  /** e.g. /api/admin/sections */
  base: string;
  /** JSON key of the list and OpenAPI tag, e.g. sections */
  plural: string;
  /** for operation ids, e.g. Section */
  noun: string;
  read: Capability;
  manage: Capability;
  list(query: Record<string, unknown>): Promise<unknown[]>;
  listQuery?: Schema;
  get?(id: number): Promise<unknown | null>;
  create?(input: I): Promise<number>;
  createBody?: Schema;
  update?(id: number, patch: Partial<I>): Promise<void>;
  updateBody?: Schema;
  remove?(id: number): Promise<void>;
  /** called after a change, e.g. to write the audit log */
  changed?(what: 'create' | 'update' | 'delete', id: number, actorId: number, ip: string): Promise<void>;
}

type WithId = { Params: { id: number } };

/** Registers the resource's routes. */
export function resourceRoutes<I>(app: FastifyInstance, r: Resource<I>): void {
  const tags = [r.plural];
  const params = idParams('id');
  const one = r.noun.charAt(0).toLowerCase() + r.noun.slice(1);
  const changed = (what: 'create' | 'update' | 'delete', id: number, req: { staff: { id: number } | null; ip: string }) =>
    r.changed?.(what, id, req.staff?.id ?? 0, req.ip);

  app.get<{ Querystring: Record<string, unknown> }>(r.base,
    { ...reads(r.read), schema: { tags, operationId: `list${r.plural[0].toUpperCase()}${r.plural.slice(1)}`, ...(r.listQuery ? { querystring: r.listQuery } : {}) } },
    async (req) => ({ [r.plural]: await r.list(req.query ?? {}) }));

  if (r.get) {
    const get = r.get;
    app.get<WithId>(`${r.base}/:id`, { ...reads(r.read), schema: { tags, operationId: `get${r.noun}`, params } }, async (req) => {
      const row = await get(req.params.id);
      if (!row) throw new NotFoundError(`${r.noun} not found`);
      return { [one]: row };
    });
  }
  if (r.create) {
    const create = r.create;
    app.post<{ Body: I }>(r.base, { ...writes(r.manage), schema: { tags, operationId: `create${r.noun}`, body: r.createBody, response: created } },
      async (req, reply) => {
        const id = await create(req.body as I);
        await changed('create', id, req);
        return reply.code(201).send({ id });
      });
  }
  if (r.update) {
    const update = r.update;
    app.patch<WithId & { Body: Partial<I> }>(`${r.base}/:id`,
      { ...writes(r.manage), schema: { tags, operationId: `update${r.noun}`, params, body: r.updateBody } }, async (req) => {
        await update(req.params.id, req.body as Partial<I>);
        await changed('update', req.params.id, req);
        return { [one]: r.get ? await r.get(req.params.id) : { id: req.params.id } };
      });
  }
  if (r.remove) {
    const remove = r.remove;
    app.delete<WithId>(`${r.base}/:id`, { ...writes(r.manage), schema: { tags, operationId: `delete${r.noun}`, params } }, async (req, reply) => {
      await remove(req.params.id);
      await changed('delete', req.params.id, req);
      return reply.code(204).send();
    });
  }
}
