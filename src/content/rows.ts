// The few row operations every newsroom list (sections, people, tags, sources, redirects, ads) shares.
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isUniqueViolation } from './fields.ts';

/** Tables whose rows have a numeric id. */
export type ListTable = 'sections' | 'people' | 'tags' | 'sources' | 'redirects' | 'ad_slots' | 'ad_creatives' | 'media';

/** Runs an insert or update, turning a unique-constraint violation into a ConflictError on `field`. */
export async function saveUnique<T>(what: string, field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A ${what} with this ${field} already exists`, field);
    throw err;
  }
}

/** Throws NotFoundError("<What> not found") unless the row exists. */
export async function requireRow(db: Db, table: ListTable, id: number, what: string): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`${what} not found`);
}

/** Deletes one row by id; NotFoundError if there was none. */
export async function removeRow(db: Db, table: ListTable, id: number, what: string): Promise<void> {
  const r = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new NotFoundError(`${what} not found`);
}
