// Static pages: about, contact, corrections policy; each at its own address (/pages/about) in the site's layout.
import type { Db } from '../db/schema.ts';

/** A published page by its slug, or null (drafts are never shown). */
export async function findPublishedPage(db: Db, slug: string) {
  return (await db.selectFrom('static_pages').select(['id', 'slug', 'title', 'body_html', 'language', 'published_at', 'updated_at'])
    .where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst()) ?? null;
}
