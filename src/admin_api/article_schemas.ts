// Inputs of the article endpoints other than the article itself (content/article_input.ts defines that once).
import { ARTICLE_STATUSES } from '../content/tables.ts';
import { Bool, DateTime, Id, IdParams, Int, OneOf, Paging, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
export const ArticleParams = IdParams;
export const ArticleListQuery = Strict({
  status: opt(OneOf(ARTICLE_STATUSES)), section: opt(Id), author: opt(Id), mine: opt(Bool), q: opt(Text(200)), ...Paging,
});
export const ScheduleBody = Strict({ at: DateTime });
export const PreviewBody = Strict({ minutes: opt(Int(1, 7 * 24 * 60)) });
