// The pieces every input schema is built from, in TypeBox (a plain library: JSON Schema values with static types).
// A domain defines each entity's input once with them; the Admin API validates and documents requests with that
// schema, and the domain's TypeScript type is its Static<>. Objects refuse properties they do not name.
import { Type, type Static, type TObject, type TProperties, type TSchema } from 'typebox';

export { Type, type Static, type TSchema };

const MAX_ID = 2_147_483_647;

export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
export const NullableId = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: MAX_ID });
export const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, ...(minLength ? { minLength } : {}) });
export const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
export const Bool = Type.Boolean();
export const Int = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });
/** One of a fixed list of words (an enum that reads as text in the OpenAPI document). */
export const OneOf = <T extends string>(list: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...list] });
export const ListOf = <T extends TSchema>(item: T, maxItems: number) => Type.Array(item, { maxItems });
export const Optional = Type.Optional;

/** The same schema with a line for people (the API document shows it next to the field; its tests require one on every field). */
export function Described<T extends TSchema>(description: string, schema: T): T {
  return { ...schema, description };
}

/** An object with exactly these properties (wrap optional ones in Optional). */
export function Strict<T extends TProperties>(properties: T): TObject<T> {
  return Type.Object(properties, { additionalProperties: false });
}

/** The same object with every property optional: the body of a change. */
export function Patch<T extends TProperties>(schema: TObject<T>) {
  return Type.Partial(schema, { additionalProperties: false });
}
