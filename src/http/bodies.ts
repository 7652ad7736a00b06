// Strict readers of posted bodies: valid UTF-8 only, each field once, escapes well-formed. Anything else is a
// clear 400 rather than text silently changed on its way into a comment.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest('the body is not valid UTF-8');
  }
}

/** Parses application/x-www-form-urlencoded into field -> text. */
export function parseForm(bytes: Buffer): Record<string, string> {
  const text = decodeUtf8(bytes);
  const out: Record<string, string> = Object.create(null);
  if (text === '') return out;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = unescapeField(eq < 0 ? pair : pair.slice(0, eq));
    const value = unescapeField(eq < 0 ? '' : pair.slice(eq + 1));
    if (Object.hasOwn(out, key)) throw badRequest(`the field ${key.slice(0, 40)} is given more than once`);
    out[key] = value;
  }
  return out;
}

function unescapeField(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw badRequest('the body has a malformed or non-UTF-8 escape');
  }
}

/** Parses a JSON object body. */
export function parseJson(bytes: Buffer): Record<string, unknown> {
  const text = decodeUtf8(bytes);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest('the body must be a JSON object');
  return v as Record<string, unknown>;
}
