// Where a picture is used: articles that have it as their hero picture or show it in their body (the body names
// it by its address, /media/<storage key>). The media library shows this before anyone thinks of removing it.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';

export async function articlesUsingMedia(db: Db, media: { id: number; storage_key: string }) {
  const pattern = `%/media/${media.storage_key.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return db.selectFrom('articles').select(['id', 'headline', 'status'])
    .where((eb) => eb.or([eb('hero_media_id', '=', media.id), sql<boolean>`body_html like ${pattern} escape '!'`]))
    .orderBy('updated_at', 'desc').limit(100).execute();
}
