// What a newsroom sends to create or change an article, defined once: the Admin API validates requests with this
// schema (and documents it in OpenAPI), the content service checks every caller's input (the demo seeder, the
// importers) against it, and ArticleInput is its TypeScript type.
import { Value } from 'typebox/value';
import { ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import {
  Described as d, Id as id, NullableId as nullableId, NullableText, Optional as optional, Patch, Strict, Text as text, Type, type Static,
} from './input_kit.ts';

export const ArticleFields = Strict({
  headline: d('The headline, as readers see it.', text(300)),
  slug: optional(d('The last part of the article\'s address; made from the headline when not given; unique.', text(200))),
  standfirst: optional(d('The line or two under the headline.', text(1000))),
  bodyHtml: optional(d('The body as HTML; sanitized on the way in to the allowed tags and attributes.', text(500_000))),
  sectionId: optional(d('The section\'s id, or null for none.', nullableId)),
  tags: optional(d('Tag names; a name that is not a tag yet is created (only for staff who manage tags).', Type.Array(text(60), { maxItems: 30 }))),
  authorIds: optional(d('Bylines: people\'s ids in the order shown. When creating without it, the writer\'s own byline.', Type.Array(id, { maxItems: 10 }))),
  heroMediaId: optional(d('The hero image\'s media id, or null for none.', nullableId)),
  heroCaption: optional(d('The hero image\'s caption here (the image\'s own when empty).', text(500))),
  heroCredit: optional(d('The hero image\'s credit here (the image\'s own when empty).', text(200))),
  heroAlt: optional(d('The hero image\'s alt text here; an image without any alt text cannot be published.', text(500))),
  seoTitle: optional(d('The title search engines and social cards show, when it should differ from the headline (empty: the headline).', text(120))),
  seoDescription: optional(d('The description search engines and social cards show (empty: the standfirst).', text(300))),
  language: optional(d('The article\'s language (its text direction follows).', Type.Unsafe<string>({ type: 'string', enum: [...LANGUAGES] }))),
  commentsOpen: optional(d('Whether readers may comment.', Type.Boolean())),
  noSyndication: optional(d('True keeps the article out of every aggregator\'s feed (e.g. a story bought under licence); false when not given.', Type.Boolean())),
  sourceId: optional(d('The syndication source\'s id when republished, or null.', nullableId)),
  sourceUrl: optional(d('The original\'s address at the source, or null.', NullableText(2000))),
  translationOf: optional(d('The article this one translates (linked into its translation group); null unlinks it.', nullableId)),
});

/** The body of a change: any of the fields. */
export const ArticlePatch = Patch(ArticleFields);

export type ArticleInput = Static<typeof ArticleFields>;

/** Throws a ValidationError naming the first field that does not fit the schema. */
export function checkArticleShape(input: unknown, partial: boolean): void {
  const schema = partial ? ArticlePatch : ArticleFields;
  if (Value.Check(schema, input)) return;
  const e = Value.Errors(schema, input).find((x) => x.keyword !== 'boolean') ?? Value.Errors(schema, input)[0];
  const path = e.instancePath.split('/').filter(Boolean);
  const params = e.params as { additionalProperties?: string[]; requiredProperties?: string[] };
  const field = e.keyword === 'additionalProperties' ? params.additionalProperties?.[0] ?? 'body'
    : e.keyword === 'required' ? params.requiredProperties?.[0] ?? 'body' : path[0] ?? 'body';
  const message = e.keyword === 'additionalProperties' ? `${field} is not a field here`
    : e.keyword === 'required' ? `${field} is required` : `${field} ${e.message}`;
  throw new ValidationError(field, message);
}
