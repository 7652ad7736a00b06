// Stored redirects: old paths (an earlier site, a renamed page) answered with a 301 or 302.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { requiredText } from './fields.ts';
import { removeRow, saveUnique } from './rows.ts';
import { Described as d, Optional, Strict, Text, Type, type Static } from './input_kit.ts';

/** What a newsroom sends to create a redirect. */
export const RedirectFields = Strict({
  fromPath: d('The old path on this site, starting with /.', Text(2000)),
  toPath: d('Where it leads: a path starting with /, or an http(s) address.', Text(2000)),
  statusCode: Optional(d('301 (moved for good, the default) or 302 (for now).', Type.Unsafe<301 | 302>({ type: 'integer', enum: [301, 302] }))),
});
export type RedirectInput = Static<typeof RedirectFields>;

function checkPath(field: string, v: unknown, allowAbsolute: boolean): string {
  const p = requiredText(field, v, 2000);
  const ok = p.startsWith('/') && !p.startsWith('//') && !/\s/.test(p);
  if (!ok && !(allowAbsolute && /^https?:\/\/[^\s]+$/.test(p))) {
    throw new ValidationError(field, `${field} must be a path starting with /${allowAbsolute ? ' or an http(s) address' : ''}`);
  }
  return p;
}

export async function listRedirects(db: Db) {
  return db.selectFrom('redirects').selectAll().orderBy('from_path').execute();
}

export async function findRedirect(db: Db, path: string) {
  return (await db.selectFrom('redirects').select(['to_path', 'status_code']).where('from_path', '=', path).executeTakeFirst()) ?? null;
}

// Query keys by which WordPress named a post, page, attachment or archive (/?p=123): an address with one of these
// is looked up with its query; any other query is ignored.
export const OLD_QUERY_KEYS: ReadonlySet<string> = new Set(['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author']);

/** The stored redirect for a requested path and query (decoded path): first with an old site's ?p=ID-style query, then the path alone. */
export async function findOldAddress(db: Db, path: string, query: string) {
  const params = new URLSearchParams(query);
  const keys = [...params.keys()].filter((k) => OLD_QUERY_KEYS.has(k));
  if (keys.length === 1 && /^[\w-]{1,200}$/.test(params.get(keys[0]) ?? '')) {
    const hit = await findRedirect(db, `${path}?${keys[0]}=${params.get(keys[0])}`);
    if (hit) return hit;
  }
  return path === '/' ? null : findRedirect(db, path);
}

export async function createRedirect(ctx: AppContext, input: RedirectInput): Promise<number> {
  const from = checkPath('fromPath', input.fromPath, false);
  const to = checkPath('toPath', input.toPath, true);
  const code = input.statusCode ?? 301;
  if (code !== 301 && code !== 302) throw new ValidationError('statusCode', 'statusCode must be 301 or 302');
  if (from === to) throw new ValidationError('toPath', 'toPath must differ from fromPath');
  const { id } = await saveUnique('redirect', 'fromPath', () => ctx.db.insertInto('redirects')
    .values({ from_path: from, to_path: to, status_code: code, created_at: ctx.clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow());
  return id;
}

export async function deleteRedirect(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'redirects', id, 'Redirect');
}
