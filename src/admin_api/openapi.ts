// The OpenAPI 3.1 document of the Admin and Content APIs, generated from the endpoint declarations (endpoint.ts), served at GET /api/admin/openapi.json. Registered at the
// app's top level before any routes so it sees every route (accounts, moderation, the Admin API, the Content API);
// routes outside /api/admin and /api/content are left out.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { sharedErrorShape, withAnswers } from './openapi_answers.ts';
import { TAGS } from './openapi_tags.ts';

const DOCUMENTED = /^\/api\/(admin|content)\//;

/** Registers the document generator and its route. */
export async function openApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Khabar Admin and Content API',
        version: '1',
        description: 'The newsroom back office (session cookie plus x-csrf-token on changes) and the read-only Content API (Bearer key).',
      },
      tags: TAGS,
      // Every operation needs a staff session unless it says otherwise (sign-in routes, the Content API).
      security: [{ session: [] }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'khabar_session' },
          contentKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: ({ schema, url, route }) => ({
      schema: DOCUMENTED.test(url) ? withAnswers(schema as Record<string, unknown>, route) : { ...(schema ?? {}), hide: true },
      url,
    }),
    transformObject: (doc) => sharedErrorShape(('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject) as Record<string, unknown>),
  });
  app.get('/api/admin/openapi.json', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return app.swagger();
  });
}
// Not encapsulated: the generator's onRoute hook must see routes registered by sibling plugins.
(openApi as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
