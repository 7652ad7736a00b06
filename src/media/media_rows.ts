// Media rows as other domains read them: the pictures of a page, every file for a backup.
import type { Db } from '../db/schema.ts';

/** What a page needs to draw these pictures (ids not found are left out). */
export function mediaForPages(db: Db, ids: readonly number[]) {
  return db.selectFrom('media').select(['id', 'storage_key', 'width', 'height', 'variants', 'alt', 'caption', 'credit', 'placeholder'])
    .where('id', 'in', [...new Set(ids)]).execute();
}

/** Every picture's stored files (master key and variants as JSON), in id order, read in the caller's transaction. */
export function mediaFiles(db: Db) {
  return db.selectFrom('media').select(['id', 'storage_key', 'variants']).orderBy('id').execute();
}
