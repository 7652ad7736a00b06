// Route schemas compiled at a route's first request instead of at start. Fastify compiles every route's
// validator (Ajv) and response serializer (fast-json-stringify) while the server starts, which took most of a
// restart's CPU for some 150 Admin API routes a reader's page never reaches. The compiled code is the same;
// only its moment moves.
import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

type Compile = (route: { schema: unknown; httpPart?: string; [k: string]: unknown }) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compile;
interface Validator {
  (data: unknown, dataCxt?: unknown): unknown;
  errors?: unknown;
  schemaEnv?: unknown;
}

const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/** Node gives header names in lower case; a schema naming them otherwise would never match. */
function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as { properties?: Record<string, unknown>; required?: string[] };
  return {
    ...s,
    ...(s.properties ? { properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k.toLowerCase(), v])) } : {}),
    ...(s.required ? { required: s.required.map((k) => k.toLowerCase()) } : {}),
  };
}

/** Fastify's own compiler factory (Ajv or fast-json-stringify), required at the first schema compiled. */
function compilerOf(pkg: string): Factory {
  let factory: Factory | undefined;
  return (externalSchemas, options) => {
    factory ??= (requireFromFastify(pkg) as () => Factory)();
    return factory(externalSchemas, options);
  };
}

function lazyValidators(build: Factory): Factory {
  return (externalSchemas, options) => {
    let compile: Compile | undefined;
    return (route) => {
      let fn: Validator | undefined;
      const part = route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route;
      const validate: Validator = (data, dataCxt) => {
        fn ??= (compile ??= build(externalSchemas, options))(part) as Validator;
        const ok = fn(data, dataCxt);
        validate.errors = fn.errors;
        return ok;
      };
      // Fastify passes the parent object (so Ajv may coerce a query string in place) only to Ajv's functions.
      validate.schemaEnv = true;
      return validate;
    };
  };
}

function lazySerializers(build: Factory): Factory {
  return (externalSchemas, options) => {
    let compile: Compile | undefined;
    return (route) => {
      let fn: ((data: unknown) => string) | undefined;
      return (data: unknown) => (fn ??= (compile ??= build(externalSchemas, options))(route) as (d: unknown) => string)(data);
    };
  };
}

/** Fastify's own compilers (Ajv, fast-json-stringify), each called at its schema's first use. */
export function lazySchemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  return { compilersFactory: {
    buildValidator: lazyValidators(compilerOf('@fastify/ajv-compiler')) as never,
    buildSerializer: lazySerializers(compilerOf('@fastify/fast-json-stringify-compiler')) as never,
  } };
}
