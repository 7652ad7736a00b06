// Turns a schema validation failure (ajv's errors, as Fastify reports them) into the one field and message
// the Admin API answers with: 400 { error: { status, code: 'invalid', field, message } }.
interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

export interface SchemaProblem {
  field: string;
  message: string;
}

/** The first problem of a validation error, or null when `err` is not one. */
export function schemaProblem(err: unknown): SchemaProblem | null {
  const list = (err as { validation?: AjvError[] }).validation;
  if (!Array.isArray(list) || !list.length) return null;
  const context = (err as { validationContext?: string }).validationContext ?? 'body';
  const e = list[0];
  const path = (e.instancePath ?? '').split('/').filter(Boolean).join('.');
  if (e.keyword === 'required') {
    const field = [path, String(e.params?.missingProperty ?? '')].filter(Boolean).join('.');
    return { field, message: `${field} is required` };
  }
  if (e.keyword === 'additionalProperties') {
    const field = [path, String(e.params?.additionalProperty ?? '')].filter(Boolean).join('.');
    return { field, message: `${field} is not a field here` };
  }
  const field = path || context;
  return { field, message: `${field} ${e.message ?? 'is not valid'}` };
}
