// A square cut from a picture in the media library (portraits in bylines and bio boxes): the app's crop box sends
// the square, the server makes it a picture of its own with its own variants.
import type { FastifyInstance } from 'fastify';
import { squareFrom, MIN_SQUARE } from '../media/square.ts';
import { staffOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { mediaView, OneMedia } from './media_view.ts';
import { Described as d, IdParams, Int, Strict } from './schemas.ts';

const SquareBody = Strict({
  x: d('The square\'s left edge, in the picture\'s pixels (its width and height as the library gives them).', Int(0, 100_000)),
  y: d('The square\'s top edge, in the same pixels.', Int(0, 100_000)),
  size: d(`The square's side, in the same pixels (at least ${MIN_SQUARE}).`, Int(1, 100_000)),
});

export async function mediaSquareRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  endpoint(app, {
    method: 'POST', url: '/api/admin/media/:id/square', operationId: 'squareMedia', summary: 'Cut a square from a picture', tags: ['media'],
    description: 'Makes a new picture of the square (alt text and credit carried over), e.g. a portrait for a person\'s photo; the original stays. '
      + 'The same square cut twice answers the same picture.',
    answer: 'The new square picture.', access: { capability: 'media.upload' }, params: IdParams, body: SquareBody, status: 201, response: { 201: OneMedia },
    events: ['content.changed'],
    handle: async (req) => ({ media: mediaView(await squareFrom(ctx, req.params.id, req.body, staffOf(req).id)) }),
    audit: { action: 'media.square', entry: (req, r) => ({ subject: { type: 'media', id: r.media.id }, detail: { from: req.params.id } }) },
  });
}
