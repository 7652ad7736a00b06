// The Admin API's schema kit: the domains' input pieces (content/input_kit.ts, TypeBox) plus what only requests
// have (path ids, paging, the answer to a create). Each schema is the route's validation (ajv), its part of the
// OpenAPI document and, through Static<>, the handler's TypeScript type.
import { Described as d, Id, Int, Strict, Type } from '../content/input_kit.ts';

export * from '../content/input_kit.ts';

/** Path parameters that are positive integer ids. */
export const IdParams = Strict({ id: d('The id of the item.', Id) });
export const Paging = {
  limit: Type.Optional(d('How many to answer (at most 200; 50 when not given).', Int(1, 200))),
  offset: Type.Optional(d('How many to skip, for the next page.', Int(0, 1_000_000))),
};
export const Created = Strict({ id: d('The id of what was made.', Id) });
/** A day, YYYY-MM-DD (filters by date). */
export const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
