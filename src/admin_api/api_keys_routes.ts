// Content API keys in the Admin API: list, create (the key is shown once), revoke.
import { ApiKeyList, MadeApiKey } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api_keys.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Described as d, IdParams, Strict, Text } from './schemas.ts';

export async function apiKeysRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['api-keys'];
  const base = '/api/admin/api-keys';
  const access = { capability: 'api_keys.manage' } as const;
  endpoint(app, {
    method: 'GET', url: base, operationId: 'listApiKeys', summary: 'List Content API keys', tags, access, answers: ApiKeyList,
    handle: async () => ({ apiKeys: await listApiKeys(ctx.db) }),
  });
  endpoint(app, {
    method: 'POST', url: base, operationId: 'createApiKey', summary: 'Make a Content API key', tags, access, status: 201, answers: MadeApiKey, body: Strict({ name: d('Who the key is for, e.g. the app\'s name.', Text(100)) }),
    answer: 'The key (shown this once: keep it) and its record.',
    handle: (req) => createApiKey(ctx, req.body.name, staffOf(req).id),
    audit: { action: 'api_key.create', entry: (_req, made) => ({ subject: { type: 'api_key', id: made.apiKey.id }, detail: { name: made.apiKey.name } }) },
  });
  endpoint(app, {
    method: 'DELETE', url: `${base}/:id`, operationId: 'revokeApiKey', summary: 'Revoke a Content API key', tags, access, status: 204, params: IdParams,
    handle: async (req) => { await revokeApiKey(ctx, req.params.id); },
    audit: { action: 'api_key.revoke', entry: (req) => ({ subject: { type: 'api_key', id: req.params.id } }) },
  });
}
