// The shapes of the audience figures' answers (audience_routes.ts), for the document and the app's types: the
// period's overview and chart, a table's top rows, the last 30 minutes, each story's figures and the settings.
import { Num, Str, When } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

/** A row of an audience table (a story, section, author, referring site, page...). */
export const FigureRowSchema = Type.Object({
  key: Str('What the row counts (an id, a host name, an address).'),
  label: Str('Its name as the newsroom reads it.'),
  views: Num('Page views.'),
  visitors: Num('Readers (counted, never tracked: no cookie).'),
  slug: Type.Optional(Str('A story\'s slug, for a link.')),
  language: Type.Optional(Str('A story\'s language, for a link.')),
});

/** One point of a chart: an hour or a day. */
const ChartPoint = Type.Object({
  at: Str('The hour it counts (ISO 8601, UTC) or the day (YYYY-MM-DD, the site\'s time zone).'),
  views: Num('Page views.'),
  visitors: Num('Readers.'),
});

const ViewsAndReaders = Type.Object({ views: Num('Page views.'), visitors: Num('Readers.') });
const Rows = (description: string) => Type.Array(FigureRowSchema, { description });

/** GET /api/admin/audience */
export const AudienceOverviewAnswer = Type.Object({
  range: Type.Union([Type.Literal('today'), Type.Literal('7d'), Type.Literal('30d'), Type.Literal('90d')], { description: 'The period.' }),
  from: Str('The period\'s first day (YYYY-MM-DD, the site\'s time zone).'),
  to: Str('Its last day.'),
  timeZone: Str('The site\'s IANA time zone, which the days and hours follow.'),
  totals: d('The period\'s totals.', Type.Object({
    views: Num('Readers\' page views.'),
    visitors: Num('Daily readers (a reader counts once a day).'),
    bots: Num('Page views by bots (apart from the readers\').'),
    feedFetches: Num('Feed fetches.'),
  })),
  series: Type.Array(ChartPoint, { description: 'The chart: one point per hour (today) or day, oldest first.' }),
  groups: d('The small breakdowns of the period.', Type.Object({
    ref_group: Rows('Referrer groups (search, social, direct, ...).'),
    edition: Rows('Editions (the site, mirrors, the offline edition, ...).'),
    language: Rows('Languages.'),
    kind: Rows('Kinds of page.'),
  })),
});

/** GET /api/admin/audience/tables/{table} */
export const AudienceTableAnswer = Type.Object({ rows: Rows('The top rows, most viewed first.') });

/** GET /api/admin/audience/stories */
export const StoriesFiguresAnswer = Type.Object({
  days: Num('Over how many days (today included).'),
  figures: Type.Record(Type.String(), ViewsAndReaders, { description: 'Each story\'s figures, by its id.' }),
});

/** GET /api/admin/audience/stories/{id} */
export const StoryFiguresAnswer = Type.Object({
  articleId: Num('The story.'),
  total: d('Its views and readers since it was first counted.', ViewsAndReaders),
  days: Type.Array(ChartPoint, { description: 'Its last 30 days, one point a day.' }),
  referrers: Rows('Where its readers came from, over all its days.'),
});

/** GET /api/admin/audience/realtime */
export const AudienceRealtimeAnswer = Type.Object({
  since: When('The start of the 30 minutes'),
  views: Num('Page views in the last 30 minutes.'),
  visitors: Num('Readers in the last 30 minutes.'),
  minutes: Type.Array(Type.Object({ at: When('The minute'), views: Num('Page views in it.') }), { description: 'Views per minute, oldest first, 30 of them.' }),
  stories: Rows('The stories read most in the last 30 minutes.'),
});

/** GET and PATCH /api/admin/audience/settings */
export const AudienceSettingsAnswer = Type.Object({
  mostRead: Type.Union([Type.Literal('off'), Type.Literal('24h'), Type.Literal('7d')], { description: 'The readers\' Most read list: off, the last 24 hours or the last 7 days.' }),
  mostReadCount: Num('How many stories it lists.'),
  partners: Type.Array(Type.String(), { description: 'Partner sites by host name.' }),
});
