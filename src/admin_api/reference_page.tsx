// The API reference for people, at GET /api/reference: the OpenAPI document (openapi.ts) drawn as one plain page
// on our own origin (no scripts, no third-party assets, the same strict CSP as every page): how to call the API,
// the error shape, then every operation by group with who may call it, its parameters, body fields and answers.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { sendPage } from '../http/send_page.ts';
import { assetUrl } from '../site/assets.ts';

type Json = Record<string, unknown>;
interface Param { name: string; in: string; required?: boolean; description?: string; schema: Json }
interface Operation {
  operationId: string; summary: string; description?: string; tags?: string[]; parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, { description: string }>;
  'x-access'?: string; security?: unknown[];
}
interface Doc { info: { title: string; description?: string }; tags?: { name: string; description?: string }[]; paths: Record<string, Record<string, Operation>> }

export const REFERENCE_PATH = '/api/reference';

/** A schema's type in a few words: "integer 1–200", "one of: draft, review", "list of integer", "text or null". */
export function typeOf(s: Json): string {
  if (Array.isArray(s.enum)) return `one of: ${s.enum.join(', ')}`;
  if (s.anyOf) return (s.anyOf as Json[]).map(typeOf).join(' or ');
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? 'any']) as string[];
  const words = types.map((t) => (t === 'array' ? `list of ${typeOf((s.items ?? {}) as Json)}` : t === 'string' ? 'text' : t));
  const bounds = s.minimum !== undefined && s.maximum !== undefined ? ` ${String(s.minimum)}–${String(s.maximum)}`
    : s.maxLength !== undefined ? ` (at most ${String(s.maxLength)} characters)` : s.format ? ` (${String(s.format)})` : '';
  return words.join(' or ') + bounds;
}

/** The body's fields, nested ones as dotted paths (list items as name.N.field), as the error answers name them. */
function fields(schema: Json, prefix = ''): { name: string; type: string; required: boolean; description: string }[] {
  const required = new Set((schema.required ?? []) as string[]);
  const out: { name: string; type: string; required: boolean; description: string }[] = [];
  for (const [name, p] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    out.push({ name: prefix + name, type: typeOf(p), required: required.has(name), description: String(p.description ?? '') });
    if (p.properties) out.push(...fields(p, `${prefix + name}.`));
    const items = p.items as Json | undefined;
    if (items?.properties) out.push(...fields(items, `${prefix + name}.N.`));
  }
  return out;
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }): VNode {
  const body = op.requestBody?.content;
  const json = body?.['application/json']?.schema;
  const open = Array.isArray(op.security) && op.security.length === 0;
  return (
    <section id={op.operationId} class="api-op">
      <h3>{op.summary}</h3>
      <p><code>{`${method.toUpperCase()} ${path}`}</code></p>
      {op.description ? <p>{op.description}</p> : null}
      <p>Who may call it: {open ? 'anyone (no session)' : op['x-access'] ? <code>{op['x-access']}</code> : 'holders of a Content API key'}</p>
      {op.parameters?.length ? (
        <table>
          <caption>Parameters</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">What it is</th></tr></thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={p.in + p.name}><td><code>{p.name}</code>{p.required ? ' (required)' : ''}</td><td>{p.in}</td><td>{typeOf(p.schema)}</td><td>{p.description}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {json ? (
        <table>
          <caption>Body (JSON)</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">What it is</th></tr></thead>
          <tbody>
            {fields(json).map((f) => (
              <tr key={f.name}><td><code>{f.name}</code>{f.required ? ' (required)' : ''}</td><td>{f.type}</td><td>{f.description}</td></tr>
            ))}
          </tbody>
        </table>
      ) : body ? <p>Body: {Object.keys(body).join(', ')} (see the description).</p> : null}
      <dl class="api-answers">
        {Object.entries(op.responses).map(([status, r]) => [<dt key={`t${status}`}>{status}</dt>, <dd key={`d${status}`}>{r.description}</dd>])}
      </dl>
    </section>
  );
}

export function ReferencePage({ doc }: { doc: Doc }): VNode {
  const groups = (doc.tags ?? []).map((tag) => ({
    tag,
    ops: Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item)
      .filter(([, op]) => op.tags?.includes(tag.name)).map(([method, op]) => ({ method, path, op }))),
  })).filter((g) => g.ops.length);
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.info.title}: reference`}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="stylesheet" href={assetUrl('admin.css')} />
      </head>
      <body class="admin api-reference">
        <main id="main" class="admin-main">
          <h1>{doc.info.title}</h1>
          <p>{doc.info.description}</p>
          <p>The same, for tools: <a href="/api/admin/openapi.json">the OpenAPI 3.1 document</a>.</p>
          <h2>Calling the API</h2>
          <p>
            The Admin API (<code>/api/admin/…</code>) uses the staff session: sign in with <code>POST /api/admin/auth/login</code>, keep the
            cookies, take a token from <code>GET /api/admin/csrf</code> and send it as the <code>x-csrf-token</code> header with every change.
            The Content API (<code>/api/content/…</code>) is read-only and needs a key from an owner or admin:
            <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
          <h2>When something is wrong</h2>
          <p>
            Every refusal answers JSON <code>{'{ "error": { "status", "code", "message", "field" } }'}</code>. <code>field</code> is the path to
            the field at fault (dotted for nested fields and list items, e.g. <code>social.0.url</code>), present when one field is at fault;
            show <code>message</code> next to it. 413 means the body or file is too large; 429 comes with a <code>Retry-After</code> header.
          </p>
          <nav aria-label="Groups">
            <h2>Contents</h2>
            <ul>
              {groups.map((g) => (
                <li key={g.tag.name}><a href={`#${g.tag.name}`}>{g.tag.name}</a>: {g.tag.description}</li>
              ))}
            </ul>
          </nav>
          {groups.map((g) => (
            <section key={g.tag.name} id={g.tag.name}>
              <h2>{g.tag.name}</h2>
              <p>{g.tag.description}</p>
              <ul>{g.ops.map(({ op }) => <li key={op.operationId}><a href={`#${op.operationId}`}>{op.summary}</a></li>)}</ul>
              {g.ops.map((o) => <OperationView key={o.op.operationId} {...o} />)}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

/** Registers the page (left out of the document it shows). */
export async function referencePage(app: FastifyInstance): Promise<void> {
  app.get(REFERENCE_PATH, { schema: { hide: true } }, async (_req, reply) => sendPage(reply, <ReferencePage doc={app.swagger() as unknown as Doc} />));
}
