// The API document: valid OpenAPI 3.1 (checked by an independent validator), and complete: every operation has a
// summary, every parameter and every schema property a description, every response a description, and every
// operation lists the refusals its declaration implies in the one error shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import { endpoint } from '../../src/admin_api/endpoint.ts';
import { makeTestApp, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, jpeg, upload } from './api.ts';

type Json = Record<string, unknown>;
interface Op { operationId?: string; tags?: string[]; summary?: string; parameters?: Json[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Json>; security?: unknown[] }

let shared: Promise<{ t: TestApp; doc: Json }> | null = null;
/** One app and its document for the whole file (the document does not depend on the database). */
function documented() {
  shared ??= (async () => {
    const t = await makeTestApp('sqlite');
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/openapi.json' });
    assert.equal(res.statusCode, 200);
    return { t, doc: res.json() as Json };
  })();
  return shared;
}
test.after(async () => { if (shared) await (await shared).t.close(); });

function operations(doc: Json): [string, Op][] {
  const out: [string, Op][] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
    for (const [method, op] of Object.entries(item)) out.push([`${method.toUpperCase()} ${path}`, op]);
  }
  return out;
}

/** Every property anywhere in the schema that has no description, by its path. */
function undescribed(schema: unknown, where: string, out: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Json;
  for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    if (typeof prop.description !== 'string' || prop.description.trim() === '') out.push(`${where}.${name}`);
    undescribed(prop, `${where}.${name}`, out);
  }
  if (s.items) undescribed(s.items, `${where}[]`, out);
  for (const k of ['anyOf', 'oneOf', 'allOf']) for (const [i, sub] of ((s[k] ?? []) as unknown[]).entries()) undescribed(sub, `${where}/${k}${i}`, out);
}

test('openapi: an independent validator accepts the document', async () => {
  const { doc } = await documented();
  // validate() dereferences in place: give it a copy.
  await SwaggerParser.validate(structuredClone(doc) as never);
});

test('openapi: every operation, parameter, field and response is described', async () => {
  const { doc } = await documented();
  const ops = operations(doc);
  assert.ok(ops.length >= 100, `the whole API is documented (${ops.length} operations)`);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [key, op] of ops) {
    const id = String(op.operationId);
    if (ids.has(id)) problems.push(`${key}: operationId ${id} is used twice`);
    ids.add(id);
    if (!op.summary?.trim()) problems.push(`${key}: no summary`);
    for (const p of op.parameters ?? []) {
      if (typeof p.description !== 'string' || !p.description.trim()) problems.push(`${key}: ${String(p.in)} parameter ${String(p.name)} has no description`);
    }
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) undescribed(media.schema, `${key} body (${type})`, problems);
    for (const [status, r] of Object.entries(op.responses)) {
      if (typeof r.description !== 'string' || !r.description || r.description === 'Default Response') problems.push(`${key}: response ${status} is not described`);
      for (const media of Object.values((r.content ?? {}) as Record<string, { schema: Json }>)) undescribed(media.schema, `${key} ${status}`, problems);
    }
  }
  for (const [name, schema] of Object.entries(((doc.components as Json).schemas ?? {}) as Json)) undescribed(schema, `components.${name}`, problems);
  assert.deepEqual(problems, []);
  const tags = new Set(((doc.tags ?? []) as { name: string; description?: string }[]).filter((t) => t.description).map((t) => t.name));
  const untagged = ops.filter(([, op]) => !(op.tags ?? []).every((t) => tags.has(t))).map(([k]) => k);
  assert.deepEqual(untagged, [], 'every group of operations is described');
});

test('openapi: each operation lists the refusals it can give, in the one error shape', async () => {
  const { doc } = await documented();
  const errorShape = { $ref: '#/components/schemas/Error' };
  const problems: string[] = [];
  for (const [key, op] of operations(doc)) {
    const [method, path] = key.split(' ');
    const expect = new Set<string>();
    if (op.parameters?.length || op.requestBody) expect.add('400');
    if (!(Array.isArray(op.security) && op.security.length === 0)) expect.add('401');
    if (method !== 'GET') expect.add('403');
    if (path.includes('{')) expect.add('404');
    if (op.requestBody) expect.add('413');
    for (const status of expect) if (!op.responses[status]) problems.push(`${key}: ${status} not documented`);
    for (const [status, r] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      assert.deepEqual((r.content as Record<string, { schema: unknown }>)['application/json'].schema, errorShape, `${key} ${status}`);
    }
    if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) problems.push(`${key}: no success answer`);
  }
  assert.deepEqual(problems, []);
  const ops = Object.fromEntries(operations(doc));
  assert.ok(ops['POST /api/admin/auth/reset/request'].responses['429'], 'rate-limited operations document 429');
  assert.ok(ops['GET /api/content/articles'].responses['429']);
  assert.ok(ops['POST /api/admin/articles/{id}/publish'].responses['409'], 'declared domain refusals are documented');
  assert.ok(ops['DELETE /api/admin/articles/{id}'].responses['204'], 'a 204 operation documents 204, not 200');
  assert.equal(ops['DELETE /api/admin/articles/{id}'].responses['200'], undefined);
  const error = ((doc.components as Json).schemas as Json).Error as Json;
  const inner = (error.properties as Record<string, Json>).error;
  assert.deepEqual(Object.keys(inner.properties as Json).sort(), ['code', 'field', 'message', 'status']);
  assert.deepEqual([...(inner.required as string[])].sort(), ['code', 'message', 'status'], 'field is there only when a field is at fault');
});

test('openapi: the moderation queue\'s filters and actions are documented', async () => {
  const { doc } = await documented();
  const ops = Object.fromEntries(operations(doc));
  const queue = ops['GET /api/admin/comments'];
  const names = (queue.parameters ?? []).map((p) => p.name).sort();
  assert.deepEqual(names, ['article_id', 'limit', 'offset', 'q', 'reported', 'status']);
  const status = (queue.parameters ?? []).find((p) => p.name === 'status')!;
  assert.deepEqual((status.schema as Json).enum, ['pending', 'approved', 'spam', 'trash']);
  const action = (ops['POST /api/admin/comments/{id}/{action}'].parameters ?? []).find((p) => p.name === 'action')!;
  assert.deepEqual((action.schema as Json).enum, ['approve', 'spam', 'trash', 'restore']);
  for (const a of ['approve', 'spam', 'trash', 'restore']) assert.match(String(action.description), new RegExp(`${a}:`), `the ${a} action is explained`);
});

test('media: variants come back as a list of files with their addresses, as documented', async () => {
  const { t, doc } = await documented();
  const owner = await signInAs(t, 'owner');
  const up = await upload(t, owner.headers, { name: 'river.jpg', type: 'image/jpeg', bytes: await jpeg('#336699', 1200, 675) }, { alt: 'A river' });
  assert.equal(up.status, 201);
  const got = await call(t, owner.headers, 'GET', `/api/admin/media/${up.body.media.id}`);
  const listed = await call(t, owner.headers, 'GET', '/api/admin/media');
  for (const media of [up.body.media, got.body.media, listed.body.media[0]]) {
    assert.ok(Array.isArray(media.variants), 'a list, not JSON text');
    assert.deepEqual([...new Set(media.variants.map((v: { width: number }) => v.width))], [480, 960, 1200]);
    for (const v of media.variants) assert.equal(v.url, `/media/${v.key}`);
    assert.equal(media.alt, 'A river');
    assert.equal(media.url, `/media/${media.storage_key}`);
  }
  const file = await t.app.inject({ method: 'GET', url: got.body.media.variants[0].url });
  assert.equal(file.statusCode, 200, 'the address answers the file');
  // The answer is exactly what the document names.
  const schema = ((doc.paths as Record<string, Record<string, Op>>)['/api/admin/media/{id}'].get.responses['200'] as { content: Record<string, { schema: Json }> })
    .content['application/json'].schema;
  const named = Object.keys(((schema.properties as Record<string, Json>).media.properties as Json)).sort();
  assert.deepEqual(Object.keys(got.body.media).sort(), named);
});

test('reference: /api/reference draws every operation from the document, on our origin and without scripts', async () => {
  const { t, doc } = await documented();
  const res = await t.app.inject({ method: 'GET', url: '/api/reference' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  const html = res.body;
  assert.doesNotMatch(html, /<script/i, 'no scripts');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'nothing from another origin');
  assert.match(html, /href="\/api\/admin\/openapi.json"/);
  const missing = operations(doc).filter(([, op]) => !html.includes(`id="${op.operationId}"`)).map(([k]) => k);
  assert.deepEqual(missing, [], 'every operation has its section');
  assert.match(html, /<code>article_id<\/code>/, 'the queue\'s parameters are listed');
  assert.ok(html.includes('The queue&#39;s tab') || html.includes("The queue's tab"), 'with their descriptions');
  assert.ok(html.includes('<code>social.N.url</code>'), 'nested body fields by the path error answers use');
  const docRes = await t.app.inject({ method: 'GET', url: '/api/admin/openapi.json' });
  assert.equal(docRes.json().paths['/api/reference'], undefined, 'the page is not an operation');
});

/** Never called: `npm run typecheck` fails if an operation can be declared without a summary. */
export function declaredWithoutSummary(app: FastifyInstance): void {
  // @ts-expect-error: summary is required
  endpoint(app, { method: 'GET', url: '/api/admin/nothing', operationId: 'nothing', tags: ['staff'], access: 'none', handle: async () => ({}) });
}
