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

/** One place a picture is used, in words for the person who wants to delete it. */
export interface MediaUse {
  kind: 'article' | 'person' | 'source' | 'house_ad' | 'site_logo';
  id: number | null;
  name: string;
}

/** Every place a picture is used: articles (hero or body), people's photos, sources' logos, house ads, the site's logo. */
export async function mediaUses(db: Db, media: { id: number; storage_key: string }, siteLogoId: number | null): Promise<MediaUse[]> {
  const [articles, people, sources, ads] = await Promise.all([
    articlesUsingMedia(db, media),
    db.selectFrom('people').select(['id', 'name']).where('photo_media_id', '=', media.id).limit(100).execute(),
    db.selectFrom('sources').select(['id', 'name']).where('logo_media_id', '=', media.id).limit(100).execute(),
    db.selectFrom('ad_creatives').select(['id', 'name']).where('image_media_id', '=', media.id).limit(100).execute(),
  ]);
  return [
    ...articles.map((a) => ({ kind: 'article' as const, id: a.id, name: a.headline })),
    ...people.map((p) => ({ kind: 'person' as const, id: p.id, name: p.name })),
    ...sources.map((s) => ({ kind: 'source' as const, id: s.id, name: s.name })),
    ...ads.map((c) => ({ kind: 'house_ad' as const, id: c.id, name: c.name })),
    ...(siteLogoId === media.id ? [{ kind: 'site_logo' as const, id: null, name: 'the site\'s logo' }] : []),
  ];
}
