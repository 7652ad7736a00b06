// The one way an Admin API operation is declared: who may call it (a capability, session stages, or no session),
// its input (params, query, body) and output schemas, its audit entry and the events its domain calls emit, and
// the handler. `endpoint` registers it on Fastify: the guard runs on request (so a caller without a session
// gets 401 before any input is read, and every change is CSRF-checked), then the schemas validate the input and
// the handler runs; a successful change writes its audit entry. The OpenAPI document is generated from the same
// declaration (x-access, x-audit, x-events say the rest).
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { KhabarEvents } from '../events.ts';
import { guardFor, type Access } from './guard.ts';
import { auditBy } from './access.ts';

/** The audit entry of a change: what it happened to (and small details, never secrets). */
export interface AuditNote {
  subject: { type: string; id?: number | string | null };
  detail?: Record<string, unknown>;
}

/** What a successful call writes in the audit log: the action (e.g. "article.publish") and its entry. */
export interface AuditSpec<Req, R> {
  action: string;
  entry(req: Req, result: R): AuditNote | null;
}

export type EndpointRequest<P extends TSchema, Q extends TSchema, B extends TSchema> =
  FastifyRequest<{ Params: Static<P>; Querystring: Static<Q>; Body: Static<B> }>;

/** What the handler answers: the `answers` schema's type when one is declared (so the compiler holds the handler
 * to it), else whatever it returns. */
export type Answered<R, A extends TSchema> = [unknown] extends [Static<A>] ? R : Static<A>;

export interface Endpoint<P extends TSchema, Q extends TSchema, B extends TSchema, R, A extends TSchema = TSchema> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  url: string;
  operationId: string;
  /** one line in the newsroom's words, shown in the API reference's table of contents (required: no operation goes undocumented) */
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** response schemas by status (only where the shape is fixed: a schema drops properties it does not name) */
  response?: Record<number, TSchema>;
  /** the status of a success when not 200 (204 sends no body) */
  status?: 201 | 202 | 204;
  description?: string;
  /** what a success answers, for the document (the status is `status`, else 200) */
  answer?: string;
  /** the shape of a success's answer, for the document and the app's types (api_types.gen.ts); unlike `response`
   * it does not serialize (nothing is dropped), and the handler's return type must fit it */
  answers?: A;
  /** refusals this operation can answer beyond the usual ones (e.g. 409 and why), for the document */
  errors?: Partial<Record<409 | 410 | 413 | 415 | 429, string>>;
  consumes?: string[];
  /** per-route options such as rate limits */
  config?: FastifyContextConfig;
  /** the audit entry a success writes (entry null: none this time) */
  audit?: AuditSpec<EndpointRequest<P, Q, B>, Answered<R, A>>;
  /** the events the operation's domain calls emit (cache purge, feeds, search listen to them) */
  events?: readonly (keyof KhabarEvents)[];
  handle(req: EndpointRequest<P, Q, B>, reply: FastifyReply): Promise<Answered<R, A>>;
}

/** Registers one Admin API operation. */
export function endpoint<P extends TSchema = TSchema, Q extends TSchema = TSchema, B extends TSchema = TSchema, R = unknown, A extends TSchema = TSchema>(
  app: FastifyInstance, e: Endpoint<P, Q, B, R, A>): void {
  const access = e.access === 'none' ? 'none' : 'capability' in e.access ? e.access.capability : `session: ${e.access.stages.join(', ')}`;
  app.route({
    method: e.method,
    url: e.url,
    onRequest: guardFor(e.access),
    config: e.config,
    schema: {
      tags: e.tags,
      operationId: e.operationId,
      summary: e.summary,
      ...(e.access === 'none' ? { security: [] } : {}),
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.consumes ? { consumes: e.consumes } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.response ? { response: e.response } : {}),
      'x-access': access,
      ...(e.audit ? { 'x-audit': e.audit.action } : {}),
      ...(e.events?.length ? { 'x-events': [...e.events] } : {}),
      // Read by the document's generator only (openapi_answers.ts), which turns them into responses.
      'x-answer': { status: e.status ?? 200, description: e.answer ?? null, ...(e.answers ? { schema: e.answers } : {}) },
      ...(e.errors ? { 'x-errors': e.errors } : {}),
    },
    handler: async (req, reply) => {
      const r = req as EndpointRequest<P, Q, B>;
      const result = await e.handle(r, reply);
      if (reply.sent) return reply;
      const note = e.audit?.entry(r, result);
      if (note) await auditBy(app.ctx, req, e.audit!.action, note.subject, note.detail);
      if (e.status) reply.code(e.status);
      return e.status === 204 ? reply.send() : reply.send(result);
    },
  });
}
