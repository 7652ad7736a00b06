// JSON-schema pieces shared by the Admin API's routes; every object refuses properties it does not name.
export type Schema = Record<string, unknown>;

const MAX_ID = 2_147_483_647;

export const id: Schema = { type: 'integer', minimum: 1, maximum: MAX_ID };
export const nullableId: Schema = { type: ['integer', 'null'], minimum: 1, maximum: MAX_ID };
export const text = (maxLength: number): Schema => ({ type: 'string', maxLength });
export const nullableText = (maxLength: number): Schema => ({ type: ['string', 'null'], maxLength });
export const dateTime: Schema = { type: 'string', format: 'date-time', maxLength: 40 };

/** An object with exactly these properties (those in `required` must be present). */
export function object(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

/** Path parameters that are all positive integer ids. */
export function idParams(...names: string[]): Schema {
  return object(Object.fromEntries(names.map((n) => [n, id])), names);
}

export const paging: Record<string, Schema> = {
  limit: { type: 'integer', minimum: 1, maximum: 200 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
};

export const created: Schema = { 201: object({ id }, ['id']) };

export const empty: Schema = object({});
