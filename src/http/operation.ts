// The one way a route outside the Admin API is declared (the Admin API's own is admin_api/endpoint.ts, which adds
// capabilities and audit entries): method and address, who may call it, its input schemas (one schema gives the
// validation, the TypeScript type and the OpenAPI entry), and the handler. Access is checked before the input is
// read, so a caller without a key learns nothing else; what the check found (the key's aggregator, say) is handed
// to the handler.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Static, TSchema } from 'typebox';

export type OperationRequest<P extends TSchema, Q extends TSchema> = FastifyRequest<{ Params: Static<P>; Querystring: Static<Q> }>;

/** Who may call an operation: a check run before the input is read, which throws to refuse and returns who it found. */
export type Access<W> = (req: FastifyRequest) => Promise<W>;

/** Anyone: public pages and feeds. */
export const publicAccess: Access<null> = async () => null;

export interface Operation<P extends TSchema, Q extends TSchema, W, R> {
  method: Extract<HTTPMethods, 'GET' | 'HEAD' | 'POST'>;
  url: string;
  access: Access<W>;
  /** how it appears in the OpenAPI document; absent: not in it */
  doc?: { operationId: string; summary: string; description?: string; tags: string[]; security: Record<string, string[]>[] };
  params?: P;
  query?: Q;
  /** per-route options such as rate limits */
  config?: FastifyContextConfig;
  handle(req: OperationRequest<P, Q>, reply: FastifyReply, who: W): Promise<R>;
}

const found = new WeakMap<FastifyRequest, unknown>();

/** Registers one operation. */
export function operation<P extends TSchema = TSchema, Q extends TSchema = TSchema, W = null, R = unknown>(app: FastifyInstance, o: Operation<P, Q, W, R>): void {
  app.route({
    method: o.method,
    url: o.url,
    config: o.config,
    preValidation: async (req) => { found.set(req, await o.access(req)); },
    schema: {
      ...(o.doc ?? {}),
      ...(o.params ? { params: o.params } : {}),
      ...(o.query ? { querystring: o.query } : {}),
    },
    handler: (req, reply) => o.handle(req as OperationRequest<P, Q>, reply, found.get(req) as W),
  });
}
