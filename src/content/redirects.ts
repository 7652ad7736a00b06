// Stored redirects: old paths (an earlier site, a renamed page) answered with a 301 or 302.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { isUniqueViolation, requiredText } from './fields.ts';

export interface RedirectInput {
  fromPath: string;
  toPath: string;
  statusCode?: 301 | 302;
}

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

export async function createRedirect(ctx: AppContext, input: RedirectInput): Promise<number> {
  const from = checkPath('fromPath', input.fromPath, false);
  const to = checkPath('toPath', input.toPath, true);
  const code = input.statusCode ?? 301;
  if (code !== 301 && code !== 302) throw new ValidationError('statusCode', 'statusCode must be 301 or 302');
  if (from === to) throw new ValidationError('toPath', 'toPath must differ from fromPath');
  try {
    const { id } = await ctx.db.insertInto('redirects').values({ from_path: from, to_path: to, status_code: code, created_at: ctx.clock.now().toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('A redirect from this path already exists', 'fromPath');
    throw err;
  }
}

export async function deleteRedirect(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.deleteFrom('redirects').where('id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new NotFoundError('Redirect not found');
}
