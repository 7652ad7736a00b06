// GET /media/<key>: a picture's variant, read through the MediaStore (made at its first request), sent with a
// year of caching since a variant's name changes whenever its bytes could. Any other name is the site's 404.
import type { FastifyInstance } from 'fastify';
import { variantFile } from '../media/variants.ts';

export async function mediaFiles(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Params: { '*': string } }>('/media/*', async (req, reply) => {
    const file = await variantFile(ctx.media, req.params['*']);
    if (!file) return reply.callNotFound();
    return reply
      .type(file.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(file.bytes);
  });
}
