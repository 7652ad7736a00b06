// Inputs of the article endpoints other than the article itself (content/article_input.ts defines that once).
import { ARTICLE_STATUSES } from '../content/tables.ts';
import { Bool, DateTime, Described as d, Id, IdParams, Int, OneOf, Paging, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
export const ArticleParams = IdParams;
export const ArticleListQuery = Strict({
  status: opt(d('Only articles with this status (the list\'s tabs).', OneOf(ARTICLE_STATUSES))),
  section: opt(d('Only articles in the section with this id.', Id)),
  author: opt(d('Only articles with a byline of the person with this id.', Id)),
  mine: opt(d('Only articles I created.', Bool)),
  q: opt(d('Words to search for in headlines, standfirsts and bodies.', Text(200))),
  ...Paging,
});
export const ScheduleBody = Strict({ at: d('When to publish: a date and time with its offset, e.g. 2026-12-01T06:00:00+04:30.', DateTime) });
export const PreviewBody = Strict({ minutes: opt(d('How long the link works, in minutes (60 when not given; at most a week).', Int(1, 7 * 24 * 60))) });
