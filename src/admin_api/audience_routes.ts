// Audience figures in the Admin API (src/audience): the period's overview and chart, the top of any table, the last
// 30 minutes, each story's figures (the article list's column and the editor's panel), and the newsroom's choices
// (the readers' "Most read" list, partner sites).
import { AudienceOverviewAnswer, AudienceRealtimeAnswer, AudienceSettingsAnswer, AudienceTableAnswer, StoriesFiguresAnswer, StoryFiguresAnswer } from './answers_audience.ts';
import type { FastifyInstance } from 'fastify';
import { audienceOverview, audienceRealtime, audienceTable, RANGES, storiesFigures, storyFigures, TABLES } from '../audience/figures.ts';
import { getAudienceSettings, MOST_READ_PERIODS, updateAudienceSettings } from '../audience/audience_settings.ts';
import { refreshMostRead } from '../audience/most_read.ts';
import { ValidationError } from '../errors.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, IdParams, Int, ListOf, OneOf, Strict, Text, Type } from './schemas.ts';

const RangeQuery = d('The period: today (by hour) or the last 7, 30 or 90 days (by day), in the site\'s time zone.', OneOf(RANGES));

export async function audienceRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['audience'];
  const base = '/api/admin/audience';
  const access = { capability: 'audience.read' } as const;
  endpoint(app, {
    method: 'GET', url: base, operationId: 'audienceOverview', summary: 'Views and readers over a period', tags, access, answers: AudienceOverviewAnswer,
    query: Strict({ range: Type.Optional(RangeQuery) }),
    description: 'Readers\' page views and daily readers (a reader counts once a day; over several days, once each day), bots and feed fetches apart, one point per hour (today) or day, and the period\'s referrer groups, editions, languages and kinds of page. Totals are rolled up every minute.',
    handle: (req) => audienceOverview(ctx, req.query.range ?? '7d'),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/tables/:table`, operationId: 'audienceTable', summary: 'The top of one table', tags, access, answers: AudienceTableAnswer,
    params: Strict({ table: d('stories (article), section, author, language, edition, ref_group, ref_host (referring sites), page, kind, bot', OneOf(TABLES)) }),
    query: Strict({ range: Type.Optional(RangeQuery), limit: Type.Optional(d('Rows at most (10 when not given; 1000 for an export).', Int(1, 1000))) }),
    handle: async (req) => ({ rows: await audienceTable(ctx, req.params.table, req.query.range ?? '7d', req.query.limit ?? 10) }),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/realtime`, operationId: 'audienceRealtime', summary: 'The last 30 minutes', tags, access, answers: AudienceRealtimeAnswer,
    description: 'Views per minute, readers, and the stories read most in the last 30 minutes (a few seconds behind: each instance writes its views every few seconds).',
    handle: () => audienceRealtime(ctx),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/stories`, operationId: 'audienceStories', summary: 'Figures of several stories', tags, access, answers: StoriesFiguresAnswer,
    query: Strict({ ids: d('Story ids, comma separated (at most 100).', Text(1200, 1)), days: Type.Optional(d('Over the last this many days (7 when not given).', Int(1, 90))) }),
    handle: async (req) => {
      const ids = req.query.ids.split(',').map((s) => Number(s.trim()));
      if (ids.length > 100 || ids.some((id) => !Number.isInteger(id) || id < 1)) throw new ValidationError('ids', 'List up to 100 story ids, such as 3,14,15.');
      return { days: req.query.days ?? 7, figures: await storiesFigures(ctx, ids, req.query.days ?? 7) };
    },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/stories/:id`, operationId: 'audienceStory', summary: 'One story\'s figures', tags, access, params: IdParams, answers: StoryFiguresAnswer,
    description: 'Its views and readers since it was first counted, its last 30 days, and its referrer groups.',
    handle: (req) => storyFigures(ctx, req.params.id),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/settings`, operationId: 'audienceSettings', summary: 'Most read list and partner sites', tags, access, answers: AudienceSettingsAnswer,
    handle: () => getAudienceSettings(ctx),
  });
  endpoint(app, {
    method: 'PATCH', url: `${base}/settings`, operationId: 'updateAudienceSettings', summary: 'Change the Most read list or partner sites', tags,
    access: { capability: 'audience.manage' }, answers: AudienceSettingsAnswer,
    body: Strict({
      mostRead: Type.Optional(d('The readers\' Most read list: off, the last 24 hours or the last 7 days.', OneOf(MOST_READ_PERIODS))),
      mostReadCount: Type.Optional(d('How many stories it lists (3 to 10).', Int(3, 10))),
      partners: Type.Optional(d('Partner sites by host name (partner.example); their readers are grouped with the mirrors\'.', ListOf(Text(253), 100))),
    }),
    events: ['audience.most_read'],
    handle: async (req) => {
      const settings = await updateAudienceSettings(ctx, req.body);
      await refreshMostRead(ctx);
      return settings;
    },
    audit: { action: 'audience.settings', entry: (req) => ({ subject: { type: 'audience' }, detail: { changed: Object.keys(req.body ?? {}) } }) },
  });
}
