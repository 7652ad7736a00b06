// Content API keys in the Admin API: list, create (the key is shown once), revoke.
import type { FastifyInstance } from 'fastify';
import { createApiKey, listApiKeys, revokeApiKey } from './api_keys.ts';
import { auditBy, reads, staffOf, writes } from './access.ts';
import { idParams, object, text } from './schemas.ts';

export async function apiKeysRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['api-keys'];
  const base = '/api/admin/api-keys';
  app.get(base, { ...reads('api_keys.manage'), schema: { tags, operationId: 'listApiKeys' } }, async () => ({ apiKeys: await listApiKeys(ctx.db) }));
  app.post<{ Body: { name: string } }>(base,
    { ...writes('api_keys.manage'), schema: { tags, operationId: 'createApiKey', body: object({ name: text(100) }, ['name']) } }, async (req, reply) => {
      const made = await createApiKey(ctx, req.body.name, staffOf(req).id);
      await auditBy(ctx, req, 'api_key.create', { type: 'api_key', id: made.apiKey.id }, { name: made.apiKey.name });
      return reply.code(201).send(made);
    });
  app.delete<{ Params: { id: number } }>(`${base}/:id`,
    { ...writes('api_keys.manage'), schema: { tags, operationId: 'revokeApiKey', params: idParams('id') } }, async (req, reply) => {
      await revokeApiKey(ctx, req.params.id);
      await auditBy(ctx, req, 'api_key.revoke', { type: 'api_key', id: req.params.id });
      return reply.code(204).send();
    });
}
