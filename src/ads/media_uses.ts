// Which house ads show a picture, for the media library's "where is this used".
import type { Db } from '../db/schema.ts';

/** Up to 100 house ads showing this picture. */
export function creativesUsingMedia(db: Db, mediaId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('ad_creatives').select(['id', 'name']).where('image_media_id', '=', mediaId).limit(100).execute();
}
