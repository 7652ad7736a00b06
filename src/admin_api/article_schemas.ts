// Inputs of the article endpoints other than the article itself (content/article_input.ts defines that once).
import { ARTICLE_STATUSES } from '../content/tables.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { Bool, DateTime, Id, IdParams, Int, OneOf, Paging, Strict, Text, Type, type TSchema } from './schemas.ts';

const opt = Type.Optional;
export const ArticleParams = IdParams;
/** A schema with a sentence for the OpenAPI document. */
const described = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
/** The filters the list and the counts share. */
const ArticleFilters = {
  section: opt(described(Id, 'only articles in this section')),
  author: opt(described(Id, 'only articles with this person in the byline')),
  mine: opt(described(Bool, 'only articles the caller created')),
  q: opt(described(Text(200), 'words in the headline or standfirst')),
  language: opt(Type.Unsafe<string>({ type: 'string', enum: [...LANGUAGES], description: 'only articles in this language' })),
  from: opt(Day('last changed on or after this day (YYYY-MM-DD, UTC)')),
  to: opt(Day('last changed on or before this day (YYYY-MM-DD, UTC)')),
};
export const ArticleListQuery = Strict({ status: opt(OneOf(ARTICLE_STATUSES)), ...ArticleFilters, ...Paging });
export const ArticleCountQuery = Strict(ArticleFilters);
export const BulkArchiveBody = Strict({ ids: Type.Array(Id, { minItems: 1, maxItems: 200, description: 'the articles to archive' }) });
export const SaveQuery = Strict({
  baseUpdatedAt: opt(described(Text(40), 'the updatedAt of the version the change was made from: when the article changed since, 409 and nothing is saved')),
});
export const CorrectionBody = Strict({ body: described(Text(2000, 1), 'the notice as readers see it, plain text') });
export const ScheduleBody = Strict({ at: DateTime });
export const PreviewBody = Strict({ minutes: opt(Int(1, 7 * 24 * 60)) });
