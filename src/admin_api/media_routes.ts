// Media in the Admin API: upload (multipart, one image, checked by content: SVG, non-images and bombs refused),
// list, read, describe (alt text, caption, credit) and delete. Uploaders may describe and delete their own images;
// editors any; a picture in use is never deleted.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { articlesUsingMedia, mediaUses } from '../content/media_usage.ts';
import { readableBy } from './ownership.ts';
import { getSettings } from '../content/settings.ts';
import multipart from '@fastify/multipart';
import { can } from '../auth/capabilities.ts';
import { getMedia, ingestImage, listMedia, MAX_UPLOAD_BYTES, updateMedia } from '../media/images.ts';
import { deleteMedia } from '../media/delete.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { staffOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { MediaList, mediaView, OneMedia } from './media_view.ts';
import { Described as d, IdParams, Paging, Strict, Text, Type } from './schemas.ts';

const FIELDS = ['alt', 'caption', 'credit'] as const;
const MediaDescription = Strict({
  alt: Type.Optional(d('What the picture shows, for readers who cannot see it.', Text(500))),
  caption: Type.Optional(d('The caption shown under it.', Text(500))),
  credit: Type.Optional(d('Who made it, e.g. "Photo: Desk".', Text(200))),
});

export async function mediaRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['media'];
  const base = '/api/admin/media';
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 2000, parts: 6, headerPairs: 100 } });

  const access = { capability: 'media.upload' } as const;
  /** The image, when the caller may change it: their own upload, or anyone's with media.edit_any. */
  const mediaToChange = async (req: FastifyRequest, id: number) => {
    const staff = staffOf(req);
    const media = await getMedia(ctx.db, id);
    if (!media) throw new NotFoundError('Media not found');
    if (media.uploaded_by !== staff.id && !can(staff.role, 'media.edit_any')) throw new ForbiddenError('This image was uploaded by someone else');
    return media;
  };

  endpoint(app, {
    method: 'GET', url: base, operationId: 'listMedia', summary: 'List the media library', tags, access, query: Strict(Paging), response: { 200: MediaList },
    handle: async (req) => ({ media: (await listMedia(ctx.db, req.query)).map(mediaView) }),
  });

  endpoint(app, {
    method: 'POST', url: base, operationId: 'uploadMedia', summary: 'Upload an image', tags, access, status: 201, response: { 201: OneMedia },
    answer: 'The image\'s record (the same file uploaded twice answers the first record).', consumes: ['multipart/form-data'], events: ['content.changed'],
    description: 'multipart/form-data with one `file` (JPEG, PNG, WebP, AVIF or GIF, at most 20 MB) and optional alt, caption, credit fields.',
    handle: async (req) => {
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
      return { media: mediaView(media) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:id`, operationId: 'getMedia', summary: "Read an image's record", tags, access, params: IdParams, response: { 200: OneMedia },
    handle: async (req) => {
      const media = await getMedia(ctx.db, req.params.id);
      if (!media) throw new NotFoundError('Media not found');
      return { media: mediaView(media) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:id/usage`, operationId: 'getMediaUsage', tags, access, params: IdParams,
    summary: 'Where a picture is used',
    description: 'articles: the articles (at most 100, last changed first) that have the picture as their hero picture or show it in their body; '
      + 'others: how many more articles show it that the caller may not open (never named); '
      + 'uses: every place that shows it (articles, byline photos, sources\' logos, house ads, the site\'s logo), which a deletion waits for.',
    handle: async (req) => {
      const media = await getMedia(ctx.db, req.params.id);
      if (!media) throw new NotFoundError('Media not found');
      const reader = (await readableBy(ctx, req)).visibleTo ?? null;
      const { articles, others } = await articlesUsingMedia(ctx.db, media, reader);
      return { articles, others, uses: await mediaUses(ctx.db, media, (await getSettings(ctx.db)).logoMediaId, reader) };
    },
  });

  endpoint(app, {
    method: 'PATCH', url: `${base}/:id`, operationId: 'updateMedia', summary: 'Describe an image (alt text, caption, credit)', tags, access, params: IdParams, response: { 200: OneMedia }, body: MediaDescription, events: ['content.changed'],
    description: 'Uploaders describe their own images; media.edit_any describes any.',
    handle: async (req) => {
      const media = await mediaToChange(req, req.params.id);
      return { media: mediaView(await updateMedia(ctx, media.id, req.body)) };
    },
  });

  endpoint(app, {
    method: 'DELETE', url: `${base}/:id`, operationId: 'deleteMedia', summary: 'Delete an image that nothing uses', tags, access, params: IdParams, status: 204, events: ['content.changed'],
    description: 'Removes the record and its files. Uploaders delete their own images; media.edit_any deletes any.',
    errors: { 409: 'The picture is in use (an article, a byline photo, a logo, a house ad); the message says where.' },
    handle: async (req) => {
      const media = await mediaToChange(req, req.params.id);
      await deleteMedia(ctx, media.id);
    },
    audit: { action: 'media.delete', entry: (req) => ({ subject: { type: 'media', id: req.params.id } }) },
  });
}
