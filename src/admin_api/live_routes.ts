// Live coverage in the Admin API: a story's coverage and entries (all of them, deleted ones too), start and end,
// post an entry (with "Send alert" and "Post to channels", told to whoever listens to live.entry.posted),
// correct or delete one. Who may is decided in the live domain: whoever may publish the story.
import type { FastifyInstance } from 'fastify';
import { endCoverage, getCoverage, liveArticle, startCoverage } from '../live/coverage.ts';
import { correctEntry, deleteEntry, listEntries, MAX_LINKS, MAX_PICTURES, MAX_TEXT, postEntry } from '../live/entries.ts';
import { CoverageAnswer, EntryAnswer, LiveAnswer } from './answers_live.ts';
import { endpoint } from './endpoint.ts';
import { actorOf } from './access.ts';
import { Described as d, Id, IdParams, ListOf, Strict, Text, Type } from './schemas.ts';

const EntryFields = {
  text: Type.Optional(d('The entry: plain text (paragraphs separated by a blank line; a line holding only an address becomes a link) or HTML, sanitized like an article body.', Text(MAX_TEXT))),
  key: Type.Optional(d('A key entry, listed among the highlights at the top.', Type.Boolean())),
  mediaIds: Type.Optional(d('Pictures from the media library shown with it, in order.', ListOf(Id, MAX_PICTURES))),
  links: Type.Optional(d('Addresses of posts or videos elsewhere, shown as links (never embedded).', ListOf(Text(2000, 1), MAX_LINKS))),
};
const PostBody = Strict({
  ...EntryFields,
  alert: Type.Optional(d('Send alert: readers who asked for alerts are told of it.', Type.Boolean())),
  channels: Type.Optional(d('Post to channels: the newsroom\'s channels (Telegram, Mastodon) carry it.', Type.Boolean())),
});
const PatchBody = Strict(EntryFields);

export async function liveRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['live'];
  const base = '/api/admin/articles/:id/live';
  const access = { capability: 'articles.publish_own' } as const;

  endpoint(app, {
    method: 'GET', url: base, operationId: 'getLiveCoverage', summary: 'A story\'s live coverage and its entries, newest first', tags, access, params: IdParams, answers: LiveAnswer,
    description: 'coverage is null when the story was never covered live. Deleted entries are listed with deletedAt.',
    handle: async (req) => {
      await liveArticle(ctx, actorOf(req), req.params.id);
      return { coverage: await getCoverage(ctx.db, req.params.id), entries: await listEntries(ctx.db, req.params.id) };
    },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/start`, operationId: 'startLiveCoverage', summary: 'Start covering a story live', tags, access, params: IdParams, answers: CoverageAnswer, events: ['article.changed'],
    errors: { 409: 'The story is archived.' },
    handle: async (req) => ({ coverage: await startCoverage(ctx, actorOf(req), req.params.id) }),
    audit: { action: 'live.start', entry: (req) => ({ subject: { type: 'article', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/end`, operationId: 'endLiveCoverage', summary: 'End live coverage: the story stays, with its entries', tags, access, params: IdParams, answers: CoverageAnswer, events: ['article.changed'],
    errors: { 409: 'The story is not covered live.' },
    handle: async (req) => ({ coverage: await endCoverage(ctx, actorOf(req), req.params.id) }),
    audit: { action: 'live.end', entry: (req) => ({ subject: { type: 'article', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/entries`, operationId: 'postLiveEntry', summary: 'Post an entry to a live story', tags, access, params: IdParams, body: PostBody, status: 201, answers: EntryAnswer,
    events: ['live.entry.posted'], errors: { 409: 'The coverage has not started or has ended, or the story is not published.' },
    handle: async (req) => {
      const { alert, channels, ...input } = req.body;
      return { entry: await postEntry(ctx, actorOf(req), req.params.id, input, { alert, channels }) };
    },
    audit: { action: 'live.entry.post', entry: (req, r) => ({ subject: { type: 'live_entry', id: r.entry.id }, detail: { articleId: req.params.id, key: r.entry.key, alert: !!req.body.alert, channels: !!req.body.channels } }) },
  });
  endpoint(app, {
    method: 'PATCH', url: '/api/admin/live/entries/:id', operationId: 'correctLiveEntry', summary: 'Correct a live entry or mark it key (readers see when it was updated)', tags, access,
    params: IdParams, body: PatchBody, answers: EntryAnswer, events: ['article.changed'], errors: { 409: 'The entry was deleted.' },
    handle: async (req) => ({ entry: await correctEntry(ctx, actorOf(req), req.params.id, req.body) }),
    audit: { action: 'live.entry.correct', entry: (req) => ({ subject: { type: 'live_entry', id: req.params.id }, detail: { changed: Object.keys(req.body ?? {}) } }) },
  });
  endpoint(app, {
    method: 'DELETE', url: '/api/admin/live/entries/:id', operationId: 'deleteLiveEntry', summary: 'Delete a live entry (readers see that it was removed)', tags, access,
    params: IdParams, status: 204, events: ['article.changed'], errors: { 409: 'The entry was already deleted.' },
    handle: async (req) => { await deleteEntry(ctx, actorOf(req), req.params.id); },
    audit: { action: 'live.entry.delete', entry: (req) => ({ subject: { type: 'live_entry', id: req.params.id } }) },
  });
}
