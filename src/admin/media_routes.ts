// Media in the Admin API: upload (multipart, one image, checked by content: SVG, non-images and bombs refused),
// list, read, and describe (alt text, caption, credit). Uploaders may describe their own images; editors any.
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { can } from '../auth/capabilities.ts';
import { getMedia, ingestImage, listMedia, MAX_UPLOAD_BYTES, updateMedia } from '../media/images.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { reads, staffOf, writes } from './access.ts';
import { idParams, object, paging, text } from './schemas.ts';

const FIELDS = ['alt', 'caption', 'credit'] as const;
const describeBody = object({ alt: text(500), caption: text(500), credit: text(200) });

export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['media'];
  const base = '/api/admin/media';
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 2000, parts: 6, headerPairs: 100 } });

  app.get<{ Querystring: { limit?: number; offset?: number } }>(base,
    { ...reads('media.upload'), schema: { tags, operationId: 'listMedia', querystring: object(paging) } },
    async (req) => ({ media: await listMedia(ctx.db, req.query) }));

  app.post(base, {
    ...writes('media.upload'),
    schema: {
      tags, operationId: 'uploadMedia', consumes: ['multipart/form-data'],
      description: 'multipart/form-data with one `file` (JPEG, PNG, WebP, AVIF or GIF, at most 20 MB) and optional alt, caption, credit fields.',
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new ValidationError('file', 'Send the image as multipart/form-data with a file field');
    const meta: Record<string, string> = {};
    let bytes: Buffer | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new ValidationError(part.fieldname, `${part.fieldname} is not a field here; send the image as file`);
        bytes = await part.toBuffer();
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
        meta[part.fieldname] = String(part.value);
      } else {
        throw new ValidationError(part.fieldname, `${part.fieldname} is not a field here`);
      }
    }
    if (!bytes) throw new ValidationError('file', 'file is required');
    const media = await ingestImage(ctx, bytes, { ...meta, uploadedBy: staffOf(req).id });
    return reply.code(201).send({ media });
  });

  app.get<{ Params: { id: number } }>(`${base}/:id`, { ...reads('media.upload'), schema: { tags, operationId: 'getMedia', params: idParams('id') } },
    async (req) => {
      const media = await getMedia(ctx.db, req.params.id);
      if (!media) throw new NotFoundError('Media not found');
      return { media };
    });

  app.patch<{ Params: { id: number }; Body: { alt?: string; caption?: string; credit?: string } }>(`${base}/:id`,
    { ...writes('media.upload'), schema: { tags, operationId: 'updateMedia', params: idParams('id'), body: describeBody } }, async (req) => {
      const staff = staffOf(req);
      const media = await getMedia(ctx.db, req.params.id);
      if (!media) throw new NotFoundError('Media not found');
      if (media.uploaded_by !== staff.id && !can(staff.role, 'media.edit_any')) throw new ForbiddenError('This image was uploaded by someone else');
      return { media: await updateMedia(ctx, media.id, req.body) };
    });
}
