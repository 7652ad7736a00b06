// The responses half of the OpenAPI document: what a success answers (from an endpoint's `status` and `answer`) and
// every refusal an operation can give, all in the one error shape the http layer sends (http/errors.ts). The
// refusals follow from the declaration itself: input schemas can answer 400, a session or key 401, a capability
// or the CSRF check 403, an id in the path 404, a body 413, a rate limit 429; `errors` adds the domain's own (409).
import { Type } from 'typebox';

type Schema = Record<string, unknown>;
type Route = { method: string | string[]; url: string; config?: { rateLimit?: unknown } };

/** The body of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    status: Type.Integer({ description: 'The HTTP status again, for clients that lose it.' }),
    code: Type.String({ description: 'A stable word to branch on: invalid, unauthorized, forbidden, csrf, not_found, conflict, too_large, rate_limited, ...' }),
    message: Type.String({ description: 'A sentence a person can act on; show it as text.' }),
    field: Type.Optional(Type.String({
      description: 'With invalid and some conflict answers: the path to the field at fault, dotted for nested fields and list items (e.g. "social.0.url"). Forms show the message next to it.',
    })),
  }, { additionalProperties: false, description: 'What went wrong.' }),
}, { additionalProperties: false, description: 'Every refusal and failure of the API has this shape.' });

const SUCCESS: Record<number, string> = {
  200: 'Done; the answer is below.',
  201: 'Created; the answer names what was made.',
  202: 'Accepted; the work goes on after this answer.',
  204: 'Done; no body.',
};

/** Fastify's body limit for JSON (http/app.ts). */
const BODY_LIMIT_MB = 1;

/** The route's schema with its success and error responses filled in (for the document only; never validated). */
export function withAnswers(schema: Schema, route: Route): Schema {
  const { 'x-answer': answer, 'x-errors': declared, ...rest } = schema as Schema & {
    'x-answer'?: { status: number; description: string | null; schema?: Schema };
    'x-errors'?: Record<string, string>;
  };
  const method = (Array.isArray(route.method) ? route.method[0] : route.method).toUpperCase();
  const response: Record<string, Schema> = { ...((rest.response as Record<string, Schema> | undefined) ?? {}) };
  const status = answer?.status ?? 200;
  const described = answer?.description ?? SUCCESS[status] ?? 'Done.';
  const ok = response[status];
  response[status] = status === 204 ? { type: 'null', description: described }
    : ok ? { ...ok, description: (ok.description as string | undefined) ?? described }
    : answer?.schema ? { ...answer.schema, description: described } : { description: described };

  const security = rest.security as Record<string, unknown>[] | undefined;
  const isPublic = Array.isArray(security) && security.length === 0;
  const byKey = !!security?.some((s) => 'contentKey' in s);
  const access = rest['x-access'] as string | undefined;
  const change = method !== 'GET' && method !== 'HEAD';
  const multipart = (rest.consumes as string[] | undefined)?.includes('multipart/form-data') ?? false;
  const refusals: Record<string, string> = {};
  if (rest.params || rest.querystring || rest.body || multipart) {
    refusals[400] = 'Bad input: `field` is the path to the field at fault and `message` says what is wrong with it.';
  }
  if (!isPublic) {
    refusals[401] = byKey ? 'No valid Content API key: send Authorization: Bearer <key>.'
      : 'Not signed in, the sign-in is not finished (second step or two-factor setup), or the session ended.';
  }
  const forbidden: string[] = [];
  if (access && access !== 'none' && !access.startsWith('session')) forbidden.push(`the signed-in role lacks the ${access} capability (or the rule in the description refuses it)`);
  if (change) forbidden.push('the x-csrf-token header is missing or wrong, or the request came from another site (code csrf)');
  if (forbidden.length) refusals[403] = `Refused: ${forbidden.join('; or ')}.`;
  if (route.url.includes(':')) refusals[404] = 'Nothing has that id, or it is not one you may see.';
  if (rest.body) refusals[413] = `The body is larger than ${BODY_LIMIT_MB} MB.`;
  if (multipart) refusals[413] = 'The file is larger than the upload limit.';
  if (route.config?.rateLimit) refusals[429] = 'Too many requests from this address: wait the number of seconds in the Retry-After header.';
  Object.assign(refusals, declared);
  for (const [code, description] of Object.entries(refusals)) {
    response[code] = { ...ErrorBody, description, ...(code === '429' ? { headers: RETRY_AFTER } : {}) };
  }
  return { ...rest, response };
}

const RETRY_AFTER = { 'retry-after': Type.Integer({ description: 'Seconds to wait before trying again.' }) };

/** Names the error shape once in the document: every error response refers to components.schemas.Error. */
export function sharedErrorShape(doc: Schema): Schema {
  const paths = doc.paths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      for (const [code, r] of Object.entries(op.responses ?? {})) {
        if (Number(code) < 400 || !r.content) continue;
        for (const media of Object.values(r.content)) media.schema = { $ref: '#/components/schemas/Error' };
      }
    }
  }
  const components = (doc.components ?? {}) as Schema;
  return { ...doc, components: { ...components, schemas: { ...((components.schemas as Schema | undefined) ?? {}), Error: ErrorBody } } };
}
