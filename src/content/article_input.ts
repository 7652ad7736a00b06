// What a newsroom sends to create or change an article, defined once: the Admin API validates requests with this
// schema (and documents it in OpenAPI), the content service checks every caller's input (the demo seeder, the
// importers) against it, and ArticleInput is its TypeScript type.
import { Value } from 'typebox/value';
import { ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { Id as id, NullableId as nullableId, NullableText, Optional as optional, Patch, Strict, Text as text, Type, type Static } from './input_kit.ts';

export const ArticleFields = Strict({
  headline: text(300),
  slug: optional(text(200)),
  standfirst: optional(text(1000)),
  bodyHtml: optional(text(500_000)),
  sectionId: optional(nullableId),
  tags: optional(Type.Array(text(60), { maxItems: 30 })),
  authorIds: optional(Type.Array(id, { maxItems: 10 })),
  heroMediaId: optional(nullableId),
  heroCaption: optional(text(500)),
  heroCredit: optional(text(200)),
  heroAlt: optional(text(500)),
  language: optional(Type.Unsafe<string>({ type: 'string', enum: [...LANGUAGES] })),
  commentsOpen: optional(Type.Boolean()),
  sourceId: optional(nullableId),
  sourceUrl: optional(NullableText(2000)),
  /** the article this one translates (linked into its translation group); null unlinks it */
  translationOf: optional(nullableId),
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
