// Request schemas of the article routes.
import { LANGUAGES } from '../content/articles.ts';
import { dateTime, id, idParams, nullableId, nullableText, object, paging, text, type Schema } from './schemas.ts';

export const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'];

const fields: Record<string, Schema> = {
  headline: text(300),
  slug: text(200),
  standfirst: text(1000),
  bodyHtml: text(500_000),
  sectionId: nullableId,
  tags: { type: 'array', maxItems: 30, items: text(60) },
  authorIds: { type: 'array', maxItems: 10, items: id },
  heroMediaId: nullableId,
  heroCaption: text(500),
  heroCredit: text(200),
  heroAlt: text(500),
  language: { type: 'string', enum: [...LANGUAGES] },
  commentsOpen: { type: 'boolean' },
  sourceId: nullableId,
  sourceUrl: nullableText(2000),
};

export const articleCreate: Schema = object(fields, ['headline']);
export const articleUpdate: Schema = object(fields);
export const articleParams = idParams('id');
export const articleList: Schema = object({
  status: { type: 'string', enum: STATUSES },
  section: id,
  author: id,
  mine: { type: 'boolean' },
  q: text(200),
  ...paging,
});
export const scheduleBody: Schema = object({ at: dateTime }, ['at']);
export const previewBody: Schema = object({ minutes: { type: 'integer', minimum: 1, maximum: 7 * 24 * 60 } });
