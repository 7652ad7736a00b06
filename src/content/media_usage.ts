// Where a picture is used: articles that have it as their hero picture or show it in their body (the body names
// it by its address, /media/<storage key>). The media library shows this before anyone thinks of removing it.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { notOwnedBy } from './actor_rules.ts';
import type { ArticleReader } from './article_rules.ts';
import { creativesUsingMedia } from '../ads/media_uses.ts';

/** The articles that show a picture. With a reader (a writer who may open only their own articles), others'
 *  articles are counted in `others` and never named: their headlines and status are not the reader's to see. */
export async function articlesUsingMedia(db: Db, media: { id: number; storage_key: string }, reader: ArticleReader | null = null) {
  const pattern = `%/media/${media.storage_key.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const rows = await db.selectFrom('articles').select(['id', 'headline', 'status', 'created_by'])
    .where((eb) => eb.or([eb('hero_media_id', '=', media.id), sql<boolean>`body_html like ${pattern} escape '!'`]))
    .orderBy('updated_at', 'desc').limit(100).execute();
  const hidden = reader ? await notOwnedBy(db, reader, rows) : new Set<number>();
  return { articles: rows.filter((r) => !hidden.has(r.id)).map(({ id, headline, status }) => ({ id, headline, status })), others: hidden.size };
}

/** One place a picture is used, in words for the person who wants to delete it. */
export interface MediaUse {
  kind: 'article' | 'person' | 'source' | 'house_ad' | 'site_logo';
  id: number | null;
  name: string;
}

/** Every place a picture is used: articles (hero or body), people's photos, sources' logos, house ads, the site's logo. */
export async function mediaUses(db: Db, media: { id: number; storage_key: string }, siteLogoId: number | null,
  reader: ArticleReader | null = null): Promise<MediaUse[]> {
  const [{ articles, others }, people, sources, ads] = await Promise.all([
    articlesUsingMedia(db, media, reader),
    db.selectFrom('people').select(['id', 'name']).where('photo_media_id', '=', media.id).limit(100).execute(),
    db.selectFrom('sources').select(['id', 'name']).where('logo_media_id', '=', media.id).limit(100).execute(),
    creativesUsingMedia(db, media.id),
  ]);
  return [
    ...articles.map((a) => ({ kind: 'article' as const, id: a.id, name: a.headline })),
    ...(others ? [{ kind: 'article' as const, id: null, name: others === 1 ? 'an article by someone else' : `${others} articles by others` }] : []),
    ...people.map((p) => ({ kind: 'person' as const, id: p.id, name: p.name })),
    ...sources.map((s) => ({ kind: 'source' as const, id: s.id, name: s.name })),
    ...ads.map((c) => ({ kind: 'house_ad' as const, id: c.id, name: c.name })),
    ...(siteLogoId === media.id ? [{ kind: 'site_logo' as const, id: null, name: 'the site\'s logo' }] : []),
  ];
}
