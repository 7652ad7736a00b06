// The aggregators' feed: the newsroom's own published stories in full (sanitized body, pictures at absolute
// addresses, bylines, the canonical link to our page) with the aggregator's licence statement, as RSS 2.0
// (/syndication/feed.xml), Atom (/syndication/atom.xml) or JSON Feed (/syndication/feed.json). Each aggregator pulls
// with its own key (Authorization: Bearer kha_..., or ?key=, which the request log masks); a missing, wrong or
// revoked key is 401, and every request, refused or not, counts against the address's rate limit. Stories marked
// not for syndication and partners' stories are never in it. Every answered pull is counted for the newsroom.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listFeedStories } from '../content/feed_stories.ts';
import { getSettings } from '../content/settings.ts';
import { aggregatorByKey, countPull } from '../syndication/aggregators.ts';
import { UnauthorizedError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { limit } from '../http/limits.ts';
import { operation, type Access } from '../http/operation.ts';
import { buildFeed, FEED_TYPES, type FeedKind } from '../site/feeds/feed_build.ts';
import { keyOf } from './routes.ts';

/** How many of the newest stories a pull carries. */
export const AGGREGATOR_FEED_SIZE = 50;

const FILES: Record<string, FeedKind> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

const Query = Type.Object({
  key: Type.Optional(Type.String({ maxLength: 100, description: 'The aggregator\'s key, for clients that cannot send the Authorization header.' })),
  language: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...LANGUAGES], description: 'Only stories in this language.' })),
}, { additionalProperties: false });

type Puller = NonNullable<Awaited<ReturnType<typeof aggregatorByKey>>>;

/** An aggregator's own key, checked before the query: a caller without one learns nothing else. */
const aggregatorKey: Access<Puller> = async (req) => {
  const key = keyOf(req);
  const puller = key ? await aggregatorByKey(req.server.ctx, key) : null;
  if (!puller) throw new UnauthorizedError('A valid aggregator key is required');
  return puller;
};

export async function syndicationFeed(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const { publicUrl } = ctx.config;
  const self = { rss: `${publicUrl}/syndication/feed.xml`, atom: `${publicUrl}/syndication/atom.xml`, json: `${publicUrl}/syndication/feed.json` };
  for (const [file, kind] of Object.entries(FILES)) {
    operation(app, {
      method: 'GET', url: `/syndication/${file}`, access: aggregatorKey, config: limit('syndicationFeed'), query: Query,
      async handle(req, reply, puller) {
        const settings = await getSettings(ctx.db);
        const language = req.query.language;
        const stories = await listFeedStories(ctx.db, { forSyndication: true, language }, AGGREGATOR_FEED_SIZE);
        const text = buildFeed(kind, {
          title: settings.name, description: settings.description, page: `${publicUrl}/`, self, language: language ?? settings.language, publicUrl,
          content: 'full', rights: puller.licence,
        }, stories);
        await countPull(ctx, puller.id, stories.length);
        return reply.header('cache-control', 'private, no-cache').type(FEED_TYPES[kind]).send(text);
      },
    });
  }
}
