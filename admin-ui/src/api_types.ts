// Named shapes of the Admin API for the app's screens, taken from the types generated from the OpenAPI document
// (api_types.gen.ts, `npm run api-types`): a screen names the operation (path and method as the document has
// them) and gets what it sends and what it gets back, so the app and the server cannot drift apart unseen.
import type { paths } from './api_types.gen.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer A } ? JsonOf<A> : R extends { 202: infer A } ? JsonOf<A> : never;

/** What a successful call answers (the JSON of its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Success<R> : never;

/** The JSON body a call sends. */
export type RequestBody<P extends keyof paths, M extends Method & keyof paths[P]> =
  paths[P][M] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query a call takes. */
export type Query<P extends keyof paths, M extends Method & keyof paths[P]> =
  paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a list-valued field. */
export type Item<L> = L extends readonly (infer I)[] ? I : never;
