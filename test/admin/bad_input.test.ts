// Bad input at the API, walked from the document itself: every operation answers a wrong value in any field, query
// or path parameter with 400 and the one error shape naming that field; unknown fields are named too; a body that
// is not JSON, one over the size limit, an oversized upload and too many requests each get a JSON message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { multipart } from './api.ts';
import { LIMITS } from '../../src/http/limits.ts';
import { createApiKey } from '../../src/auth/api_keys.ts';

type Json = Record<string, unknown>;
interface Op { parameters?: { name: string; in: string; schema: Json }[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, unknown> }

/** A value of the wrong type for the schema (a string where a number or list belongs, an object where text does). */
function wrongFor(schema: Json): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string') return { not: 'text' };
  // (a lone value where a list belongs is taken as a list of one, so the item is what must be wrong)
  if (type === 'array') return { not: 'a list' };
  if (type === 'object') return 'not an object';
  return 'not-a-number-or-yes-no';
}

/** What a query or path parameter cannot be (they arrive as text): only string parameters accept any text. */
function wrongParam(schema: Json): string | null {
  if (schema.type === 'string') return schema.enum || schema.pattern ? 'zz-not-allowed' : null;
  return 'zz-not-allowed';
}

function assertFieldError(where: string, res: { statusCode: number; body: string; headers: Record<string, unknown> }, field: string, problems: string[]): void {
  if (res.statusCode !== 400) { problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`); return; }
  if (!String(res.headers['content-type']).startsWith('application/json')) { problems.push(`${where}: not JSON`); return; }
  const e = (JSON.parse(res.body) as { error?: Json }).error;
  if (!e || e.status !== 400 || e.code !== 'invalid' || typeof e.message !== 'string' || !e.message) problems.push(`${where}: shape ${res.body.slice(0, 160)}`);
  else if (e.field !== field && !String(e.field).startsWith(`${field}.`)) problems.push(`${where}: field ${String(e.field)}, expected ${field}`);
}

/** A good value for each path parameter that is not an id, so that a wrong body field is what an answer is about. */
const PATH_SAMPLES: Record<string, string> = { action: 'approve', language: 'en', front: 'home:en', table: 'article' };

function concrete(path: string, name?: string, value?: string): string {
  return path.replace(/\{(\w+)\}/g, (_, n: string) => (n === name ? encodeURIComponent(value!) : PATH_SAMPLES[n] ?? '1'));
}

for (const dialect of testDialects()) {
  test(`[${dialect}] every operation names the field at fault, in one shape`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = await signInAs(t, 'owner');
      const key = (await createApiKey(t.ctx, 'Bad input test', owner.userId)).key;
      const doc = (await t.app.inject({ method: 'GET', url: '/api/admin/openapi.json' })).json() as Json;
      const problems: string[] = [];
      let checked = 0;
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
        for (const [m, op] of Object.entries(item)) {
          const method = m.toUpperCase() as 'GET';
          const headers: Record<string, string> = { ...owner.headers, 'content-type': 'application/json', ...(path.startsWith('/api/content/') ? { authorization: `Bearer ${key}` } : {}) };
          const noBody = method === 'GET' || method === 'DELETE';
          const { 'content-type': _type, ...withoutType } = headers;
          const query = (op.parameters ?? []).filter((p) => p.in === 'query');
          // Path and query parameters, one at a time (the other required query parameters given good values).
          for (const p of op.parameters ?? []) {
            const bad = wrongParam(p.schema);
            if (bad === null) continue;
            const others = query.filter((q) => q.name !== p.name && (q as { required?: boolean }).required).map((q) => `${q.name}=${String(placeholder(q.schema))}`);
            const url = p.in === 'path' ? concrete(path, p.name, bad) : `${concrete(path)}?${[...others, `${p.name}=${bad}`].join('&')}`;
            const res = await t.app.inject({ method, url, headers: noBody ? withoutType : headers, payload: noBody ? undefined : '{}' });
            assertFieldError(`${method} ${path} ${p.in} ${p.name}`, res, p.name, problems);
            checked++;
          }
          const schema = op.requestBody?.content['application/json']?.schema;
          if (!schema) continue;
          const required = new Set((schema.required ?? []) as string[]);
          const props = Object.entries((schema.properties ?? {}) as Record<string, Json>);
          // A field the operation does not know; then each field with a wrong value (the required ones only when the
          // others are there, so the answer is about the field tried and not a missing one).
          const unknownRes = await t.app.inject({ method, url: concrete(path), headers, payload: JSON.stringify({ notAField: 1 }) });
          assertFieldError(`${method} ${path} unknown field`, unknownRes, required.size ? [...required][0] : 'notAField', problems);
          if (!required.size) checked++;
          for (const [name, prop] of props) {
            const body: Json = {};
            for (const r of required) if (r !== name) body[r] = placeholder((schema.properties as Record<string, Json>)[r]);
            body[name] = wrongFor(prop);
            const res = await t.app.inject({ method, url: concrete(path), headers, payload: JSON.stringify(body) });
            assertFieldError(`${method} ${path} body ${name}`, res, name, problems);
            checked++;
          }
          if (!op.responses['400']) problems.push(`${method} ${path}: answers 400 but does not document it`);
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(checked > 150, `fields and parameters checked: ${checked}`);
    } finally {
      await t.close();
    }
  });
}

/** A value that passes the schema's type, for filling the required fields around the one under test. */
function placeholder(schema: Json): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  // a field that may be null (anyOf [..., null]) is given null: a good value whatever else it takes
  if (Array.isArray(schema.anyOf) && (schema.anyOf as Json[]).some((s) => s.type === 'null')) return null;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return Math.max(1, Number(schema.minimum ?? 1));
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return schema.format === 'date-time' ? '2030-01-01T00:00:00Z' : 'x';
}

test('bad input: a body that is not JSON, too large a body, too large an upload and too many requests answer JSON messages', async () => {
  const t: TestApp = await makeTestApp('sqlite');
  try {
    const owner = await signInAs(t, 'owner');
    const headers = { ...owner.headers, 'content-type': 'application/json' };
    const errorOf = (body: string) => (JSON.parse(body) as { error: Json }).error;

    const broken = await t.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers, payload: '{"name": ' });
    assert.equal(broken.statusCode, 400);
    assert.equal(errorOf(broken.body).code, 'bad_request');
    assert.match(String(errorOf(broken.body).message), /JSON/);

    const huge = await t.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers, payload: JSON.stringify({ description: 'x'.repeat(1_100_000) }) });
    assert.equal(huge.statusCode, 413);
    assert.deepEqual(errorOf(huge.body), { status: 413, code: 'too_large', message: 'What you sent is too large.' });

    const big = multipart({ name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(21 * 1024 * 1024, 1) });
    const upload = await t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...owner.headers, 'content-type': big.contentType }, payload: big.payload });
    assert.equal(upload.statusCode, 413);
    assert.equal(errorOf(upload.body).code, 'too_large');
    assert.match(String(errorOf(upload.body).message), /too large/);

    const notImage = multipart({ name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('just some text, not a picture') });
    const refused = await t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...owner.headers, 'content-type': notImage.contentType }, payload: notImage.payload });
    assert.equal(refused.statusCode, 400);
    assert.equal(errorOf(refused.body).field, 'file');

    const ask = () => t.app.inject({ method: 'POST', url: '/api/admin/auth/reset/request', headers, payload: { email: 'nobody@newsroom.test' } });
    for (let i = 0; i < LIMITS.passwordResetRequest.max; i++) assert.equal((await ask()).statusCode, 202);
    const limited = await ask();
    assert.equal(limited.statusCode, 429);
    assert.equal(errorOf(limited.body).code, 'rate_limited');
    assert.match(String(errorOf(limited.body).message), /wait/);
    assert.ok(Number(limited.headers['retry-after']) > 0);
  } finally {
    await t.close();
  }
});
