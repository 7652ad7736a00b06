// Inputs of the article endpoints other than the article itself (content/article_input.ts defines that once).
import { ARTICLE_STATUSES } from '../content/tables.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { Bool, DateTime, Day, Described as d, Id, IdParams, Int, OneOf, Paging, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
export const ArticleParams = IdParams;
/** The filters the list and the counts share. */
const ArticleFilters = {
  section: opt(d('only articles in this section', Id)),
  author: opt(d('only articles with this person in the byline', Id)),
  mine: opt(d('only articles the caller created', Bool)),
  q: opt(d('words in the headline or standfirst', Text(200))),
  language: opt(Type.Unsafe<string>({ type: 'string', enum: [...LANGUAGES], description: 'only articles in this language' })),
  from: opt(Day('last changed on or after this day (YYYY-MM-DD, UTC)')),
  to: opt(Day('last changed on or before this day (YYYY-MM-DD, UTC)')),
};
export const ArticleListQuery = Strict({ status: opt(d('Only articles with this status (the list\'s tabs).', OneOf(ARTICLE_STATUSES))), ...ArticleFilters, ...Paging });
export const ArticleCountQuery = Strict(ArticleFilters);
export const BulkArchiveBody = Strict({ ids: Type.Array(Id, { minItems: 1, maxItems: 200, description: 'the articles to archive' }) });
export const SaveQuery = Strict({
  baseUpdatedAt: opt(d('the updatedAt of the version the change was made from: when the article changed since, 409 and nothing is saved', Text(40))),
});
export const CorrectionBody = Strict({ body: d('the notice as readers see it, plain text', Text(2000, 1)) });
export const ScheduleBody = Strict({ at: d('When to publish: a date and time with its offset, e.g. 2026-12-01T06:00:00+04:30.', DateTime) });
export const PreviewBody = Strict({ minutes: opt(d('How long the link works, in minutes (60 when not given; at most a week).', Int(1, 7 * 24 * 60))) });
